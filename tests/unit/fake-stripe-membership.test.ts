import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';

// What paid memberships need of the fake: a catalogue of products and prices, customers, trials,
// failed payments recovered, disputes, and moving a subscription to another price (API and
// portal). Driven only through the real SDK, plain HTTP and the drivers, as the site drives it.

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = new Stripe(fake.secretKey, {
    host: '127.0.0.1',
    port: Number(new URL(fake.url).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});

afterAll(() => fake.close());

const site = 'https://northgate.example';
const day = 24 * 60 * 60;

async function invalid(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return error as Stripe.errors.StripeError;
}

const types = (events: Stripe.Event[]) => events.map((event) => event.type);

function only<T extends Stripe.Event['type']>(events: Stripe.Event[], type: T) {
  const found = events.filter(
    (event): event is Extract<Stripe.Event, { type: T }> => event.type === type,
  );
  expect(found, `one ${type} event`).toHaveLength(1);
  return found[0]!;
}

function all<T extends Stripe.Event['type']>(events: Stripe.Event[], type: T) {
  return events.filter((event): event is Extract<Stripe.Event, { type: T }> => event.type === type);
}

let counter = 0;

/** A tier as the site makes it: a product with a monthly and a yearly price. */
async function tier(amounts = { month: 1000, year: 10_000 }) {
  counter += 1;
  const product = await stripe.products.create({ name: `Fellow ${counter}` });
  const price = (interval: 'month' | 'year') =>
    stripe.prices.create({
      product: product.id,
      currency: 'gbp',
      unit_amount: amounts[interval],
      recurring: { interval },
    });
  return { product, monthly: await price('month'), yearly: await price('year') };
}

/** A customer who has subscribed to a price through Checkout. */
async function member(
  price: Stripe.Price,
  subscriptionData: Stripe.Checkout.SessionCreateParams.SubscriptionData = {},
) {
  counter += 1;
  const customer = await stripe.customers.create({ email: `member${counter}@example.org` });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: `${site}/account`,
    subscription_data: subscriptionData,
  });
  const events = fake.completeCheckout(session.id);
  const subscriptionId = fake.getSession(session.id)!.subscription as string;
  return { customer, session, events, subscriptionId };
}

