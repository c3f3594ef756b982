import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jitter } from '../support/fake-stripe/delivery-queue';
import {
  defaultDeliverySchedule,
  startFakeStripe,
  type Delivery,
  type FakeStripe,
} from '../support/fake-stripe';

// The fake is driven only the way the site drives Stripe: through the real SDK, and plain HTTP
// for the hosted pages and test controls.

let fake: FakeStripe;
let stripe: Stripe;
let receiver: Receiver;

function client(key: string): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port: Number(new URL(fake.url).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/** A webhook endpoint that checks signatures the way the site does, and keeps what it accepted. */
interface Receiver {
  url: string;
  accepted: Stripe.Event[];
  rejected: number;
  close(): Promise<void>;
}

/**
 * The answer to a correctly signed event: a status (2xx accepts it), a redirect, or no answer at
 * all. `tries` counts the deliveries of this event so far, this one included.
 */
type Answer = (event: Stripe.Event, tries: number) => number | 'redirect' | 'silence';

async function startReceiver(secret: () => string, answer: Answer = () => 200): Promise<Receiver> {
  const accepted: Stripe.Event[] = [];
  const tries = new Map<string, number>();
  const state = { rejected: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let event: Stripe.Event;
      try {
        const signature = String(request.headers['stripe-signature'] ?? '');
        event = Stripe.webhooks.constructEvent(body, signature, secret());
      } catch {
        state.rejected += 1;
        response.writeHead(400).end('bad signature');
        return;
      }
      const count = (tries.get(event.id) ?? 0) + 1;
      tries.set(event.id, count);
      const outcome = answer(event, count);
      if (outcome === 'silence') return;
      if (outcome === 'redirect') {
        response.writeHead(302, { Location: '/elsewhere' }).end();
        return;
      }
      if (outcome >= 200 && outcome < 300) accepted.push(event);
      response.writeHead(outcome).end(outcome < 300 ? '{"received":true}' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    accepted,
    get rejected() {
      return state.rejected;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = client(fake.secretKey);
  receiver = await startReceiver(() => fake.webhookSecret);
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

afterEach(() => {
  fake.setMode('ok');
  fake.setWebhookUrl(undefined);
  fake.setDeliverySchedule(defaultDeliverySchedule);
});

/** Quick deliveries, for tests about what is sent rather than when. */
const quickly = { jitterMs: { min: 0, max: 20 }, retryDelaysMs: [50, 100], timeoutMs: 2000 };

const attemptsAt = (event: Stripe.Event) =>
  fake.deliveries.filter((delivery) => delivery.eventId === event.id);

const site = 'https://northgate.example';

function oneOff(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const donationId = crypto.randomUUID();
  return {
    mode: 'payment',
    submit_type: 'donate',
    success_url: `${site}/support/thank-you?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${site}/support?resume=${donationId}`,
    customer_email: 'ada@example.org',
    client_reference_id: donationId,
    metadata: { donation_id: donationId },
    line_items: [
      {
        price_data: { currency: 'GBP', unit_amount: 5000, product_data: { name: 'Gift' } },
        quantity: 1,
      },
    ],
    payment_intent_data: { metadata: { donation_id: donationId }, description: 'Gift' },
    ...overrides,
  } satisfies Stripe.Checkout.SessionCreateParams;
}

function monthly(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const donationId = crypto.randomUUID();
  return {
    mode: 'subscription',
    success_url: `${site}/support/thank-you?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${site}/support`,
    customer_email: 'grace@example.org',
    metadata: { donation_id: donationId },
    line_items: [
      {
        price_data: {
          currency: 'gbp',
          unit_amount: 1200,
          product_data: { name: 'Monthly gift' },
          recurring: { interval: 'month' },
        },
        quantity: 1,
      },
    ],
    subscription_data: { metadata: { donation_id: donationId }, description: 'Monthly gift' },
    ...overrides,
  } satisfies Stripe.Checkout.SessionCreateParams;
}

async function invalid(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return error as Stripe.errors.StripeError;
}

const types = (events: Stripe.Event[]) => events.map((event) => event.type);
const objectId = (event: Stripe.Event) => (event.data.object as { id?: string }).id;

function only<T extends Stripe.Event['type']>(events: Stripe.Event[], type: T) {
  const found = events.filter(
    (event): event is Extract<Stripe.Event, { type: T }> => event.type === type,
  );
  expect(found, `one ${type} event`).toHaveLength(1);
  return found[0]!;
}

async function paidMonthlyGift() {
  const session = await stripe.checkout.sessions.create(monthly());
  const events = fake.completeCheckout(session.id);
  const subscriptionId = fake.getSession(session.id)!.subscription as string;
  return { session, events, subscriptionId };
}

describe('Checkout Sessions', () => {
  it('creates a one-off session as Stripe shapes it, and records the decoded request', async () => {
    const params = oneOff();
    const session = await stripe.checkout.sessions.create(params);
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{20,}$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      url: `${fake.url}/pay/${session.id}`,
      status: 'open',
      payment_status: 'unpaid',
      mode: 'payment',
      amount_total: 5000,
      currency: 'gbp',
      customer_email: 'ada@example.org',
      customer_details: null,
      customer: null,
      payment_intent: null,
      submit_type: 'donate',
      metadata: params.metadata,
      success_url: params.success_url,
      livemode: false,
    });
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      status: 200,
      idempotencyKey: expect.stringMatching(/^stripe-node-retry-/),
      params: {
        line_items: [{ price_data: { currency: 'GBP', unit_amount: '5000' }, quantity: '1' }],
        metadata: { donation_id: params.metadata.donation_id },
      },
    });

    const again = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items'],
    });
    expect(again.line_items?.data).toHaveLength(1);
    expect(again.line_items?.data[0]).toMatchObject({
      object: 'item',
      description: 'Gift',
      quantity: 1,
      amount_total: 5000,
      price: { unit_amount: 5000, currency: 'gbp', recurring: null, type: 'one_time' },
    });
    expect(fake.getSession(session.id)?.url).toBe(session.url);
  });

  it('creates a monthly session with an inline recurring price', async () => {
    const session = await stripe.checkout.sessions.create(monthly());
    expect(session).toMatchObject({
      mode: 'subscription',
      amount_total: 1200,
      currency: 'gbp',
      subscription: null,
    });
    const { data } = await stripe.checkout.sessions.listLineItems(session.id);
    expect(data[0]?.price?.recurring).toMatchObject({ interval: 'month', interval_count: 1 });
  });

  it.each<[string, Record<string, unknown>, { param?: string; message: string | RegExp }]>([
    [
      'a recurring price in payment mode',
      {
        line_items: [
          {
            price_data: {
              currency: 'gbp',
              unit_amount: 500,
              product_data: { name: 'Gift' },
              recurring: { interval: 'month' },
            },
            quantity: 1,
          },
        ],
      },
      {
        param: 'line_items[0]',
        message: /You specified `payment` mode but passed a recurring price/,
      },
    ],
    [
      'no success_url',
      { success_url: undefined },
      { param: 'success_url', message: 'Missing required param: success_url.' },
    ],
    [
      'a relative success_url',
      { success_url: '/thanks' },
      { param: 'success_url', message: 'Not a valid URL' },
    ],
    [
      'an unknown parameter',
      { colour: 'blue' },
      { param: 'colour', message: 'Received unknown parameter: colour' },
    ],
    [
      'an unknown nested parameter',
      {
        line_items: [
          {
            price_data: { currency: 'gbp', unit_amount: 500, product_data: { name: 'Gift' } },
            quantity: 1,
            colour: 'blue',
          },
        ],
      },
      {
        param: 'line_items[0][colour]',
        message: 'Received unknown parameter: line_items[0][colour]',
      },
    ],
    [
      'both customer and customer_email',
      { customer: 'cus_someone' },
      { message: 'You may only specify one of these parameters: customer, customer_email.' },
    ],
    ['no mode', { mode: undefined }, { param: 'mode', message: 'Missing required param: mode.' }],
    [
      'a negative amount',
      {
        line_items: [
          {
            price_data: { currency: 'gbp', unit_amount: -1, product_data: { name: 'G' } },
            quantity: 1,
          },
        ],
      },
      { param: 'line_items[0][price_data][unit_amount]', message: /greater than or equal to 0/ },
    ],
    [
      'a zero quantity',
      {
        line_items: [
          {
            price_data: { currency: 'gbp', unit_amount: 100, product_data: { name: 'G' } },
            quantity: 0,
          },
        ],
      },
      { param: 'line_items[0][quantity]', message: /greater than or equal to 1/ },
    ],
    [
      'subscription_data in payment mode',
      { subscription_data: { metadata: { a: 'b' } } },
      {
        param: 'subscription_data',
        message: /`subscription_data` can only be used in `subscription` mode/,
      },
    ],
    [
      'a metadata key over 40 characters',
      { metadata: { ['k'.repeat(41)]: 'v' } },
      { param: `metadata[${'k'.repeat(41)}]`, message: /up to 40 characters/ },
    ],
    [
      'a metadata value over 500 characters',
      { metadata: { note: 'v'.repeat(501) } },
      { param: 'metadata[note]', message: /up to 500 characters/ },
    ],
  ])('refuses %s as Stripe does', async (_name, overrides, expected) => {
    const before = fake.listSessions().length;
    const error = await invalid(
      stripe.checkout.sessions.create({
        ...oneOff(),
        ...overrides,
      } as Stripe.Checkout.SessionCreateParams),
    );
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe(expected.param);
    if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
    else expect(error.message).toMatch(expected.message);
    expect(fake.listSessions()).toHaveLength(before);
  });

  it('refuses a subscription without a recurring price, and payment_intent_data in it', async () => {
    const oneTime = [
      {
        price_data: { currency: 'gbp', unit_amount: 1200, product_data: { name: 'Gift' } },
        quantity: 1,
      },
    ];
    const error = await invalid(stripe.checkout.sessions.create(monthly({ line_items: oneTime })));
    expect(error.message).toMatch(/at least one recurring price in `subscription` mode/);
    const other = await invalid(
      stripe.checkout.sessions.create(
        monthly({ payment_intent_data: { metadata: { donation_id: 'x' } } }),
      ),
    );
    expect(other.param).toBe('payment_intent_data');
  });

  it('answers an unknown session with 404 resource_missing', async () => {
    const error = await invalid(stripe.checkout.sessions.retrieve('cs_test_nothing'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(error.message).toBe("No such checkout.session: 'cs_test_nothing'");
  });

  it('expires an open session through the API and refuses to expire it twice', async () => {
    const session = await stripe.checkout.sessions.create(oneOff());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    await invalid(stripe.checkout.sessions.expire(session.id));
    expect(types(fake.events.slice(-1))).toEqual(['checkout.session.expired']);
  });
});

describe('requests as Stripe answers them', () => {
  it('replays an idempotent request byte for byte and creates one session', async () => {
    const params = oneOff();
    const key = `donation-checkout-${crypto.randomUUID()}`;
    const before = fake.listSessions().length;
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    const second = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(fake.listSessions()).toHaveLength(before + 1);

    const changed = await stripe.checkout.sessions
      .create({ ...params, customer_email: 'someone.else@example.org' }, { idempotencyKey: key })
      .catch((error: unknown) => error);
    expect(changed).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((changed as Error).message).toMatch(
      /^Keys for idempotent requests can only be used with the same parameters they were first used with/,
    );
    expect(fake.listSessions()).toHaveLength(before + 1);
  });

  it('does not keep a refused request under its key, so a corrected retry goes through', async () => {
    const key = crypto.randomUUID();
    await invalid(
      stripe.checkout.sessions.create(oneOff({ mode: undefined }), { idempotencyKey: key }),
    );
    const session = await stripe.checkout.sessions.create(oneOff(), { idempotencyKey: key });
    expect(session.status).toBe('open');
  });

  it('answers a wrong or missing key with 401', async () => {
    const error = await client('sk_test_wrong_key_123456789')
      .checkout.sessions.create(oneOff())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Error).message).toMatch(/^Invalid API Key provided: sk_test_/);

    const response = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_x`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringMatching(/did not provide an API key/),
      },
    });
  });

  it("answers 500 api_error in 'error' mode and drops the connection in 'down' mode", async () => {
    fake.setMode('error');
    const failed = await stripe.checkout.sessions.create(oneOff()).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(fake.requests.at(-1)?.status).toBe(500);

    fake.setMode('down');
    const down = await stripe.checkout.sessions.create(oneOff()).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.requests.at(-1)?.status).toBe(0);

    fake.setMode('ok');
    expect((await stripe.checkout.sessions.create(oneOff())).status).toBe('open');
  });

  it('answers an unknown route with 404 Unrecognized request URL', async () => {
    const response = await fetch(`${fake.url}/v1/teapots`, {
      headers: { Authorization: `Bearer ${fake.secretKey}` },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/teapots\)/);
  });
});

describe('scenario drivers', () => {
  it('completes a one-off payment with a PaymentIntent carrying the payment_intent_data metadata', async () => {
    const params = oneOff();
    const session = await stripe.checkout.sessions.create(params);
    const events = fake.completeCheckout(session.id);
    expect(types(events)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = only(events, 'checkout.session.completed').data.object;
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', customer: null });
    expect(completed.customer_details?.email).toBe('ada@example.org');

    const read = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    });
    const intent = read.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 5000,
      amount_received: 5000,
      metadata: params.payment_intent_data.metadata,
      description: 'Gift',
    });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({
      paid: true,
      status: 'succeeded',
      payment_intent: intent.id,
      amount_refunded: 0,
    });
  });

  it('completes a delayed payment unpaid and settles it later', async () => {
    const cleared = await stripe.checkout.sessions.create(oneOff());
    const pending = fake.completeCheckout(cleared.id, { delayedPayment: true });
    expect(only(pending, 'checkout.session.completed').data.object.payment_status).toBe('unpaid');
    const settled = fake.settleAsyncPayment(cleared.id, true);
    expect(settled[0]?.type).toBe('checkout.session.async_payment_succeeded');
    expect((await stripe.checkout.sessions.retrieve(cleared.id)).payment_status).toBe('paid');

    const bounced = await stripe.checkout.sessions.create(oneOff());
    fake.completeCheckout(bounced.id, { delayedPayment: true });
    const failed = fake.settleAsyncPayment(bounced.id, false);
    expect(failed[0]?.type).toBe('checkout.session.async_payment_failed');
    expect((await stripe.checkout.sessions.retrieve(bounced.id)).payment_status).toBe('unpaid');
  });

  it('expires a session', async () => {
    const session = await stripe.checkout.sessions.create(oneOff());
    expect(types(fake.expireCheckout(session.id))).toEqual(['checkout.session.expired']);
    expect(fake.getSession(session.id)?.status).toBe('expired');
  });

  it('starts a subscription: events in order, metadata on the invoice parent, periods on items', async () => {
    const { session, events, subscriptionId } = await paidMonthlyGift();
    expect(types(events)).toEqual([
      'customer.created',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        id: expect.stringMatching(/^evt_/),
        object: 'event',
        api_version: Stripe.API_VERSION,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      });
    }
    const invoice = only(events, 'invoice.paid').data.object;
    expect(invoice).toMatchObject({
      billing_reason: 'subscription_create',
      status: 'paid',
      amount_paid: 1200,
      amount_remaining: 0,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscriptionId, metadata: session.metadata },
      },
    });
    expect(invoice).not.toHaveProperty('subscription');
    expect(invoice).not.toHaveProperty('charge');
    expect(invoice).not.toHaveProperty('payment_intent');
    // The snapshot in the event keeps the state of that moment.
    expect(only(events, 'invoice.created').data.object.status).toBe('draft');

    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    expect(subscription).toMatchObject({
      status: 'active',
      metadata: session.metadata,
      customer: fake.getSession(session.id)!.customer,
      latest_invoice: invoice.id,
    });
    expect(subscription).not.toHaveProperty('current_period_end');
    const [item] = subscription.items.data;
    const start = new Date(item!.current_period_start * 1000);
    const end = new Date(item!.current_period_end * 1000);
    expect((end.getUTCMonth() - start.getUTCMonth() + 12) % 12).toBe(1);
    expect(end.getUTCDate()).toBe(Math.min(start.getUTCDate(), end.getUTCDate()));
    expect(item!.price).toMatchObject({ unit_amount: 1200, recurring: { interval: 'month' } });

    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      subscription: subscriptionId,
    });
  });

  it('finds the invoice a PaymentIntent paid through the invoice payments list', async () => {
    const { events } = await paidMonthlyGift();
    const invoice = only(events, 'invoice.paid').data.object;
    const byInvoice = await stripe.invoicePayments.list({ invoice: invoice.id });
    expect(byInvoice.data).toHaveLength(1);
    const payment = byInvoice.data[0]!;
    expect(payment).toMatchObject({ object: 'invoice_payment', status: 'paid', amount_paid: 1200 });
    const intentId = payment.payment.payment_intent as string;
    expect(intentId).toMatch(/^pi_/);
    const byIntent = await stripe.invoicePayments.list({
      payment: { type: 'payment_intent', payment_intent: intentId },
    });
    expect(byIntent).toMatchObject({
      object: 'list',
      has_more: false,
      url: '/v1/invoice_payments',
    });
    expect(byIntent.data.map((entry) => entry.invoice)).toEqual([invoice.id]);
    const intent = await stripe.paymentIntents.retrieve(intentId);
    expect(intent.status).toBe('succeeded');
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid');
  });

  it('renews a subscription into the next period, paid or failed', async () => {
    const { subscriptionId } = await paidMonthlyGift();
    const firstItem = fake.getSubscription(subscriptionId)!.items.data[0]!;

    const renewed = fake.renewSubscription(subscriptionId);
    expect(types(renewed)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    const advanced = only(renewed, 'customer.subscription.updated').data;
    expect(advanced.object.items.data[0]!.current_period_start).toBe(firstItem.current_period_end);
    expect(advanced.previous_attributes?.items?.data[0]?.current_period_end).toBe(
      firstItem.current_period_end,
    );
    const cycle = only(renewed, 'invoice.paid').data.object;
    expect(cycle).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 1200 });
    expect(cycle.lines.data[0]?.period.start).toBe(firstItem.current_period_end);

    const failed = fake.renewSubscription(subscriptionId, { fail: true });
    const unpaid = only(failed, 'invoice.payment_failed').data.object;
    expect(unpaid).toMatchObject({ status: 'open', attempt_count: 1, amount_paid: 0 });
    const updates = failed.filter(
      (event): event is Stripe.CustomerSubscriptionUpdatedEvent =>
        event.type === 'customer.subscription.updated',
    );
    expect(updates.at(-1)?.data.object.status).toBe('past_due');
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('past_due');
  });

  it('cancels at the period end, or at once', async () => {
    const later = await paidMonthlyGift();
    const scheduled = fake.cancelSubscription(later.subscriptionId, { atPeriodEnd: true });
    const updated = only(scheduled, 'customer.subscription.updated').data;
    const end = updated.object.items.data[0]!.current_period_end;
    expect(updated.object).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: end,
      status: 'active',
    });
    expect(updated.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });
    expect(types(fake.renewSubscription(later.subscriptionId))).toEqual([
      'customer.subscription.deleted',
    ]);

    const now = await paidMonthlyGift();
    const deleted = only(
      fake.cancelSubscription(now.subscriptionId),
      'customer.subscription.deleted',
    );
    expect(deleted.data.object).toMatchObject({
      status: 'canceled',
      canceled_at: expect.any(Number),
      ended_at: expect.any(Number),
    });
    expect((await stripe.subscriptions.retrieve(now.subscriptionId)).status).toBe('canceled');
  });

  it('cancels through the API, sending the events to the webhook endpoint', async () => {
    const { subscriptionId } = await paidMonthlyGift();
    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const updated = await stripe.subscriptions.update(subscriptionId, {
      cancel_at_period_end: true,
      metadata: { note: 'asked by phone' },
    });
    expect(updated).toMatchObject({
      cancel_at_period_end: true,
      metadata: { note: 'asked by phone' },
    });
    const canceled = await stripe.subscriptions.cancel(subscriptionId);
    expect(canceled.status).toBe('canceled');
    await fake.idle();
    expect(receiver.accepted.filter((event) => objectId(event) === subscriptionId)).toHaveLength(3);
    const deleted = receiver.accepted.find(
      (event) =>
        event.type === 'customer.subscription.deleted' && event.data.object.id === subscriptionId,
    );
    expect(deleted?.request?.id).toMatch(/^req_/);
  });

  it('refunds part of a charge, then the rest', async () => {
    const session = await stripe.checkout.sessions.create(
      oneOff({
        line_items: [
          {
            price_data: { currency: 'gbp', unit_amount: 10000, product_data: { name: 'Gift' } },
            quantity: 1,
          },
        ],
      }),
    );
    fake.completeCheckout(session.id);
    const intent = fake.getPaymentIntent(fake.getSession(session.id)!.payment_intent as string)!;
    const chargeId = intent.latest_charge as string;

    const partial = only(fake.refundCharge(chargeId, 4000), 'charge.refunded').data;
    expect(partial.object).toMatchObject({ amount_refunded: 4000, refunded: false });
    expect(partial.previous_attributes).toEqual({ amount_refunded: 0 });
    const rest = only(fake.refundCharge(chargeId), 'charge.refunded').data.object;
    expect(rest).toMatchObject({ amount_refunded: 10000, refunded: true });
    expect(() => fake.refundCharge(chargeId, 1)).toThrow(/already been refunded/);
    expect((await stripe.charges.retrieve(chargeId)).refunded).toBe(true);
  });
});

describe('webhook delivery', () => {
  it('signs events so constructEvent accepts them, and a changed body is refused', async () => {
    const session = await stripe.checkout.sessions.create(oneOff());
    const event = only(fake.completeCheckout(session.id), 'checkout.session.completed');
    const before = receiver.accepted.length;

    const good = await fake.deliver(event, { to: receiver.url });
    expect(good.status).toBe(200);
    expect(receiver.accepted.slice(before)).toEqual([event]);

    const tampered = await fake.deliver(event, {
      to: receiver.url,
      tamper: (body) => body.replace('"amount_total": 5000', '"amount_total": 1'),
    });
    expect(tampered.status).toBe(400);
    const stranger = await fake.deliver(event, { to: receiver.url, secret: 'whsec_someone_else' });
    expect(stranger.status).toBe(400);
    expect(receiver.accepted).toHaveLength(before + 1);

    fake.setWebhookUrl(receiver.url);
    expect(await fake.deliverAll([event, event])).toEqual([200, 200]);
  });
});

describe('webhooks sent as Stripe sends them', () => {
  it('draws each delay evenly from the jitter bounds, both included', () => {
    expect(jitter({ min: 100, max: 1000 }, () => 0)).toBe(100);
    expect(jitter({ min: 100, max: 1000 }, () => 0.999_999)).toBe(1000);
    expect(jitter({ min: 100, max: 1000 }, () => 0.5)).toBe(550);
    expect(jitter({ min: 7, max: 7 }, Math.random)).toBe(7);
    expect(() => fake.setDeliverySchedule({ jitterMs: { min: 10, max: 5 } })).toThrow(RangeError);
    expect(() => fake.setDeliverySchedule({ retryDelaysMs: [100, -1] })).toThrow(RangeError);
    expect(fake.deliverySchedule).toEqual(defaultDeliverySchedule);
  });

  it('sends each event on its own after a delay within the jitter bounds, and returns at once', async () => {
    fake.setDeliverySchedule({ jitterMs: { min: 150, max: 400 } });
    const { events } = await paidMonthlyGift();
    const queuedAt = Date.now();
    fake.send(events, { to: receiver.url });
    expect(fake.pendingDeliveries).toBe(events.length);
    expect(attemptsAt(events[0]!)).toEqual([]);
    await fake.idle();
    expect(fake.pendingDeliveries).toBe(0);

    const firsts = events.map((event) => attemptsAt(event));
    for (const attempts of firsts) {
      expect(attempts).toEqual([
        expect.objectContaining({ attempt: 1, status: 200, error: null, nextAttemptAt: null }),
      ]);
      const delay = attempts[0]!.startedAt - queuedAt;
      // Node's timers never fire early by more than a millisecond of rounding; a busy machine
      // can make them late.
      expect(delay).toBeGreaterThanOrEqual(149);
      expect(delay).toBeLessThan(400 + 500);
    }
    const starts = new Set(firsts.map((attempts) => attempts[0]!.startedAt));
    expect(starts.size).toBeGreaterThan(1);
    expect(receiver.accepted.map((event) => event.id)).toEqual(
      expect.arrayContaining(events.map((event) => event.id)),
    );
  });

  it('retries a failing endpoint after each delay of the schedule until it answers 2xx', async () => {
    const flaky = await startReceiver(
      () => fake.webhookSecret,
      (_event, tries) => (tries < 3 ? 503 : 200),
    );
    try {
      fake.setDeliverySchedule({ jitterMs: { min: 0, max: 0 }, retryDelaysMs: [100, 200, 400] });
      const session = await stripe.checkout.sessions.create(oneOff());
      const event = only(fake.completeCheckout(session.id), 'checkout.session.completed');
      fake.send([event], { to: flaky.url });
      await fake.idle();

      const attempts = attemptsAt(event);
      expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
        [1, 503],
        [2, 503],
        [3, 200],
      ]);
      const [first, second, third] = attempts as [Delivery, Delivery, Delivery];
      expect(first.nextAttemptAt).toBe(first.finishedAt + 100);
      expect(second.nextAttemptAt).toBe(second.finishedAt + 200);
      expect(third.nextAttemptAt).toBeNull();
      expect(second.startedAt - first.finishedAt).toBeGreaterThanOrEqual(99);
      expect(third.startedAt - second.finishedAt).toBeGreaterThanOrEqual(199);
      expect(flaky.accepted.map((accepted) => accepted.id)).toEqual([event.id]);
    } finally {
      await flaky.close();
    }
  });

  it.each<[string, Answer | 'refused', RegExp | null, number]>([
    ['a refused connection', 'refused', /^connection failed: ECONNREFUSED$/, 0],
    ['a redirect, which Stripe does not follow', () => 'redirect', null, 302],
    ['no answer within the timeout', () => 'silence', /^no answer within 300 ms$/, 0],
    ['a 400', () => 400, null, 400],
  ])(
    'counts %s as a failure and gives up after the last retry',
    async (_name, answer, error, status) => {
      const endpoint = await startReceiver(
        () => fake.webhookSecret,
        answer === 'refused' ? undefined : answer,
      );
      const url = endpoint.url;
      if (answer === 'refused') await endpoint.close();
      try {
        fake.setDeliverySchedule({
          jitterMs: { min: 0, max: 0 },
          retryDelaysMs: [20, 40],
          timeoutMs: 300,
        });
        const session = await stripe.checkout.sessions.create(oneOff());
        const event = only(fake.completeCheckout(session.id), 'checkout.session.completed');
        fake.send([event], { to: url });
        await fake.idle();
        const attempts = attemptsAt(event);
        expect(attempts.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
        for (const delivery of attempts) {
          expect(delivery.status).toBe(status);
          if (error) expect(delivery.error).toMatch(error);
          else expect(delivery.error).toBeNull();
        }
        expect(attempts.map((delivery) => delivery.nextAttemptAt === null)).toEqual([
          false,
          false,
          true,
        ]);
        if (status === 0 && answer !== 'refused') {
          expect(attempts[0]!.finishedAt - attempts[0]!.startedAt).toBeGreaterThanOrEqual(299);
        }
      } finally {
        if (answer !== 'refused') await endpoint.close();
      }
    },
  );

  it('drops deliveries still waiting when it closes, without waiting for them', async () => {
    const other = await startFakeStripe({
      webhookUrl: receiver.url,
      delivery: { jitterMs: { min: 60_000, max: 60_000 } },
    });
    const otherStripe = new Stripe(other.secretKey, {
      host: '127.0.0.1',
      port: Number(new URL(other.url).port),
      protocol: 'http',
    });
    const session = await otherStripe.checkout.sessions.create(oneOff());
    other.send(other.completeCheckout(session.id));
    expect(other.pendingDeliveries).toBe(3);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(other.pendingDeliveries).toBe(0);
    expect(other.deliveries).toEqual([]);
  });
});

describe('hosted pages', () => {
  it('shows the Checkout page and, on Pay, redirects to success_url before any webhook is sent', async () => {
    const session = await stripe.checkout.sessions.create(oneOff());
    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('£50.00');
    expect(html).toContain('ada@example.org');
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);
    expect(html).toContain(`<a href="${site}/support?resume=`);
    expect(html).toContain('<label for="delayed">Pay later (bank transfer)</label>');

    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule({ jitterMs: { min: 200, max: 300 } });
    const paid = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${site}/support/thank-you?session_id=${session.id}`);
    const sent = fake.events.slice(-3);
    expect(new Set(types(sent))).toEqual(
      new Set(['charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed']),
    );
    expect(fake.pendingDeliveries).toBe(3);
    expect(sent.flatMap(attemptsAt)).toEqual([]);

    await fake.idle();
    const arrived = receiver.accepted.filter((event) => sent.some((made) => made.id === event.id));
    expect(new Set(types(arrived))).toEqual(new Set(types(sent)));
    expect((await fetch(session.url!)).status).toBe(410);
  });

  it('shows a monthly price per month and completes it unpaid with Pay later', async () => {
    const session = await stripe.checkout.sessions.create(monthly());
    expect(await (await fetch(session.url!)).text()).toContain('£12.00 per month');
    const paid = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams({ delayed: '1' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(fake.getSession(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'unpaid',
    });
  });

  async function portalFor(customer: string, configuration?: string) {
    return stripe.billingPortal.sessions.create({
      customer,
      return_url: `${site}/account?portal=returned#giving`,
      ...(configuration ? { configuration } : {}),
    });
  }

  const portalPage = async (url: string) => (await fetch(url)).text();

  it('cancels at the period end from the portal by default, after a confirmation, and can renew', async () => {
    const { session, subscriptionId } = await paidMonthlyGift();
    const customer = fake.getSession(session.id)!.customer as string;
    const missing = await invalid(
      stripe.billingPortal.sessions.create({
        customer: 'cus_nobody',
        return_url: `${site}/account`,
      }),
    );
    expect(missing).toMatchObject({ param: 'customer', message: "No such customer: 'cus_nobody'" });

    const portal = await portalFor(customer);
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
    expect(portal.configuration).toBe(fake.getPortalConfiguration()!.id);
    const list = await portalPage(portal.url);
    expect(list).toContain('£12.00 per month');
    expect(list).toContain('Cancel subscription');
    expect(list).toContain(`<a href="${site}/account?portal=returned#giving">Return</a>`);

    const periodEnd = fake.getSubscription(subscriptionId)!.items.data[0]!.current_period_end;
    const endDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(periodEnd * 1000),
    );
    const action = `${portal.url}/subscriptions/${subscriptionId}/cancel`;
    const confirm = await portalPage(action);
    expect(confirm).toContain(`then ends on ${endDate}`);
    expect(confirm).toContain('Confirm cancellation');
    expect(fake.getSubscription(subscriptionId)?.cancel_at_period_end).toBe(false);

    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const canceled = await fetch(action, { method: 'POST', redirect: 'manual' });
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get('location')).toBe(`/portal/${portal.id}`);
    const scheduled = await stripe.subscriptions.retrieve(subscriptionId);
    expect(scheduled).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: periodEnd,
      canceled_at: expect.any(Number),
      ended_at: null,
      cancellation_details: { reason: 'cancellation_requested' },
    });
    await fake.idle();
    const updates = receiver.accepted.filter((event) => objectId(event) === subscriptionId);
    expect(types(updates)).toEqual(['customer.subscription.updated']);
    expect(updates[0]!.data.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });
    const after = await portalPage(portal.url);
    expect(after).toContain(`Cancels on ${endDate}.`);
    expect(after).toContain('Renew subscription');
    expect(after).not.toContain('Cancel subscription');

    const renewed = await fetch(`${portal.url}/subscriptions/${subscriptionId}/renew`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(renewed.status).toBe(303);
    expect(fake.getSubscription(subscriptionId)).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
    });
    await fake.idle();
    expect(types(receiver.accepted.filter((event) => objectId(event) === subscriptionId))).toEqual([
      'customer.subscription.updated',
      'customer.subscription.updated',
    ]);
  });

  it('ends a subscription set to cancel when its period ends, through the control endpoint', async () => {
    const { subscriptionId } = await paidMonthlyGift();
    fake.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    const periodEnd = fake.getSubscription(subscriptionId)!.items.data[0]!.current_period_end;
    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const ended = await fetch(`${fake.url}/__control/subscriptions/${subscriptionId}/renew`, {
      method: 'POST',
    });
    expect(await ended.json()).toMatchObject({
      events: ['customer.subscription.deleted'],
      delivery: 'async',
    });
    expect(fake.getSubscription(subscriptionId)).toMatchObject({
      status: 'canceled',
      ended_at: periodEnd,
      cancel_at: periodEnd,
    });
    await fake.idle();
    const deleted = receiver.accepted.find(
      (event) =>
        event.type === 'customer.subscription.deleted' && objectId(event) === subscriptionId,
    );
    expect(deleted?.data.object).toMatchObject({ status: 'canceled', ended_at: periodEnd });
  });

  it('cancels at once when the portal configuration says so', async () => {
    const defaults = fake.getPortalConfiguration()!;
    expect(defaults.features.subscription_cancel).toMatchObject({
      enabled: true,
      mode: 'at_period_end',
      proration_behavior: 'none',
    });
    const { session, subscriptionId } = await paidMonthlyGift();
    const customer = fake.getSession(session.id)!.customer as string;
    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const changed = await stripe.billingPortal.configurations.update(defaults.id, {
      features: { subscription_cancel: { mode: 'immediately' } },
    });
    try {
      expect(changed.features.subscription_cancel.mode).toBe('immediately');
      const portal = await portalFor(customer);
      const action = `${portal.url}/subscriptions/${subscriptionId}/cancel`;
      expect(await portalPage(action)).toContain('Your subscription will end now.');
      await fetch(action, { method: 'POST', redirect: 'manual' });
      expect(fake.getSubscription(subscriptionId)).toMatchObject({
        status: 'canceled',
        ended_at: expect.any(Number),
      });
      await fake.idle();
      expect(
        types(receiver.accepted.filter((event) => objectId(event) === subscriptionId)),
      ).toEqual(['customer.subscription.deleted']);
      expect(await portalPage(portal.url)).toContain('Canceled.');
    } finally {
      await stripe.billingPortal.configurations.update(defaults.id, {
        features: { subscription_cancel: { mode: 'at_period_end' } },
      });
    }
  });

  it('drives scenarios for another process through the control endpoints', async () => {
    const { subscriptionId } = await paidMonthlyGift();
    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const post = (path: string, body: unknown = {}) =>
      fetch(`${fake.url}/__control/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const renewed = await post(`subscriptions/${subscriptionId}/renew`, {
      fail: true,
      delivery: 'sync',
    });
    expect(await renewed.json()).toEqual({
      events: [
        'customer.subscription.updated',
        'invoice.created',
        'invoice.finalized',
        'invoice.payment_failed',
        'customer.subscription.updated',
      ],
      eventIds: expect.arrayContaining([expect.stringMatching(/^evt_/)]),
      delivery: 'sync',
      statuses: [200, 200, 200, 200, 200],
    });

    const canceled = (await (await post(`subscriptions/${subscriptionId}/cancel`)).json()) as {
      events: string[];
      eventIds: string[];
      delivery: string;
    };
    expect(canceled).toEqual({
      events: ['customer.subscription.deleted'],
      eventIds: [expect.stringMatching(/^evt_/)],
      delivery: 'async',
    });
    const idle = (await (await fetch(`${fake.url}/__control/idle`)).json()) as {
      pending: number;
      deliveries: Delivery[];
    };
    expect(idle.pending).toBe(0);
    expect(idle.deliveries.filter((entry) => entry.eventId === canceled.eventIds[0])).toEqual([
      expect.objectContaining({ attempt: 1, status: 200 }),
    ]);
    const log = (await (await fetch(`${fake.url}/__control/deliveries`)).json()) as {
      deliveries: Delivery[];
    };
    expect(log.deliveries).toHaveLength(fake.deliveries.length);

    expect((await post('subscriptions/sub_missing/renew')).status).toBe(404);
    expect(
      (await post(`subscriptions/${subscriptionId}/renew`, { delivery: 'later' })).status,
    ).toBe(400);

    const scheduled = await post('delivery-schedule', { jitterMs: { min: 0, max: 5 } });
    expect(await scheduled.json()).toEqual({
      schedule: { ...quickly, jitterMs: { min: 0, max: 5 } },
    });
    expect(fake.deliverySchedule.jitterMs).toEqual({ min: 0, max: 5 });
    expect(await (await fetch(`${fake.url}/__control/delivery-schedule`)).json()).toEqual({
      schedule: fake.deliverySchedule,
    });
    expect((await post('delivery-schedule', { jitterMs: { min: 9, max: 5 } })).status).toBe(400);
    expect((await post('delivery-schedule', { retryDelaysMs: 'soon' })).status).toBe(400);

    expect((await post('mode', { mode: 'error' })).status).toBe(200);
    expect(fake.mode).toBe('error');
    const sessions = (await (await fetch(`${fake.url}/__control/sessions`)).json()) as {
      sessions: Stripe.Checkout.Session[];
    };
    expect(sessions.sessions.length).toBe(fake.listSessions().length);
  });
});

describe('portal configurations', () => {
  it('creates, reads, lists and updates configurations with their events', async () => {
    fake.setWebhookUrl(receiver.url);
    fake.setDeliverySchedule(quickly);
    const created = await stripe.billingPortal.configurations.create({
      features: { subscription_cancel: { enabled: true, mode: 'immediately' } },
      default_return_url: `${site}/account`,
      metadata: { purpose: 'support desk' },
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^bpc_/),
      object: 'billing_portal.configuration',
      active: true,
      is_default: false,
      default_return_url: `${site}/account`,
      metadata: { purpose: 'support desk' },
      features: {
        subscription_cancel: { enabled: true, mode: 'immediately', proration_behavior: 'none' },
        invoice_history: { enabled: false },
      },
    });
    expect(await stripe.billingPortal.configurations.retrieve(created.id)).toEqual(created);
    const defaults = await stripe.billingPortal.configurations.list({ is_default: true });
    expect(defaults.data.map((entry) => entry.id)).toEqual([fake.getPortalConfiguration()!.id]);

    const updated = await stripe.billingPortal.configurations.update(created.id, {
      active: false,
      metadata: { purpose: '' },
    });
    expect(updated).toMatchObject({ active: false, metadata: {} });
    const inactive = await stripe.billingPortal.configurations.list({ active: false });
    expect(inactive.data.map((entry) => entry.id)).toContain(created.id);
    await fake.idle();
    const events = receiver.accepted.filter((event) => objectId(event) === created.id);
    expect(types(events)).toEqual([
      'billing_portal.configuration.created',
      'billing_portal.configuration.updated',
    ]);
    expect(events[1]!.data.previous_attributes).toEqual({
      active: true,
      metadata: { purpose: 'support desk' },
    });

    const { session } = await paidMonthlyGift();
    const customer = fake.getSession(session.id)!.customer as string;
    const refused = await invalid(
      stripe.billingPortal.sessions.create({ customer, configuration: created.id }),
    );
    expect(refused.param).toBe('configuration');
    const unknown = await invalid(
      stripe.billingPortal.sessions.create({ customer, configuration: 'bpc_nothing' }),
    );
    expect(unknown).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'configuration',
    });
    const fallback = await stripe.billingPortal.sessions.create({
      customer,
      configuration: (
        await stripe.billingPortal.configurations.update(created.id, { active: true })
      ).id,
    });
    expect(fallback.return_url).toBe(`${site}/account`);
  });

  it.each<[string, () => Promise<unknown>, { param?: string; message: string | RegExp }]>([
    [
      'a configuration without features',
      () =>
        stripe.billingPortal.configurations.create(
          {} as Stripe.BillingPortal.ConfigurationCreateParams,
        ),
      { param: 'features', message: 'Missing required param: features.' },
    ],
    [
      'subscription_cancel without enabled',
      () =>
        stripe.billingPortal.configurations.create({
          features: {
            subscription_cancel: {
              mode: 'immediately',
            } as Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionCancel,
          },
        }),
      {
        param: 'features[subscription_cancel][enabled]',
        message: 'Missing required param: features[subscription_cancel][enabled].',
      },
    ],
    [
      'an unknown cancel mode',
      () =>
        stripe.billingPortal.configurations.create({
          features: { subscription_cancel: { enabled: true, mode: 'someday' } },
        }),
      {
        param: 'features[subscription_cancel][mode]',
        message: /must be one of at_period_end, or immediately/,
      },
    ],
    [
      'a feature the fake portal does not offer',
      () =>
        stripe.billingPortal.configurations.create({
          features: { subscription_pause: { enabled: true } },
        }),
      { param: 'features[subscription_pause]', message: /does not simulate/ },
    ],
    [
      'prorating a cancellation',
      () =>
        stripe.billingPortal.configurations.create({
          features: {
            subscription_cancel: { enabled: true, proration_behavior: 'create_prorations' },
          },
        }),
      { message: /does not simulate `features\[subscription_cancel\]\[proration_behavior\]/ },
    ],
    [
      'deactivating the default configuration',
      () =>
        stripe.billingPortal.configurations.update(fake.getPortalConfiguration()!.id, {
          active: false,
        }),
      { param: 'active', message: 'The default configuration cannot be deactivated.' },
    ],
  ])('refuses %s', async (_name, call, expected) => {
    const error = await invalid(call());
    if (expected.param) expect(error.param).toBe(expected.param);
    if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
    else expect(error.message).toMatch(expected.message);
  });
});
