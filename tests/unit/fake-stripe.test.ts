import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';

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

async function startReceiver(secret: () => string): Promise<Receiver> {
  const accepted: Stripe.Event[] = [];
  const state = { rejected: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const signature = String(request.headers['stripe-signature'] ?? '');
        accepted.push(Stripe.webhooks.constructEvent(body, signature, secret()));
        response.writeHead(200).end('{"received":true}');
      } catch {
        state.rejected += 1;
        response.writeHead(400).end('bad signature');
      }
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
});

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
    await expect
      .poll(() => receiver.accepted.filter((event) => objectId(event) === subscriptionId).length)
      .toBe(3);
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

describe('hosted pages', () => {
  it('shows the Checkout page and, on Pay, sends the webhooks before redirecting to success_url', async () => {
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
    const before = receiver.accepted.length;
    const paid = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${site}/support/thank-you?session_id=${session.id}`);
    expect(types(receiver.accepted.slice(before))).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
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

  it('lets a customer cancel in the portal and sends them back', async () => {
    const { session, subscriptionId } = await paidMonthlyGift();
    const customer = fake.getSession(session.id)!.customer as string;
    const missing = await invalid(
      stripe.billingPortal.sessions.create({
        customer: 'cus_nobody',
        return_url: `${site}/account`,
      }),
    );
    expect(missing).toMatchObject({ param: 'customer', message: "No such customer: 'cus_nobody'" });

    const portal = await stripe.billingPortal.sessions.create({
      customer,
      return_url: `${site}/account#giving`,
    });
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
    const html = await (await fetch(portal.url)).text();
    expect(html).toContain('£12.00 per month');
    expect(html).toContain('Cancel subscription');
    expect(html).toContain(`<a href="${site}/account#giving">Return</a>`);

    fake.setWebhookUrl(receiver.url);
    const before = receiver.accepted.length;
    const canceled = await fetch(
      `${fake.url}/portal/${portal.id}/subscriptions/${subscriptionId}/cancel`,
      { method: 'POST', redirect: 'manual' },
    );
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get('location')).toBe(`${site}/account#giving`);
    expect(types(receiver.accepted.slice(before))).toEqual(['customer.subscription.deleted']);
  });

  it('drives scenarios for another process through the control endpoints', async () => {
    const { subscriptionId } = await paidMonthlyGift();
    fake.setWebhookUrl(receiver.url);
    const post = (path: string, body: unknown = {}) =>
      fetch(`${fake.url}/__control/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const renewed = await post(`subscriptions/${subscriptionId}/renew`, { fail: true });
    expect(await renewed.json()).toEqual({
      events: [
        'customer.subscription.updated',
        'invoice.created',
        'invoice.finalized',
        'invoice.payment_failed',
        'customer.subscription.updated',
      ],
      statuses: [200, 200, 200, 200, 200],
    });
    expect(await (await post(`subscriptions/${subscriptionId}/cancel`)).json()).toEqual({
      events: ['customer.subscription.deleted'],
      statuses: [200],
    });
    expect((await post('subscriptions/sub_missing/renew')).status).toBe(404);

    expect((await post('mode', { mode: 'error' })).status).toBe(200);
    expect(fake.mode).toBe('error');
    const sessions = (await (await fetch(`${fake.url}/__control/sessions`)).json()) as {
      sessions: Stripe.Checkout.Session[];
    };
    expect(sessions.sessions.length).toBe(fake.listSessions().length);
  });
});
