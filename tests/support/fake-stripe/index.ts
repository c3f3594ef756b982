import type Stripe from 'stripe';
import { defaultDeliverySchedule, type DeliverySchedule } from './delivery-queue';
import { failInvoicePayment, markUnpaid, payInvoice } from './dunning';
import { randomSuffix } from './ids';
import {
  cancelSubscription,
  completeCheckout,
  disputeCharge,
  expireCheckout,
  refundCharge,
  renewSubscription,
  settleAsyncPayment,
  type CompleteCheckoutOptions,
} from './scenarios';
import { FakeServer, type Mode, type RecordedRequest } from './server';
import { clone } from './state';
import type { DeliverOptions, Delivery } from './webhooks';

export type {
  CompleteCheckoutOptions,
  DeliverOptions,
  Delivery,
  DeliverySchedule,
  Mode,
  RecordedRequest,
};
export { defaultDeliverySchedule };

export interface FakeStripeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  webhookUrl?: string;
  secretKey?: string;
  webhookSecret?: string;
  /** How webhooks are sent of the fake's own accord; `defaultDeliverySchedule` for the rest. */
  delivery?: Partial<DeliverySchedule>;
}

/**
 * A local stand-in for Stripe's HTTP API that the real `stripe` SDK talks to (point it there
 * with `host`, `port` and `protocol: 'http'`), with hosted Checkout and portal pages for browser
 * tests and drivers that act out what happens on Stripe's side.
 */
export interface FakeStripe {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Requests without `Authorization: Bearer <secretKey>` get Stripe's 401 answer. */
  secretKey: string;
  webhookSecret: string;
  readonly webhookUrl: string | undefined;
  setWebhookUrl(url: string | undefined): void;
  close(): Promise<void>;

  /**
   * 'error': every API request answers 500 with Stripe's api_error; 'down': the connection is
   * dropped without an answer, so the SDK sees a connection error. Pages and controls still work.
   */
  readonly mode: Mode;
  setMode(mode: Mode): void;

  /** Every API request received, in order (status 0: the connection was dropped). */
  requests: RecordedRequest[];
  /** Every event the fake has made, in order. */
  events: Stripe.Event[];
  /**
   * Every attempt to send an event to a webhook endpoint, retries included, in the order they
   * settled: from the hosted pages, controls and API changes, and from `deliverAll`.
   */
  deliveries: Delivery[];

  /**
   * Queues events for the webhook URL (or `to`) as Stripe sends them, which is how the hosted
   * pages, controls and API changes send theirs: each after a random delay within the schedule's
   * jitter, so in no promised order, and again after each retry delay while an attempt fails
   * (not 2xx, no connection, or no answer within the timeout). Returns at once.
   */
  send(events: Stripe.Event[], options?: { to?: string }): void;
  /** Resolves once every queued delivery has succeeded or given up, however long that takes. */
  idle(): Promise<void>;
  /** Events queued whose delivery has not settled yet. */
  readonly pendingDeliveries: number;
  readonly deliverySchedule: DeliverySchedule;
  /** Changes the schedule for events queued from now on. */
  setDeliverySchedule(changes: Partial<DeliverySchedule>): void;

  // Copies of what the fake holds; changing them changes nothing.
  getSession(id: string): Stripe.Checkout.Session | undefined;
  listSessions(): Stripe.Checkout.Session[];
  getSubscription(id: string): Stripe.Subscription | undefined;
  listSubscriptions(): Stripe.Subscription[];
  getCustomer(id: string): Stripe.Customer | undefined;
  getProduct(id: string): Stripe.Product | undefined;
  getPrice(id: string): Stripe.Price | undefined;
  getInvoice(id: string): Stripe.Invoice | undefined;
  /** Invoices newest first, optionally only one subscription's. */
  listInvoices(subscriptionId?: string): Stripe.Invoice[];
  getPaymentIntent(id: string): Stripe.PaymentIntent | undefined;
  getCharge(id: string): Stripe.Charge | undefined;
  /** Charges newest first. */
  listCharges(): Stripe.Charge[];
  getDispute(id: string): Stripe.Dispute | undefined;
  /** A portal configuration, or without an id the default one portal sessions get. */
  getPortalConfiguration(id?: string): Stripe.BillingPortal.Configuration | undefined;

  // Scenario drivers: each changes the fake's records the way Stripe would and returns the
  // events Stripe would send, in its usual order, without sending them.

