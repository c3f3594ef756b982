import type Stripe from 'stripe';
import { invalidRequest } from './errors';
import type { EventRequest } from './events';
import { newId } from './ids';
import { formatMoney } from './money';
import {
  buildCharge,
  buildCustomer,
  buildCustomerDetails,
  buildDispute,
  buildInvoice,
  buildInvoiceLine,
  buildInvoicePayment,
  buildPaymentIntent,
  buildRefund,
  buildSubscription,
  buildSubscriptionItem,
  type PaymentMethodKind,
} from './objects';
import { periodEnd } from './periods';
import { after, clone, idOf, nowSeconds, type FakeState } from './state';

// Each driver changes the fake's records the way Stripe would and returns the events Stripe
// would send, in the order it usually sends them; none of them delivers anything.

export interface CompleteCheckoutOptions {
  /** Pay by bank transfer: the session completes unpaid and settles later. */
  delayedPayment?: boolean;
  email?: string;
  /** The cardholder's name; Stripe's test name when not given. */
  name?: string;
}

const defaultName = 'Jenny Rosen';
const defaultEmail = 'jenny.rosen@example.com';

export function completeCheckout(
  state: FakeState,
  sessionId: string,
  options: CompleteCheckoutOptions = {},
): Stripe.Event[] {
  const session = state.session(sessionId);
  if (session.status !== 'open') {
    throw invalidRequest(
      `Checkout Session ${sessionId} is ${session.status ?? 'not open'}; only an open session can be completed.`,
    );
  }
  const now = nowSeconds();
  const events: Stripe.Event[] = [];
  const existing = idOf(session.customer);
  let customer = existing ? state.customer(existing) : null;
  const email = options.email ?? session.customer_email ?? customer?.email ?? defaultEmail;
  const name = options.name ?? customer?.name ?? defaultName;
  if (!customer && (session.mode === 'subscription' || session.customer_creation === 'always')) {
    customer = buildCustomer({ email, name, now });
    state.customers.set(customer.id, customer);
    events.push(state.emit('customer.created', customer, { created: now }));
  }
  session.customer = customer?.id ?? null;
  session.customer_details = buildCustomerDetails(email, name);
  session.collected_information = {
    business_name: null,
    individual_name: null,
    shipping_details: null,
  };
  session.status = 'complete';
  session.url = null;
  const kind: PaymentMethodKind = options.delayedPayment ? 'customer_balance' : 'card';

  if (session.mode === 'payment') {
    events.push(...payForSession(state, session, customer, kind, { email, name }, now));
  } else if (session.mode === 'subscription') {
    events.push(...startSubscription(state, session, customer!, kind, { email, name }, now));
  } else {
    session.payment_status = 'no_payment_required';
  }
  events.push(state.emit('checkout.session.completed', session, { created: now }));
  return events;
}

function payForSession(
  state: FakeState,
  session: Stripe.Checkout.Session,
  customer: Stripe.Customer | null,
  kind: PaymentMethodKind,
  payer: { email: string; name: string },
  now: number,
): Stripe.Event[] {
  const data = state.checkoutPlans.get(session.id)?.input.paymentIntentData ?? null;
  const intent = buildPaymentIntent({
    amount: session.amount_total ?? 0,
    currency: session.currency ?? 'gbp',
    customer: customer?.id ?? null,
    description: data?.description ?? null,
    metadata: { ...(data?.metadata ?? {}) },
    receiptEmail: data?.receiptEmail ?? null,
    statementDescriptor: data?.statementDescriptor ?? null,
    statementDescriptorSuffix: data?.statementDescriptorSuffix ?? null,
    setupFutureUsage: data?.setupFutureUsage ?? null,
    paymentMethod: newId('pm_'),
    kind,
    now,
  });
  state.paymentIntents.set(intent.id, intent);
  session.payment_intent = intent.id;
  const delayed = kind !== 'card';
  const charge = chargeIntent(state, intent, kind, payer, delayed ? 'pending' : 'succeeded', now);
  session.payment_status = delayed ? 'unpaid' : 'paid';
  return delayed
    ? [
        state.emit('charge.pending', charge, { created: now }),
        state.emit('payment_intent.processing', intent, { created: now }),
      ]
    : [
        state.emit('charge.succeeded', charge, { created: now }),
        state.emit('payment_intent.succeeded', intent, { created: now }),
      ];
}