const control = (path: string, body: unknown = {}) =>
  fetch(`${fake.url}/__control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const latestInvoice = (subscriptionId: string) =>
  fake.getInvoice(fake.getSubscription(subscriptionId)!.latest_invoice as string)!;

describe('products', () => {
  it('creates once per idempotency key, updates with product.updated, and lists with filters', async () => {
    const key = `product-${crypto.randomUUID()}`;
    const params = { name: 'Associate', description: 'Briefings', metadata: { tier_id: 't1' } };
    const created = await stripe.products.create(params, { idempotencyKey: key });
    const again = await stripe.products.create(params, { idempotencyKey: key });
    expect(again.id).toBe(created.id);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^prod_/),
      object: 'product',
      active: true,
      name: 'Associate',
      description: 'Briefings',
      metadata: { tier_id: 't1' },
    });
    expect(fake.events.filter((event) => event.type === 'product.created').at(-1)).toMatchObject({
      data: { object: { id: created.id } },
      request: { idempotency_key: key },
    });

    const updated = await stripe.products.update(created.id, {
      name: 'Associate fellow',
      description: '',
      active: false,
      metadata: { tier_id: '', colour: 'green' },
    });
    expect(updated).toMatchObject({
      name: 'Associate fellow',
      description: null,
      active: false,
      metadata: { colour: 'green' },
    });
    const event = fake.events.at(-1) as Stripe.ProductUpdatedEvent;
    expect(event.type).toBe('product.updated');
    expect(event.data.previous_attributes).toMatchObject({
      name: 'Associate',
      description: 'Briefings',
      active: true,
      metadata: { tier_id: 't1' },
    });

    const other = await stripe.products.create({ name: 'Patron' });
    const byIds = await stripe.products.list({ ids: [created.id, other.id] });
    expect(byIds.data.map((product) => product.id)).toEqual([other.id, created.id]);
    const active = await stripe.products.list({ ids: [created.id, other.id], active: true });
    expect(active.data.map((product) => product.id)).toEqual([other.id]);
    const first = await stripe.products.list({ limit: 1 });
    expect(first).toMatchObject({ has_more: true, url: '/v1/products' });
    const next = await stripe.products.list({ limit: 1, starting_after: first.data[0]!.id });
    expect(next.data[0]?.id).not.toBe(first.data[0]?.id);
  });

  it('refuses what Stripe refuses and what the fake does not act out', async () => {
    expect(await invalid(stripe.products.create({} as Stripe.ProductCreateParams))).toMatchObject({
      param: 'name',
      message: 'Missing required param: name.',
    });
    expect(
      (await invalid(stripe.products.list({ ids: ['prod_x'], starting_after: 'prod_y' }))).param,
    ).toBe('ids');
    const refused = await invalid(
      stripe.products.create({ name: 'X', default_price_data: { currency: 'gbp' } }),
    );
    expect(refused).toMatchObject({ param: 'default_price_data' });
    expect(refused.message).toMatch(/does not simulate `default_price_data`/);
    expect((await invalid(stripe.products.update('prod_nothing', { name: 'Y' }))).statusCode).toBe(
      404,
    );
  });
});

describe('prices', () => {
  it('creates recurring prices with lookup keys, and moves a key only when asked', async () => {
    const { product } = await tier();
    const monthly = await stripe.prices.create({
      product: product.id,
      currency: 'GBP',
      unit_amount: 1500,
      recurring: { interval: 'month' },
      nickname: 'Monthly',
      lookup_key: `fellow-${counter}-month`,
      metadata: { interval: 'month' },
    });
    expect(monthly).toMatchObject({
      object: 'price',
      active: true,
      currency: 'gbp',
      unit_amount: 1500,
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' },
      nickname: 'Monthly',
      lookup_key: `fellow-${counter}-month`,
      metadata: { interval: 'month' },
      product: product.id,
    });

    const taken = await invalid(
      stripe.prices.create({
        product: product.id,
        currency: 'gbp',
        unit_amount: 1600,
        recurring: { interval: 'month' },
        lookup_key: monthly.lookup_key!,
      }),
    );
    expect(taken).toMatchObject({
      param: 'lookup_key',
      message: `A price (\`${monthly.id}\`) already uses that lookup key.`,
    });
    const successor = await stripe.prices.create({
      product: product.id,
      currency: 'gbp',
      unit_amount: 1600,
      recurring: { interval: 'month' },
      lookup_key: monthly.lookup_key!,
      transfer_lookup_key: true,
    });
    expect(successor.lookup_key).toBe(monthly.lookup_key);
    expect((await stripe.prices.retrieve(monthly.id)).lookup_key).toBeNull();
    const moved = fake.events.at(-1) as Stripe.PriceUpdatedEvent;
    expect(moved).toMatchObject({ type: 'price.updated', data: { object: { id: monthly.id } } });
    expect(moved.data.previous_attributes).toEqual({ lookup_key: monthly.lookup_key });

    const found = await stripe.prices.list({ lookup_keys: [monthly.lookup_key!] });
    expect(found.data.map((price) => price.id)).toEqual([successor.id]);
  });

  it('updates only what Stripe lets change, and lists by product, type, interval and state', async () => {
    const { product, monthly, yearly } = await tier();
    const archived = await stripe.prices.update(monthly.id, {
      active: false,
      nickname: 'Old monthly',
      metadata: { replaced_by: 'price_new' },
    });
    expect(archived).toMatchObject({
      active: false,
      nickname: 'Old monthly',
      metadata: { replaced_by: 'price_new' },
      unit_amount: 1000,
    });
    const amount = await invalid(
      stripe.prices.update(yearly.id, { unit_amount: 2000 } as Stripe.PriceUpdateParams),
    );
    expect(amount).toMatchObject({
      param: 'unit_amount',
      code: 'parameter_unknown',
      message: 'Received unknown parameter: unit_amount',
    });
    expect(
      (await invalid(stripe.prices.update(yearly.id, { tax_behavior: 'inclusive' }))).message,
    ).toMatch(/does not simulate `tax_behavior`/);

    const ids = async (params: Stripe.PriceListParams) =>
      (await stripe.prices.list({ product: product.id, ...params })).data.map((price) => price.id);
    expect(await ids({})).toEqual([yearly.id, monthly.id]);
    expect(await ids({ active: true })).toEqual([yearly.id]);
    expect(await ids({ recurring: { interval: 'month' } })).toEqual([monthly.id]);
    expect(await ids({ type: 'one_time' })).toEqual([]);
  });

  it('refuses an unknown product, tax behaviour, and an archived price at Checkout', async () => {
    expect(
      await invalid(
        stripe.prices.create({ product: 'prod_nothing', currency: 'gbp', unit_amount: 100 }),
      ),
    ).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'product',
      message: "No such product: 'prod_nothing'",
    });
    const { product, monthly } = await tier();
    expect(
      (
        await invalid(
          stripe.prices.create({
            product: product.id,
            currency: 'gbp',
            unit_amount: 100,
            tax_behavior: 'inclusive',
          }),
        )
      ).param,
    ).toBe('tax_behavior');
    expect(
      (
        await invalid(
          stripe.prices.create({
            product: product.id,
            currency: 'gbp',
            unit_amount: 100,
            recurring: { interval: 'month', interval_count: 13 },
          }),
        )
      ).param,
    ).toBe('recurring[interval_count]');

    await stripe.prices.update(monthly.id, { active: false });
    const refused = await invalid(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: monthly.id, quantity: 1 }],
        success_url: `${site}/account`,
      }),
    );
    expect(refused).toMatchObject({
      param: 'line_items[0][price]',
      message: 'The price specified is inactive. This field only accepts active prices.',
    });
  });
});

