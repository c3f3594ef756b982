import Stripe from 'stripe';
import { noSuch } from './errors';
import {
  makeEvent,
  type EventObject,
  type EventRequest,
  type EventType,
  type PreviousAttributes,
} from './events';
import { buildPortalConfiguration } from './portal-configurations';
import type { CheckoutSessionInput, Lookups } from './validation';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The time of a change to objects that already carry timestamps: never before them. Renewals
 * move a subscription to the end of its period, so its later changes happen after that.
 */
export const after = (...times: Array<number | null | undefined>) =>
  Math.max(nowSeconds(), ...times.map((time) => time ?? 0));

const decimalPrototype: unknown = Object.getPrototypeOf(Stripe.Decimal.zero);

/** A deep copy that keeps the SDK's Decimal values (they are immutable). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) === decimalPrototype) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => clone(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = clone(item);
  return copy as T;
}

/** What a Checkout Session was created with, kept for the moment it completes. */
export interface CheckoutPlan {
  input: CheckoutSessionInput;
  lineItems: Stripe.LineItem[];
}

/** Every object the fake knows, by id, and the events it has made, in order. */
export class FakeState {
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly checkoutPlans = new Map<string, CheckoutPlan>();
  readonly customers = new Map<string, Stripe.Customer>();
  readonly products = new Map<string, Stripe.Product>();
  readonly prices = new Map<string, Stripe.Price>();
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly invoices = new Map<string, Stripe.Invoice>();
  readonly invoicePayments = new Map<string, Stripe.InvoicePayment>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly disputes = new Map<string, Stripe.Dispute>();
  readonly portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  readonly portalConfigurations = new Map<string, Stripe.BillingPortal.Configuration>();
  /**
   * Prorations waiting for a subscription's next invoice, by subscription id: what Stripe keeps
   * as pending invoice items after a change with `proration_behavior=create_prorations`.
   */
  readonly pendingProrations = new Map<string, Stripe.InvoiceLineItem[]>();
  readonly events: Stripe.Event[] = [];

  constructor(readonly baseUrl: string) {
    const defaults = buildPortalConfiguration({ isDefault: true, now: nowSeconds() });
    this.portalConfigurations.set(defaults.id, defaults);
  }

  /** The configuration a portal session gets when it names none. */
  defaultPortalConfiguration(): Stripe.BillingPortal.Configuration {
    const found = [...this.portalConfigurations.values()].find((entry) => entry.is_default);
    if (!found) throw new Error('fake Stripe: no default portal configuration');
    return found;
  }

  emit<T extends EventType>(
    type: T,
    object: EventObject<T>,
    options: { created: number; previous?: PreviousAttributes<T>; request?: EventRequest },
  ): Stripe.Event {
    const event = makeEvent(type, object, options);
    this.events.push(event);
    return event;
  }

  lookups(): Lookups {
    return {
      price: (id) => this.prices.get(id),
      product: (id) => this.products.get(id),
      customer: (id) => this.customers.get(id),
    };
  }

  /** The object an id names, found by its prefix, for expanding references. */
  find(id: string): object | undefined {
    const [prefix] = id.split('_', 1);
    switch (prefix) {
      case 'cs':
        return this.sessions.get(id);
      case 'cus':
        return this.customers.get(id);
      case 'prod':
        return this.products.get(id);
      case 'price':
        return this.prices.get(id);
      case 'sub':
        return this.subscriptions.get(id);
      case 'in':
        return this.invoices.get(id);
      case 'inpay':
        return this.invoicePayments.get(id);
      case 'pi':
        return this.paymentIntents.get(id);
      case 'ch':
        return this.charges.get(id);
      case 're':
        return this.refunds.get(id);
      case 'dp':
        return this.disputes.get(id);
      case 'bps':
        return this.portalSessions.get(id);
      case 'bpc':
        return this.portalConfigurations.get(id);
      default:
        return undefined;
    }
  }

  session(id: string): Stripe.Checkout.Session {
    return found(this.sessions.get(id), 'checkout.session', id);
  }
  subscription(id: string): Stripe.Subscription {
    return found(this.subscriptions.get(id), 'subscription', id);
  }
  customer(id: string): Stripe.Customer {
    return found(this.customers.get(id), 'customer', id);
  }
  product(id: string): Stripe.Product {
    return found(this.products.get(id), 'product', id);
  }
  price(id: string): Stripe.Price {
    return found(this.prices.get(id), 'price', id);
  }
  invoice(id: string): Stripe.Invoice {
    return found(this.invoices.get(id), 'invoice', id);
  }
  paymentIntent(id: string): Stripe.PaymentIntent {
    return found(this.paymentIntents.get(id), 'payment_intent', id);
  }
  charge(id: string): Stripe.Charge {
    return found(this.charges.get(id), 'charge', id);
  }
  portalSession(id: string): Stripe.BillingPortal.Session {
    return found(this.portalSessions.get(id), 'billing_portal.session', id);
  }
  portalConfiguration(id: string): Stripe.BillingPortal.Configuration {
    return found(this.portalConfigurations.get(id), 'billing_portal.configuration', id);
  }

  invoicePaymentsOf(invoiceId: string): Stripe.InvoicePayment[] {
    return [...this.invoicePayments.values()].filter((payment) => payment.invoice === invoiceId);
  }
}

function found<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw noSuch(kind, id, 'id');
  return value;
}

/** The id in a field that may hold an id or an expanded object. */
export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;