export function chargeIntent(
  state: FakeState,
  intent: Stripe.PaymentIntent,
  kind: PaymentMethodKind,
  payer: { email: string | null; name: string | null },
  outcome: 'succeeded' | 'pending' | 'failed',
  now: number,
): Stripe.Charge {
  const charge = buildCharge({
    intent,
    kind,
    billingEmail: payer.email,
    billingName: payer.name,
    outcome,
    now,
  });
  state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  applyOutcome(intent, charge, outcome);
  return charge;
}

function applyOutcome(
  intent: Stripe.PaymentIntent,
  charge: Stripe.Charge,
  outcome: 'succeeded' | 'pending' | 'failed',
): void {
  charge.status = outcome;
  charge.paid = outcome === 'succeeded';
  if (outcome === 'succeeded') {
    charge.balance_transaction ??= newId('txn_');
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
  } else if (outcome === 'pending') {
    intent.status = 'processing';
  } else {
    const bank = charge.payment_method_details?.type === 'customer_balance';
    charge.failure_code = bank ? 'insufficient_funds' : 'card_declined';
    charge.failure_message = bank
      ? 'The bank transfer did not arrive in time.'
      : 'Your card was declined.';
    charge.amount_captured = 0;
    intent.status = 'requires_payment_method';
    intent.last_payment_error = bank
      ? {
          type: 'invalid_request_error',
          code: charge.failure_code,
          message: charge.failure_message,
          charge: charge.id,
          payment_method_type: 'customer_balance',
        }
      : {
          type: 'card_error',
          code: charge.failure_code,
          decline_code: 'generic_decline',
          message: charge.failure_message,
          charge: charge.id,
          payment_method_type: 'card',
        };
  }
}

const day = 24 * 60 * 60;

function startSubscription(
  state: FakeState,
  session: Stripe.Checkout.Session,
  customer: Stripe.Customer,
  kind: PaymentMethodKind,
  payer: { email: string; name: string },
  now: number,
): Stripe.Event[] {
  const plan = state.checkoutPlans.get(session.id);
  if (!plan) throw new Error(`no line items recorded for ${session.id}`);
  const subscriptionId = newId('sub_');
  const trialDays = plan.input.subscriptionData?.trialPeriodDays ?? null;
  const trialEnd = trialDays === null ? null : now + trialDays * day;
  const recurring = plan.lineItems.filter((line) => line.price?.recurring);
  const items = recurring.map((line) => {
    const price = line.price!;
    const interval = price.recurring!;
    return buildSubscriptionItem({
      price,
      quantity: line.quantity ?? 1,
      subscriptionId,
      periodStart: now,
      // A trial is the first period; the first paid one starts when it ends.
      periodEnd: trialEnd ?? periodEnd(now, now, interval.interval, interval.interval_count),
      now,
    });
  });
  const subscription = buildSubscription({
    id: subscriptionId,
    customer: customer.id,
    currency: session.currency ?? 'gbp',
    items,
    metadata: { ...(plan.input.subscriptionData?.metadata ?? {}) },
    description: plan.input.subscriptionData?.description ?? null,
    defaultPaymentMethod: newId('pm_'),
    trialEnd,
    now,
  });
  state.subscriptions.set(subscription.id, subscription);
  customer.currency ??= subscription.currency;
  session.subscription = subscription.id;

  const invoiceId = newId('in_');
  const lines = plan.lineItems.map((line) => {
    const price = line.price!;
    const item = items.find((candidate) => candidate.price.id === price.id) ?? null;
    // During a trial the recurring items cost nothing; one-off items are charged at once.
    const free = item !== null && trialEnd !== null;
    return buildInvoiceLine({
      invoiceId,
      subscriptionId,
      price,
      quantity: line.quantity ?? 1,
      amount: free ? 0 : line.amount_total,
      productName: line.description ?? '',
      item,
      period: item
        ? { start: item.current_period_start, end: item.current_period_end }
        : { start: now, end: now },
      ...(free ? { description: `Trial period for ${line.description ?? ''}` } : {}),
    });
  });
  const invoice = buildInvoice({
    id: invoiceId,
    customer,
    subscription,
    billingReason: 'subscription_create',
    lines,
    period: { start: now, end: now },
    now,
  });
  state.invoices.set(invoice.id, invoice);
  subscription.latest_invoice = invoice.id;
  session.invoice = invoice.id;

  const events = [state.emit('customer.subscription.created', subscription, { created: now })];
  const outcome = kind === 'card' ? 'succeeded' : 'pending';
  events.push(
    ...collectInvoice(state, invoice, {
      kind,
      payer,
      outcome,
      description: 'Subscription creation',
      now,
    }),
  );
  session.payment_status =
    invoice.status !== 'paid' ? 'unpaid' : invoice.amount_paid > 0 ? 'paid' : 'no_payment_required';
  return events;
}