describe('customers', () => {
  it('creates once per key, updates with customer.updated, and lists by e-mail', async () => {
    const key = `customer-${crypto.randomUUID()}`;
    const email = `ada.${crypto.randomUUID()}@example.org`;
    const params = { email, name: 'Ada', metadata: { user_id: 'u1' } };
    const created = await stripe.customers.create(params, { idempotencyKey: key });
    expect((await stripe.customers.create(params, { idempotencyKey: key })).id).toBe(created.id);
    expect(created).toMatchObject({ object: 'customer', email, name: 'Ada', balance: 0 });

    const renamed = `lovelace.${crypto.randomUUID()}@example.org`;
    await stripe.customers.update(created.id, { email: renamed, metadata: { user_id: 'u2' } });
    const updated = fake.events.at(-1) as Stripe.CustomerUpdatedEvent;
    expect(updated.type).toBe('customer.updated');
    expect(updated.data.previous_attributes).toEqual({ email, metadata: { user_id: 'u1' } });
    expect((await stripe.customers.list({ email: renamed })).data.map((c) => c.id)).toEqual([
      created.id,
    ]);
    expect((await stripe.customers.list({ email })).data).toEqual([]);
    expect(await invalid(stripe.customers.create({ email: 'not-an-address' }))).toMatchObject({
      param: 'email',
      code: 'email_invalid',
    });
  });

  it('completes a Checkout Session made with `customer` on that customer, in both modes', async () => {
    const customer = await stripe.customers.create({ email: 'grace@example.org', name: 'Grace' });
    const before = fake.events.filter((event) => event.type === 'customer.created').length;
    const gift = await stripe.checkout.sessions.create({
      mode: 'payment',
      customer: customer.id,
      line_items: [
        {
          price_data: { currency: 'gbp', unit_amount: 500, product_data: { name: 'Gift' } },
          quantity: 1,
        },
      ],
      success_url: `${site}/thanks`,
    });
    fake.completeCheckout(gift.id);
    const paid = await stripe.checkout.sessions.retrieve(gift.id, { expand: ['payment_intent'] });
    expect(paid.customer).toBe(customer.id);
    expect((paid.payment_intent as Stripe.PaymentIntent).customer).toBe(customer.id);
    expect(paid.customer_details?.email).toBe('grace@example.org');

    const { monthly } = await tier();
    const joined = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: `${site}/account`,
    });
    const events = fake.completeCheckout(joined.id);
    expect(types(events)).not.toContain('customer.created');
    const subscription = only(events, 'customer.subscription.created').data.object;
    expect(subscription.customer).toBe(customer.id);
    expect(fake.getSession(joined.id)?.customer).toBe(customer.id);
    expect(fake.events.filter((event) => event.type === 'customer.created')).toHaveLength(before);
  });
});

