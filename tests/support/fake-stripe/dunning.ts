import type Stripe from 'stripe';
import { invalidRequest } from './errors';
import type { PaymentMethodKind } from './objects';
import { chargeIntent, setStatus, settleInvoice } from './scenarios';
import { after, idOf, type FakeState } from './state';

// After a subscription's payment fails, Stripe retries it (Smart Retries) on its own schedule.
// A retry that succeeds pays the invoice and brings the subscription back to `active`; when the
// retries run out, the account's subscription settings decide: cancel it, leave it `past_due`,
// or mark it `unpaid`. These drivers act out each step when a test says so.

/** An open invoice with the payment its retries confirm again: Stripe keeps one PaymentIntent. */
function retryable(state: FakeState, invoiceId: string) {
  const invoice = state.invoice(invoiceId);
  if (invoice.status === 'paid') throw invalidRequest('Invoice is already paid.');
  if (invoice.status !== 'open') {
    throw invalidRequest(
      `Invoice ${invoiceId} is ${invoice.status}; only an open invoice can be paid.`,
    );
  }
  const payment = state.invoicePaymentsOf(invoice.id).find((entry) => entry.status === 'open');
  if (!payment) throw new Error(`fake Stripe: open invoice ${invoice.id} has no payment attempt`);
  const intent = state.paymentIntent(idOf(payment.payment.payment_intent) ?? '');
  if (intent.status === 'processing') {
    throw invalidRequest(
      `Invoice ${invoiceId} has a bank transfer on its way; settle it (settleAsyncPayment) instead.`,
    );
  }
  return { invoice, payment, intent };
}

/** Tries the invoice's payment again: a new Charge on its PaymentIntent, with this outcome. */
function retry(
  state: FakeState,
  invoiceId: string,
  outcome: 'succeeded' | 'failed',
): { invoice: Stripe.Invoice; now: number } {
  const { invoice, payment, intent } = retryable(state, invoiceId);
  const now = after(invoice.created);
  const customer = state.customer(idOf(invoice.customer) ?? '');
  const kind: PaymentMethodKind = intent.payment_method_types.includes('customer_balance')
    ? 'customer_balance'
    : 'card';
  chargeIntent(
    state,
    intent,
    kind,
    { email: customer.email, name: customer.name ?? null },
    outcome,
    now,
  );
  invoice.attempted = true;
  invoice.attempt_count += 1;
  settleInvoice(invoice, payment, outcome, now);
  return { invoice, now };
}

/** The subscription whose latest invoice this is: only that invoice decides its status. */
function billedSubscription(state: FakeState, invoice: Stripe.Invoice): Stripe.Subscription | null {
  const id = idOf(invoice.parent?.subscription_details?.subscription);
  const subscription = id === null ? undefined : state.subscriptions.get(id);
  return subscription && idOf(subscription.latest_invoice) === invoice.id ? subscription : null;
}

/** A retry succeeds: the invoice is paid, and a past_due or unpaid subscription is active again. */
export function payInvoice(state: FakeState, invoiceId: string): Stripe.Event[] {
  const { invoice, now } = retry(state, invoiceId, 'succeeded');
  const events = [
    state.emit('invoice.paid', invoice, { created: now }),
    state.emit('invoice.payment_succeeded', invoice, { created: now }),
  ];
  const subscription = billedSubscription(state, invoice);
  if (subscription?.status === 'past_due' || subscription?.status === 'unpaid') {
    events.push(...setStatus(state, subscription, 'active', now));
  }
  return events;
}

/** A retry fails too: one more attempt on the invoice, which stays open for the next one. */
export function failInvoicePayment(state: FakeState, invoiceId: string): Stripe.Event[] {
  const { invoice, now } = retry(state, invoiceId, 'failed');
  const events = [state.emit('invoice.payment_failed', invoice, { created: now })];
  const subscription = billedSubscription(state, invoice);
  if (subscription?.status === 'active' || subscription?.status === 'trialing') {
    events.push(...setStatus(state, subscription, 'past_due', now));
  }
  return events;
}

/**
 * The retries have run out and the account's settings say "mark the subscription as unpaid": it
 * stays, its invoice stays open (paying it reactivates the subscription), and no service is due.
 */
export function markUnpaid(state: FakeState, subscriptionId: string): Stripe.Event[] {
  const subscription = state.subscription(subscriptionId);
  if (subscription.status !== 'past_due') {
    throw invalidRequest(
      `Subscription ${subscriptionId} is ${subscription.status}; only a past_due subscription becomes unpaid when its payment retries run out.`,
    );
  }
  const latest = state.invoices.get(idOf(subscription.latest_invoice) ?? '');
  return setStatus(state, subscription, 'unpaid', after(latest?.created));
}