interface Collection {
  kind: PaymentMethodKind;
  payer: { email: string | null; name: string | null };
  outcome: 'succeeded' | 'pending' | 'failed';
  /** The PaymentIntent's description, as Stripe words it for the invoice's billing reason. */
  description: string;
  now: number;
}

/**
 * Finalizes a draft subscription invoice and collects it: nothing to charge when a trial or the
 * customer's credit covers it, else a payment with the given outcome. Returns the events in the
 * order Stripe sends them (none after `invoice.finalized` while a payment is pending).
 */
export function collectInvoice(
  state: FakeState,
  invoice: Stripe.Invoice,
  collection: Collection,
): Stripe.Event[] {
  const { now } = collection;
  const events = [state.emit('invoice.created', invoice, { created: now })];
  const balance = finalizeInvoice(state, invoice, now);
  events.push(state.emit('invoice.finalized', invoice, { created: now }), ...balance);
  if (invoice.amount_due === 0) {
    markInvoicePaid(invoice, now);
  } else {
    const { kind, payer, outcome, description } = collection;
    attemptInvoicePayment(state, invoice, kind, payer, outcome, description, now);
  }
  if (invoice.status === 'paid') {
    events.push(
      state.emit('invoice.paid', invoice, { created: now }),
      state.emit('invoice.payment_succeeded', invoice, { created: now }),
    );
  } else if (collection.outcome === 'failed') {
    events.push(state.emit('invoice.payment_failed', invoice, { created: now }));
  }
  return events;
}

/**
 * Opens the invoice. Stripe applies the customer's balance now: a credit (a negative balance)
 * lowers the amount due, and what an invoice of negative total leaves over becomes credit.
 * Returns `customer.updated` when the balance changed.
 */
function finalizeInvoice(state: FakeState, invoice: Stripe.Invoice, now: number): Stripe.Event[] {
  invoice.status = 'open';
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  const customer = state.customer(idOf(invoice.customer) ?? '');
  const starting = customer.balance;
  const due = invoice.total + starting;
  invoice.starting_balance = starting;
  invoice.ending_balance = Math.min(0, due);
  invoice.amount_due = Math.max(0, due);
  invoice.amount_remaining = invoice.amount_due;
  if (invoice.ending_balance === starting) return [];
  customer.balance = invoice.ending_balance;
  return [
    state.emit('customer.updated', customer, { created: now, previous: { balance: starting } }),
  ];
}

/** Charges an open invoice: a PaymentIntent, its Charge and the InvoicePayment linking them. */
function attemptInvoicePayment(
  state: FakeState,
  invoice: Stripe.Invoice,
  kind: PaymentMethodKind,
  payer: { email: string | null; name: string | null },
  outcome: 'succeeded' | 'pending' | 'failed',
  description: string,
  now: number,
): void {
  const intent = buildPaymentIntent({
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: idOf(invoice.customer),
    description,
    metadata: {},
    receiptEmail: null,
    statementDescriptor: null,
    statementDescriptorSuffix: null,
    setupFutureUsage: 'off_session',
    paymentMethod: newId('pm_'),
    kind,
    now,
  });
  state.paymentIntents.set(intent.id, intent);
  const payment = buildInvoicePayment({ invoice, intent, now });
  state.invoicePayments.set(payment.id, payment);
  chargeIntent(state, intent, kind, payer, outcome, now);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  settleInvoice(invoice, payment, outcome, now);
}