describe('trials', () => {
  it('starts trialing with a free first invoice, then charges the first period at its end', async () => {
    const { monthly } = await tier();
    const { session, events, subscriptionId } = await member(monthly, {
      trial_period_days: 14,
    });
    expect(session.amount_total).toBe(0);
    expect(types(events)).toEqual([
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);
    const subscription = only(events, 'customer.subscription.created').data.object;
    expect(subscription.status).toBe('trialing');
    expect(subscription.trial_end! - subscription.trial_start!).toBe(14 * day);
    expect(subscription.items.data[0]!.current_period_end).toBe(subscription.trial_end);
    const invoice = only(events, 'invoice.paid').data.object;
    expect(invoice).toMatchObject({
      billing_reason: 'subscription_create',
      status: 'paid',
      total: 0,
      amount_paid: 0,
    });
    expect(invoice.lines.data[0]?.description).toMatch(/^Trial period for Fellow/);
    expect((await stripe.invoicePayments.list({ invoice: invoice.id })).data).toEqual([]);
    expect(fake.getSession(session.id)?.payment_status).toBe('no_payment_required');

    const ended = fake.renewSubscription(subscriptionId);
    expect(types(ended)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
    expect(only(ended, 'invoice.paid').data.object).toMatchObject({
      billing_reason: 'subscription_cycle',
      amount_paid: 1000,
    });
    const activated = all(ended, 'customer.subscription.updated').at(-1)!.data;
    expect(activated.object.status).toBe('active');
    expect(activated.previous_attributes).toEqual({ status: 'trialing' });
    const item = fake.getSubscription(subscriptionId)!.items.data[0]!;
    expect(item.current_period_start).toBe(subscription.trial_end);
  });

  it('moves to past_due when the charge at the trial’s end fails', async () => {
    const { monthly } = await tier();
    const { subscriptionId } = await member(monthly, { trial_period_days: 7 });
    fake.renewSubscription(subscriptionId, { fail: true });
    expect(fake.getSubscription(subscriptionId)?.status).toBe('past_due');
  });

  it.each<[string, Stripe.Checkout.SessionCreateParams.SubscriptionData, RegExp]>([
    ['no days', { trial_period_days: 0 }, /greater than or equal to 1/],
    ['more than two years', { trial_period_days: 731 }, /less than or equal to 730/],
    [
      'trial_end',
      { trial_end: 2_000_000_000 },
      /does not simulate `subscription_data\[trial_end\]`/,
    ],
    [
      'trial_settings',
      { trial_settings: { end_behavior: { missing_payment_method: 'cancel' } } },
      /does not simulate `subscription_data\[trial_settings\]`/,
    ],
  ])('refuses a trial with %s', async (_name, subscriptionData, message) => {
    const { monthly } = await tier();
    const error = await invalid(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: monthly.id, quantity: 1 }],
        success_url: `${site}/account`,
        subscription_data: subscriptionData,
      }),
    );
    expect(error.message).toMatch(message);
  });
});

describe('failed payments', () => {
  it('recovers a past_due subscription when a retry succeeds', async () => {
    const { monthly } = await tier();
    const { subscriptionId } = await member(monthly);
    fake.renewSubscription(subscriptionId, { fail: true });
    const invoice = latestInvoice(subscriptionId);
    const [payment] = (await stripe.invoicePayments.list({ invoice: invoice.id })).data;
    const intentId = payment!.payment.payment_intent as string;
    const declined = (await stripe.paymentIntents.retrieve(intentId)).latest_charge as string;

    const again = fake.failInvoicePayment(invoice.id);
    expect(types(again)).toEqual(['invoice.payment_failed']);
    expect(only(again, 'invoice.payment_failed').data.object.attempt_count).toBe(2);

    const recovered = fake.payInvoice(invoice.id);
    expect(types(recovered)).toEqual([
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
    expect(only(recovered, 'invoice.paid').data.object).toMatchObject({
      status: 'paid',
      amount_paid: 1000,
      attempt_count: 3,
    });
    const back = only(recovered, 'customer.subscription.updated').data;
    expect(back.object.status).toBe('active');
    expect(back.previous_attributes).toEqual({ status: 'past_due' });
    const intent = await stripe.paymentIntents.retrieve(intentId);
    expect(intent.status).toBe('succeeded');
    expect(intent.latest_charge).not.toBe(declined);
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 1000,
    });
    expect((await stripe.invoicePayments.retrieve(payment!.id)).status).toBe('paid');

    const twice = await control(`invoices/${invoice.id}/pay`);
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ error: { message: 'Invoice is already paid.' } });
  });

  it('marks a subscription unpaid when retries run out, and a later payment reactivates it', async () => {
    const { monthly } = await tier();
    const { subscriptionId } = await member(monthly);
    expect((await control(`subscriptions/${subscriptionId}/mark-unpaid`)).status).toBe(400);
    fake.renewSubscription(subscriptionId, { fail: true });
    const invoice = latestInvoice(subscriptionId);

    const failed = await control(`invoices/${invoice.id}/fail`);
    expect(await failed.json()).toMatchObject({ events: ['invoice.payment_failed'] });
    const unpaid = await control(`subscriptions/${subscriptionId}/mark-unpaid`);
    expect(await unpaid.json()).toMatchObject({ events: ['customer.subscription.updated'] });
    const marked = fake.events.at(-1) as Stripe.CustomerSubscriptionUpdatedEvent;
    expect(marked.data.object.status).toBe('unpaid');
    expect(marked.data.previous_attributes).toEqual({ status: 'past_due' });
    expect(fake.markUnpaid.bind(null, subscriptionId)).toThrow(/only a past_due subscription/);

    const paid = await control(`invoices/${invoice.id}/pay`);
    expect(await paid.json()).toMatchObject({
      events: ['invoice.paid', 'invoice.payment_succeeded', 'customer.subscription.updated'],
    });
    expect(fake.getSubscription(subscriptionId)?.status).toBe('active');
  });
});