  /**
   * The donor pays on the hosted page. Payment mode: a PaymentIntent and Charge (and a Customer
   * when `customer_creation` is `always`); subscription mode: Customer, Subscription, its first
   * Invoice (paid), PaymentIntent, Charge and InvoicePayment. A session made with `customer`
   * completes on that customer. `delayedPayment` completes the session unpaid, as a bank
   * transfer does, until settleAsyncPayment. With `subscription_data[trial_period_days]` the
   * subscription starts `trialing` and its first invoice is for nothing (no payment at all).
   */
  completeCheckout(sessionId: string, options?: CompleteCheckoutOptions): Stripe.Event[];
  /** A delayed payment clears (or fails): `checkout.session.async_payment_succeeded`/`_failed` first. */
  settleAsyncPayment(sessionId: string, succeeded: boolean): Stripe.Event[];
  expireCheckout(sessionId: string): Stripe.Event[];
  /**
   * The next period starts: `customer.subscription.updated` with the items' new periods, then
   * a `subscription_cycle` invoice (with any pending prorations) that is paid or, with `fail`,
   * left open after a declined charge (and the subscription becomes `past_due`). A trialing
   * subscription is at its trial's end: the first paid period, then `active` (or `past_due`). A
   * subscription set to cancel at the period's end ends instead.
   */
  renewSubscription(subscriptionId: string, options?: { fail?: boolean }): Stripe.Event[];
  /** Ends a subscription now, or with `atPeriodEnd` sets it to end when its period does. */
  cancelSubscription(subscriptionId: string, options?: { atPeriodEnd?: boolean }): Stripe.Event[];
  /** Refunds part (or, without `amount`, the rest) of a charge. */
  refundCharge(chargeId: string, amount?: number): Stripe.Event[];
  /**
   * A retry of an open invoice's payment succeeds (a new Charge on its PaymentIntent):
   * `invoice.paid`, `invoice.payment_succeeded`, and a past_due or unpaid subscription whose
   * latest invoice it is becomes `active` again.
   */
  payInvoice(invoiceId: string): Stripe.Event[];
  /** A retry fails too: `attempt_count` goes up and `invoice.payment_failed` is sent again. */
  failInvoicePayment(invoiceId: string): Stripe.Event[];
  /** The retries have run out and the settings say so: a past_due subscription becomes `unpaid`. */
  markUnpaid(subscriptionId: string): Stripe.Event[];
  /**
   * The cardholder disputes a card charge: a Dispute (`needs_response`, reason `fraudulent`, the
   * whole amount), `charge.disputed`, and `charge.dispute.created`.
   */
  disputeCharge(chargeId: string): Stripe.Event[];

  /**
   * Signs `event` with the SDK's test-header helper and POSTs it to the webhook URL (or `to`)
   * now, once. `tamper` changes the body after signing; `secret` signs with another secret.
   */
  deliver(event: Stripe.Event, options?: DeliverOptions): Promise<Response>;
  /**
   * Delivers events now, one after another in the given order, once each, and returns the HTTP
   * statuses: for tests that need exact control of what arrives when. Throws when a connection
   * fails.
   */
  deliverAll(events: Stripe.Event[], options?: { to?: string }): Promise<number[]>;
}

const newestFirst = <T extends { created: number }>(items: Iterable<T>): T[] =>
  [...items].reverse().sort((a, b) => b.created - a.created);

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const server = new FakeServer(
    options.secretKey ?? `sk_test_fake_${randomSuffix(24)}`,
    options.webhookSecret ?? `whsec_${randomSuffix(32)}`,
    options.webhookUrl,
    { ...defaultDeliverySchedule, ...options.delivery },
  );
  const url = await server.listen(options.port ?? 0);
  const state = server.state;
  const copy = <T>(value: T | undefined) => (value === undefined ? undefined : clone(value));

  return {
    url,
    secretKey: server.secretKey,
    webhookSecret: server.webhookSecret,
    get webhookUrl() {
      return server.webhookUrl;
    },
    setWebhookUrl(next) {
      server.webhookUrl = next;
    },
    close: () => server.close(),
    get mode() {
      return server.mode;
    },
    setMode(mode) {
      server.mode = mode;
    },
    requests: server.requests,
    events: state.events,
    deliveries: server.deliveries,
    send: (events, sendOptions) => server.send(events, sendOptions),
    idle: () => server.queue.idle(),
    get pendingDeliveries() {
      return server.queue.size;
    },
    get deliverySchedule() {
      return server.queue.schedule;
    },
    setDeliverySchedule(changes) {
      server.queue.schedule = { ...server.queue.schedule, ...changes };
    },

    getSession: (id) => copy(state.sessions.get(id)),
    listSessions: () => newestFirst(state.sessions.values()).map(clone),
    getSubscription: (id) => copy(state.subscriptions.get(id)),
    listSubscriptions: () => newestFirst(state.subscriptions.values()).map(clone),
    getCustomer: (id) => copy(state.customers.get(id)),
    getProduct: (id) => copy(state.products.get(id)),
    getPrice: (id) => copy(state.prices.get(id)),
    getInvoice: (id) => copy(state.invoices.get(id)),
    listInvoices: (subscriptionId) =>
      newestFirst(state.invoices.values())
        .filter(
          (invoice) =>
            subscriptionId === undefined ||
            invoice.parent?.subscription_details?.subscription === subscriptionId,
        )
        .map(clone),
    getPaymentIntent: (id) => copy(state.paymentIntents.get(id)),
    getCharge: (id) => copy(state.charges.get(id)),
    listCharges: () => newestFirst(state.charges.values()).map(clone),
    getDispute: (id) => copy(state.disputes.get(id)),
    getPortalConfiguration: (id) =>
      copy(
        id === undefined ? state.defaultPortalConfiguration() : state.portalConfigurations.get(id),
      ),

    completeCheckout: (sessionId, completeOptions) =>
      completeCheckout(state, sessionId, completeOptions),
    settleAsyncPayment: (sessionId, succeeded) => settleAsyncPayment(state, sessionId, succeeded),
    expireCheckout: (sessionId) => expireCheckout(state, sessionId),
    renewSubscription: (subscriptionId, renewOptions) =>
      renewSubscription(state, subscriptionId, renewOptions),
    cancelSubscription: (subscriptionId, cancelOptions) =>
      cancelSubscription(state, subscriptionId, cancelOptions),
    refundCharge: (chargeId, amount) => refundCharge(state, chargeId, amount),
    payInvoice: (invoiceId) => payInvoice(state, invoiceId),
    failInvoicePayment: (invoiceId) => failInvoicePayment(state, invoiceId),
    markUnpaid: (subscriptionId) => markUnpaid(state, subscriptionId),
    disputeCharge: (chargeId) => disputeCharge(state, chargeId),

    deliver: (event, deliverOptions) => server.deliver(event, deliverOptions),
    deliverAll: (events, deliverOptions) => server.deliverInOrder(events, deliverOptions),
  };
}