function markInvoicePaid(invoice: Stripe.Invoice, now: number): void {
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.auto_advance = false;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
}

export function settleInvoice(
  invoice: Stripe.Invoice,
  payment: Stripe.InvoicePayment,
  outcome: 'succeeded' | 'pending' | 'failed',
  now: number,
): void {
  if (outcome === 'succeeded') {
    markInvoicePaid(invoice, now);
    payment.status = 'paid';
    payment.amount_paid = payment.amount_requested;
    payment.status_transitions.paid_at = now;
  } else if (outcome === 'failed') {
    // Smart Retries would try again in a few days; the invoice stays open until then.
    invoice.next_payment_attempt = now + 3 * day;
  }
}

export function settleAsyncPayment(
  state: FakeState,
  sessionId: string,
  succeeded: boolean,
): Stripe.Event[] {
  const session = state.session(sessionId);
  if (session.status !== 'complete' || session.payment_status !== 'unpaid') {
    throw invalidRequest(
      `Checkout Session ${sessionId} has no payment on its way (status ${session.status}, payment_status ${session.payment_status}).`,
    );
  }
  if (session.mode === 'subscription') return settleSubscriptionStart(state, session, succeeded);
  const intent = state.paymentIntent(idOf(session.payment_intent) ?? '');
  const charge = state.charge(idOf(intent.latest_charge) ?? '');
  const now = after(charge.created);
  applyOutcome(intent, charge, succeeded ? 'succeeded' : 'failed');
  if (succeeded) {
    session.payment_status = 'paid';
    return [
      state.emit('checkout.session.async_payment_succeeded', session, { created: now }),
      state.emit('charge.succeeded', charge, { created: now }),
      state.emit('payment_intent.succeeded', intent, { created: now }),
    ];
  }
  return [
    state.emit('checkout.session.async_payment_failed', session, { created: now }),
    state.emit('charge.failed', charge, { created: now }),
    state.emit('payment_intent.payment_failed', intent, { created: now }),
  ];
}

function settleSubscriptionStart(
  state: FakeState,
  session: Stripe.Checkout.Session,
  succeeded: boolean,
): Stripe.Event[] {
  const invoice = state.invoice(idOf(session.invoice) ?? '');
  const subscription = state.subscription(idOf(session.subscription) ?? '');
  const [payment] = state.invoicePaymentsOf(invoice.id);
  if (!payment) throw new Error(`invoice ${invoice.id} has no payment on its way`);
  const intent = state.paymentIntent(idOf(payment.payment.payment_intent) ?? '');
  const charge = state.charge(idOf(intent.latest_charge) ?? '');
  const now = after(charge.created);
  applyOutcome(intent, charge, succeeded ? 'succeeded' : 'failed');
  settleInvoice(invoice, payment, succeeded ? 'succeeded' : 'failed', now);
  if (succeeded) {
    session.payment_status = 'paid';
    return [
      state.emit('checkout.session.async_payment_succeeded', session, { created: now }),
      state.emit('invoice.paid', invoice, { created: now }),
      state.emit('invoice.payment_succeeded', invoice, { created: now }),
    ];
  }
  const events = [
    state.emit('checkout.session.async_payment_failed', session, { created: now }),
    state.emit('invoice.payment_failed', invoice, { created: now }),
  ];
  events.push(...setStatus(state, subscription, 'past_due', now));
  return events;
}

/** Moves a subscription to a status, with `customer.subscription.updated` when it changed. */
export function setStatus(
  state: FakeState,
  subscription: Stripe.Subscription,
  status: Stripe.Subscription.Status,
  now: number,
): Stripe.Event[] {
  if (subscription.status === status) return [];
  const previous = { status: subscription.status };
  subscription.status = status;
  return [state.emit('customer.subscription.updated', subscription, { created: now, previous })];
}