describe('disputes', () => {
  it('opens a dispute on a card charge, marks the charge, and stops refunds', async () => {
    const { monthly } = await tier();
    const { customer } = await member(monthly);
    const charge = fake.listCharges().find((entry) => entry.customer === customer.id)!;
    const events = fake.disputeCharge(charge.id);
    const dispute = only(events, 'charge.dispute.created').data.object;
    expect(dispute).toMatchObject({
      id: expect.stringMatching(/^dp_/),
      object: 'dispute',
      status: 'needs_response',
      reason: 'fraudulent',
      amount: 1000,
      currency: 'gbp',
      charge: charge.id,
      payment_intent: charge.payment_intent,
      is_charge_refundable: false,
    });
    expect((await stripe.charges.retrieve(charge.id)).disputed).toBe(true);
    expect((await stripe.disputes.retrieve(dispute.id)).status).toBe('needs_response');
    expect(() => fake.refundCharge(charge.id)).toThrow(/has been charged back/);
    expect(() => fake.disputeCharge(charge.id)).toThrow(/already disputed/);
  });

  it('opens one through the control endpoint', async () => {
    const { monthly } = await tier();
    const { customer } = await member(monthly);
    const charge = fake.listCharges().find((entry) => entry.customer === customer.id)!;
    const answer = await control(`charges/${charge.id}/dispute`);
    expect(await answer.json()).toMatchObject({ events: ['charge.dispute.created'] });
    expect(fake.getCharge(charge.id)?.disputed).toBe(true);
  });
});