export function expireCheckout(
  state: FakeState,
  sessionId: string,
  request?: EventRequest,
): Stripe.Event[] {
  const session = state.session(sessionId);
  if (session.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    );
  }
  session.status = 'expired';
  session.url = null;
  const now = after(session.created);
  return [state.emit('checkout.session.expired', session, { created: now, request })];
}

const latestPeriodEnd = (subscription: Stripe.Subscription) =>
  Math.max(...subscription.items.data.map((item) => item.current_period_end));

export function renewSubscription(
  state: FakeState,
  subscriptionId: string,
  options: { fail?: boolean } = {},
): Stripe.Event[] {
  const subscription = state.subscription(subscriptionId);
  if (subscription.status === 'canceled') {
    throw invalidRequest(`Subscription ${subscriptionId} is canceled and does not renew.`);
  }
  const boundary = latestPeriodEnd(subscription);
  const now = after(boundary, subscription.canceled_at);
  if (subscription.cancel_at !== null && subscription.cancel_at <= boundary) {
    subscription.status = 'canceled';
    subscription.ended_at = subscription.cancel_at;
    return [state.emit('customer.subscription.deleted', subscription, { created: now })];
  }

  const previousItems = clone(subscription.items);
  for (const item of subscription.items.data) {
    const recurring = item.price.recurring!;
    item.current_period_start = item.current_period_end;
    item.current_period_end = periodEnd(
      subscription.billing_cycle_anchor,
      item.current_period_start,
      recurring.interval,
      recurring.interval_count,
    );
  }
  const events = [
    state.emit('customer.subscription.updated', subscription, {
      created: now,
      previous: { items: previousItems },
    }),
  ];

  const customer = state.customer(idOf(subscription.customer) ?? '');
  const invoiceId = newId('in_');
  const lines = subscription.items.data.map((item) =>
    buildInvoiceLine({
      invoiceId,
      subscriptionId,
      price: item.price,
      quantity: item.quantity ?? 1,
      amount: Math.round(Number(item.price.unit_amount_decimal ?? 0) * (item.quantity ?? 1)),
      productName: productName(state, item.price),
      item,
      period: { start: item.current_period_start, end: item.current_period_end },
    }),
  );
  const previousItem = previousItems.data[0];
  const invoice = buildInvoice({
    id: invoiceId,
    customer,
    subscription,
    billingReason: 'subscription_cycle',
    lines: [...takePendingProrations(state, subscriptionId, invoiceId), ...lines],
    // A cycle invoice's own period is the one that just ended.
    period: {
      start: previousItem?.current_period_start ?? boundary,
      end: previousItem?.current_period_end ?? boundary,
    },
    now,
  });
  state.invoices.set(invoice.id, invoice);
  subscription.latest_invoice = invoice.id;
  events.push(
    ...collectInvoice(state, invoice, {
      kind: 'card',
      payer: { email: customer.email, name: customer.name ?? null },
      outcome: options.fail ? 'failed' : 'succeeded',
      description: 'Subscription update',
      now,
    }),
  );
  // The first charge after a trial moves a trialing subscription on, as any paid renewal does.
  events.push(
    ...setStatus(state, subscription, invoice.status === 'paid' ? 'active' : 'past_due', now),
  );
  return events;
}

/** The prorations waiting for a subscription's next invoice, now put on `invoiceId`. */
export function takePendingProrations(
  state: FakeState,
  subscriptionId: string,
  invoiceId: string,
): Stripe.InvoiceLineItem[] {
  const lines = state.pendingProrations.get(subscriptionId) ?? [];
  state.pendingProrations.delete(subscriptionId);
  for (const line of lines) line.invoice = invoiceId;
  return lines;
}

export function productName(state: FakeState, price: Stripe.Price): string {
  const id = idOf(price.product) ?? '';
  return state.products.get(id)?.name ?? id;
}