describe('changing a subscription’s price through the API', () => {
  const lineAmounts = (invoice: Stripe.Invoice) => invoice.lines.data.map((line) => line.amount);

  /** Stripe's proration of an amount for the share of the period after `from`. */
  const prorated = (amount: number, item: Stripe.SubscriptionItem, from: number) =>
    Math.round(
      (amount * (item.current_period_end - from)) /
        (item.current_period_end - item.current_period_start),
    );

  it('keeps the item, and leaves the prorations for the next invoice by default', async () => {
    const cheap = await tier({ month: 1000, year: 10_000 });
    const dear = await tier({ month: 2000, year: 20_000 });
    const { subscriptionId } = await member(cheap.monthly);
    const before = fake.getSubscription(subscriptionId)!.items.data[0]!;
    const updated = await stripe.subscriptions.update(subscriptionId, {
      items: [{ id: before.id, price: dear.monthly.id }],
    });
    expect(updated.items.data[0]).toMatchObject({ id: before.id, price: { id: dear.monthly.id } });
    const event = fake.events.at(-1) as Stripe.CustomerSubscriptionUpdatedEvent;
    expect(event.request?.id).toMatch(/^req_/);
    expect(event.data.previous_attributes?.items?.data[0]?.price.id).toBe(cheap.monthly.id);
    expect(fake.listInvoices(subscriptionId)).toHaveLength(1);

    const renewed = fake.renewSubscription(subscriptionId);
    const invoice = only(renewed, 'invoice.paid').data.object;
    const [credit, charge, period] = invoice.lines.data;
    const from = credit!.period.start;
    expect(lineAmounts(invoice)).toEqual([
      -prorated(1000, before, from),
      prorated(2000, before, from),
      2000,
    ]);
    expect(credit!.description).toMatch(/^Unused time on 1 × Fellow/);
    expect(charge!.parent?.subscription_item_details?.proration).toBe(true);
    expect(period!.parent?.subscription_item_details?.proration).toBe(false);
    expect(invoice.amount_paid).toBe(invoice.total);
  });

  it('invoices the difference at once with always_invoice, and does nothing with none', async () => {
    const cheap = await tier({ month: 1000, year: 10_000 });
    const dear = await tier({ month: 2000, year: 20_000 });
    const { subscriptionId } = await member(cheap.monthly);
    const item = fake.getSubscription(subscriptionId)!.items.data[0]!;
    await stripe.subscriptions.update(subscriptionId, {
      items: [{ id: item.id, price: dear.monthly.id }],
      proration_behavior: 'always_invoice',
    });
    const invoice = latestInvoice(subscriptionId);
    const from = invoice.lines.data[0]!.period.start;
    expect(invoice).toMatchObject({
      billing_reason: 'subscription_update',
      status: 'paid',
      amount_paid: prorated(2000, item, from) - prorated(1000, item, from),
    });
    expect(types(fake.events.slice(-5))).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);

    const count = fake.listInvoices(subscriptionId).length;
    await stripe.subscriptions.update(subscriptionId, {
      items: [{ id: item.id, price: cheap.monthly.id }],
      proration_behavior: 'none',
    });
    expect(fake.listInvoices(subscriptionId)).toHaveLength(count);
    expect(only(fake.renewSubscription(subscriptionId), 'invoice.paid').data.object.total).toBe(
      1000,
    );
  });

  it('starts a new period when the interval changes, and keeps a credit on the balance', async () => {
    const { monthly, yearly } = await tier();
    const { customer, subscriptionId } = await member(yearly);
    const item = fake.getSubscription(subscriptionId)!.items.data[0]!;
    await stripe.subscriptions.update(subscriptionId, {
      items: [{ id: item.id, price: monthly.id }],
      proration_behavior: 'always_invoice',
    });
    const subscription = fake.getSubscription(subscriptionId)!;
    const moved = subscription.items.data[0]!;
    expect(subscription.billing_cycle_anchor).toBe(moved.current_period_start);
    expect(moved.current_period_start).toBeGreaterThanOrEqual(item.current_period_start);
    const invoice = latestInvoice(subscriptionId);
    const credit = 1000 - prorated(10_000, item, moved.current_period_start);
    expect(invoice).toMatchObject({ total: credit, amount_due: 0, ending_balance: credit });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      balance: credit,
    });
    expect(
      (
        fake.events.find(
          (event) => event.type === 'customer.updated' && event.data.object.id === customer.id,
        ) as Stripe.CustomerUpdatedEvent
      ).data.previous_attributes,
    ).toEqual({ balance: 0 });

    const next = only(fake.renewSubscription(subscriptionId), 'invoice.paid').data.object;
    expect(next).toMatchObject({ total: 1000, amount_due: 0, starting_balance: credit });
    expect(fake.getCustomer(customer.id)?.balance).toBe(credit + 1000);
  });

  it.each<
    [
      string,
      (ids: { item: string; once: string; archived: string }) => Stripe.SubscriptionUpdateParams,
      RegExp,
    ]
  >([
    [
      'an archived price',
      (ids) => ({ items: [{ id: ids.item, price: ids.archived }] }),
      /inactive/,
    ],
    [
      'a one-time price',
      (ids) => ({ items: [{ id: ids.item, price: ids.once }] }),
      /type=one_time/,
    ],
    [
      'an unknown item',
      () => ({ items: [{ id: 'si_nothing', price: 'price_x' }] }),
      /No such subscription_item/,
    ],
    [
      'a new item',
      (ids) => ({ items: [{ price: ids.archived }] }),
      /does not simulate adding an item/,
    ],
    [
      'a new quantity',
      (ids) => ({ items: [{ id: ids.item, quantity: 2 }] }),
      /does not simulate `items\[0\]\[quantity\]`/,
    ],
  ])('refuses %s', async (_name, params, message) => {
    const { product, monthly, yearly } = await tier();
    const once = await stripe.prices.create({
      product: product.id,
      currency: 'gbp',
      unit_amount: 500,
    });
    await stripe.prices.update(yearly.id, { active: false });
    const { subscriptionId } = await member(monthly);
    const item = fake.getSubscription(subscriptionId)!.items.data[0]!.id;
    const error = await invalid(
      stripe.subscriptions.update(
        subscriptionId,
        params({ item, once: once.id, archived: yearly.id }),
      ),
    );
    expect(error.message).toMatch(message);
  });
});

describe('portal configurations with subscription updates', () => {
  it('accepts the products and prices members may move between, and the other features', async () => {
    const { product, monthly, yearly } = await tier();
    const created = await stripe.billingPortal.configurations.create({
      business_profile: { headline: 'Your membership' },
      features: {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price'],
          products: [{ product: product.id, prices: [monthly.id, yearly.id] }],
          proration_behavior: 'always_invoice',
        },
        payment_method_update: { enabled: true },
        invoice_history: { enabled: true },
      },
    });
    expect(created.features.subscription_update).toMatchObject({
      enabled: true,
      default_allowed_updates: ['price'],
      products: [{ product: product.id, prices: [monthly.id, yearly.id] }],
      proration_behavior: 'always_invoice',
    });
    expect(created.features.payment_method_update.enabled).toBe(true);
    expect(created.business_profile.headline).toBe('Your membership');

    const off = await stripe.billingPortal.configurations.update(created.id, {
      features: { subscription_update: { enabled: false } },
    });
    expect(off.features.subscription_update).toMatchObject({
      enabled: false,
      products: [{ product: product.id }],
    });
    const event = fake.events.at(-1) as Stripe.BillingPortalConfigurationUpdatedEvent;
    expect(event.data.previous_attributes?.features?.subscription_update?.enabled).toBe(true);
  });

  it.each<
    [
      string,
      (
        t: Awaited<ReturnType<typeof tier>>,
        other: Awaited<ReturnType<typeof tier>>,
      ) => Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate,
      { param: string; message: RegExp },
    ]
  >([
    [
      'an unknown product',
      (t) => ({
        enabled: true,
        default_allowed_updates: ['price'],
        products: [{ product: 'prod_nothing', prices: [t.monthly.id] }],
      }),
      { param: 'features[subscription_update][products][0][product]', message: /No such product/ },
    ],
    [
      'a price of another product',
      (t, other) => ({
        enabled: true,
        default_allowed_updates: ['price'],
        products: [{ product: t.product.id, prices: [other.monthly.id] }],
      }),
      {
        param: 'features[subscription_update][products][0][prices][0]',
        message: /does not belong to the product/,
      },
    ],
    [
      'no products while enabled',
      () => ({ enabled: true, default_allowed_updates: ['price'] }),
      { param: 'features[subscription_update][products]', message: /at least one product/ },
    ],
    [
      'quantity updates',
      (t) => ({
        enabled: true,
        default_allowed_updates: ['quantity'],
        products: [{ product: t.product.id, prices: [t.monthly.id] }],
      }),
      {
        param: 'features[subscription_update][default_allowed_updates][0]',
        message: /does not simulate `quantity`/,
      },
    ],
  ])('refuses %s', async (_name, update, expected) => {
    const error = await invalid(
      stripe.billingPortal.configurations.create({
        features: { subscription_update: update(await tier(), await tier()) },
      }),
    );
    expect(error.param).toBe(expected.param);
    expect(error.message).toMatch(expected.message);
  });

  it('refuses one-time and archived prices', async () => {
    const t = await tier();
    const once = await stripe.prices.create({
      product: t.product.id,
      currency: 'gbp',
      unit_amount: 500,
    });
    const products = (prices: string[]) => ({
      features: {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price' as const],
          products: [{ product: t.product.id, prices }],
        },
      },
    });
    expect(
      (await invalid(stripe.billingPortal.configurations.create(products([once.id])))).message,
    ).toMatch(/not a recurring price/);
    await stripe.prices.update(t.yearly.id, { active: false });
    expect(
      (await invalid(stripe.billingPortal.configurations.create(products([t.yearly.id])))).message,
    ).toMatch(/is inactive/);
  });
});