export function cancelSubscription(
  state: FakeState,
  subscriptionId: string,
  options: { atPeriodEnd?: boolean; comment?: string | null } = {},
  request?: EventRequest,
): Stripe.Event[] {
  const subscription = state.subscription(subscriptionId);
  if (subscription.status === 'canceled') {
    throw invalidRequest(`Subscription ${subscriptionId} is already canceled.`);
  }
  const now = after(subscription.created, subscription.items.data[0]?.current_period_start);
  const previous = {
    cancel_at: subscription.cancel_at,
    cancel_at_period_end: subscription.cancel_at_period_end,
    canceled_at: subscription.canceled_at,
    cancellation_details: clone(subscription.cancellation_details),
  };
  subscription.canceled_at = now;
  subscription.cancellation_details = {
    comment: options.comment ?? subscription.cancellation_details?.comment ?? null,
    feedback: null,
    feedback_option: null,
    reason: 'cancellation_requested',
  };
  if (options.atPeriodEnd) {
    subscription.cancel_at_period_end = true;
    subscription.cancel_at = latestPeriodEnd(subscription);
    return [
      state.emit('customer.subscription.updated', subscription, {
        created: now,
        previous,
        request,
      }),
    ];
  }
  subscription.status = 'canceled';
  subscription.ended_at = now;
  return [state.emit('customer.subscription.deleted', subscription, { created: now, request })];
}

/** Takes back a cancellation at the period's end, as `cancel_at_period_end=false` does. */
export function resumeSubscription(
  state: FakeState,
  subscriptionId: string,
  request?: EventRequest,
): Stripe.Event[] {
  const subscription = state.subscription(subscriptionId);
  if (!subscription.cancel_at_period_end) return [];
  const now = after(subscription.canceled_at);
  const previous = {
    cancel_at: subscription.cancel_at,
    cancel_at_period_end: true,
    canceled_at: subscription.canceled_at,
    cancellation_details: clone(subscription.cancellation_details),
  };
  subscription.cancel_at = null;
  subscription.cancel_at_period_end = false;
  subscription.canceled_at = null;
  subscription.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  };
  return [
    state.emit('customer.subscription.updated', subscription, { created: now, previous, request }),
  ];
}

export function refundCharge(state: FakeState, chargeId: string, amount?: number): Stripe.Event[] {
  const charge = state.charge(chargeId);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${chargeId} has not succeeded, so it cannot be refunded.`, {
      param: 'charge',
    });
  }
  if (charge.disputed) {
    throw invalidRequest("The charge you're attempting to refund has been charged back.", {
      param: 'charge',
      code: 'charge_disputed',
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${chargeId} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const refunded = amount ?? remaining;
  if (!Number.isInteger(refunded) || refunded <= 0) {
    throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  }
  if (refunded > remaining) {
    throw invalidRequest(
      `Refund amount (${formatMoney(refunded, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(remaining, charge.currency)})`,
      { param: 'amount' },
    );
  }
  const now = after(charge.created);
  const refund = buildRefund({ charge, amount: refunded, now });
  state.refunds.set(refund.id, refund);
  const previous: { amount_refunded: number; refunded?: boolean } = {
    amount_refunded: charge.amount_refunded,
  };
  charge.amount_refunded += refunded;
  if (charge.amount_refunded === charge.amount) {
    previous.refunded = false;
    charge.refunded = true;
  }
  return [
    state.emit('charge.refunded', charge, { created: now, previous }),
    state.emit('refund.created', refund, { created: now }),
  ];
}

/**
 * The cardholder disputes a card payment with their bank: a chargeback Stripe opens as a Dispute
 * needing a response, the charge marked `disputed`, and `charge.dispute.created`.
 */
export function disputeCharge(state: FakeState, chargeId: string): Stripe.Event[] {
  const charge = state.charge(chargeId);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${chargeId} has not succeeded, so it cannot be disputed.`);
  }
  if (charge.payment_method_details?.type !== 'card') {
    throw invalidRequest(
      `Charge ${chargeId} was not paid by card; only card payments are disputed.`,
    );
  }
  if (charge.disputed) throw invalidRequest(`Charge ${chargeId} is already disputed.`);
  const now = after(charge.created);
  const dispute = buildDispute(charge, now);
  state.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  return [state.emit('charge.dispute.created', dispute, { created: now })];
}