describe('the portal’s subscription update', () => {
  async function portalWith(
    t: Awaited<ReturnType<typeof tier>>,
    customer: string,
    update: Partial<Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate> = {},
  ) {
    const configuration = await stripe.billingPortal.configurations.create({
      features: {
        subscription_cancel: { enabled: true },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price'],
          products: [{ product: t.product.id, prices: [t.monthly.id, t.yearly.id] }],
          ...update,
        },
        payment_method_update: { enabled: true },
      },
    });
    return stripe.billingPortal.sessions.create({
      customer,
      configuration: configuration.id,
      return_url: `${site}/account`,
    });
  }

  const text = async (url: string) => (await fetch(url)).text();

  it('lists the configured prices, confirms the change, and moves the item to the new price', async () => {
    const t = await tier();
    const { customer, subscriptionId } = await member(t.monthly);
    const portal = await portalWith(t, customer.id, { proration_behavior: 'always_invoice' });
    const home = await text(portal.url);
    expect(home).toContain('Update subscription');
    expect(home).toContain('You can update the card your subscriptions are paid with.');

    const choose = await text(`${portal.url}/subscriptions/${subscriptionId}/update`);
    expect(choose).toContain(`${t.product.name}: £100.00 per year`);
    expect(choose).toMatch(/£10.00 per month<\/span>\s*<strong>\(Current price\)<\/strong>/);
    const confirmUrl = `${portal.url}/subscriptions/${subscriptionId}/update/${t.yearly.id}`;
    expect(choose).toContain(
      `action="/portal/${portal.id}/subscriptions/${subscriptionId}/update/${t.yearly.id}"`,
    );
    const confirm = await text(confirmUrl);
    expect(confirm).toMatch(
      /You will be charged £\d+\.\d\d now\. Your new billing period starts today\./,
    );

    const before = fake.getSubscription(subscriptionId)!.items.data[0]!;
    const done = await fetch(confirmUrl, { method: 'POST', redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/portal/${portal.id}`);
    const after = fake.getSubscription(subscriptionId)!;
    expect(after.items.data[0]).toMatchObject({ id: before.id, price: { id: t.yearly.id } });
    const updated = fake.events.filter(
      (event): event is Stripe.CustomerSubscriptionUpdatedEvent =>
        event.type === 'customer.subscription.updated' && event.data.object.id === subscriptionId,
    );
    expect(updated.at(-1)?.data.previous_attributes?.items?.data[0]?.price.id).toBe(t.monthly.id);
    expect(latestInvoice(subscriptionId)).toMatchObject({
      billing_reason: 'subscription_update',
      status: 'paid',
    });
  });

  it('says what create_prorations leaves for the next invoice, and ends a trial by default', async () => {
    const t = await tier();
    const { customer, subscriptionId } = await member(t.monthly);
    const dearer = await stripe.prices.create({
      product: t.product.id,
      currency: 'gbp',
      unit_amount: 1500,
      recurring: { interval: 'month' },
    });
    const portal = await portalWith(t, customer.id, {
      proration_behavior: 'create_prorations',
      products: [{ product: t.product.id, prices: [t.monthly.id, dearer.id] }],
    });
    const confirmUrl = `${portal.url}/subscriptions/${subscriptionId}/update/${dearer.id}`;
    expect(await text(confirmUrl)).toMatch(
      /£\d\.\d\d for the rest of this period will be added to your next invoice/,
    );
    await fetch(confirmUrl, { method: 'POST', redirect: 'manual' });
    expect(fake.listInvoices(subscriptionId)).toHaveLength(1);

    const trial = await member(t.monthly, { trial_period_days: 14 });
    const trialPortal = await portalWith(t, trial.customer.id);
    const yearlyUrl = `${trialPortal.url}/subscriptions/${trial.subscriptionId}/update/${t.yearly.id}`;
    expect(await text(yearlyUrl)).toContain(
      'Your trial ends now. You will be charged £100.00 now.',
    );
    await fetch(yearlyUrl, { method: 'POST', redirect: 'manual' });
    expect(fake.getSubscription(trial.subscriptionId)).toMatchObject({ status: 'active' });
    expect(latestInvoice(trial.subscriptionId)).toMatchObject({ amount_paid: 10_000 });
  });

  it('offers no update for a subscription set to cancel, nor when the feature is off', async () => {
    const t = await tier();
    const { customer, subscriptionId } = await member(t.monthly);
    fake.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    const portal = await portalWith(t, customer.id);
    expect(await text(portal.url)).not.toContain('Update subscription');
    const refused = await fetch(
      `${portal.url}/subscriptions/${subscriptionId}/update/${t.yearly.id}`,
      {
        method: 'POST',
        redirect: 'manual',
      },
    );
    expect(refused.status).toBe(403);
    expect(fake.getSubscription(subscriptionId)!.items.data[0]!.price.id).toBe(t.monthly.id);
  });
});
