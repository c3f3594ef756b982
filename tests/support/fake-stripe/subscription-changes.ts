import type Stripe from 'stripe';
import { invalidRequest } from './errors';
import type { EventRequest } from './events';
import { newId } from './ids';
import { buildInvoice, buildInvoiceLine, buildPlan, describeLine } from './objects';
import { periodEnd } from './periods';
import { collectInvoice, productName, takePendingProrations } from './scenarios';
import { after, clone, idOf, type FakeState } from './state';
import { inactivePrice, type ProrationBehavior } from './validation';

// Moving a subscription item to another price, from the portal or `POST /v1/subscriptions/<id>`,
// as Stripe bills it. The item keeps its id. Within the same interval the period goes on, and the
// proration behaviour settles the difference for its unused time: `always_invoice` invoices it at
// once, `create_prorations` leaves it for the next renewal's invoice, `none` drops it. Moving to
// another interval (or ending a trial) starts a new period now, which Stripe invoices at once,
// crediting the unused time unless the behaviour is `none`.

export interface PriceChange {
  subscriptionId: string;
  itemId: string;
  price: Stripe.Price;
  prorationBehavior: ProrationBehavior;
  /**
   * Whether a trialing subscription's trial ends with the change and the new price is charged at
   * once: the portal's default (`trial_update_behavior: end_trial`). The API keeps the trial.
   */
  endTrial: boolean;
}

interface PlannedLine {
  description: string;
  amount: number;
  price: Stripe.Price;
  period: { start: number; end: number };
  proration: boolean;
}

export interface PriceChangePlan {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  now: number;
  /** The billing period starts again now (a new interval, or the end of a trial). */
  restart: boolean;
  endsTrial: boolean;
  lines: PlannedLine[];
  /** Whether the lines are invoiced now; otherwise they wait for the next renewal. */
  invoiceNow: boolean;
  /** The total of the invoice made now, earlier pending prorations included; negative: a credit. */
  dueNow: number;
}

const shortDate = (seconds: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(seconds * 1000),
  );

const amountOf = (price: Stripe.Price, quantity: number) =>
  Math.round(Number(price.unit_amount_decimal ?? 0) * quantity);

const sameInterval = (a: Stripe.Price, b: Stripe.Price) =>
  a.recurring?.interval === b.recurring?.interval &&
  a.recurring?.interval_count === b.recurring?.interval_count;

/** The share of the item's current period still to come: what a proration is worth. */
function unusedShare(item: Stripe.SubscriptionItem, now: number): number {
  const length = item.current_period_end - item.current_period_start;
  if (length <= 0) return 0;
  return Math.min(1, Math.max(0, (item.current_period_end - now) / length));
}

const total = (lines: Array<{ amount: number }>) =>
  lines.reduce((sum, line) => sum + line.amount, 0);

/**
 * Refuses a price a subscription item cannot move to, as Stripe does: archived, one-off, in
 * another currency, or on another interval than the subscription's other items.
 */
export function checkNewPrice(
  subscription: Stripe.Subscription,
  itemId: string,
  price: Stripe.Price,
  param: string,
): void {
  if (!price.active) throw inactivePrice(param);
  if (!price.recurring) {
    throw invalidRequest(
      'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
      { param },
    );
  }
  if (price.currency !== subscription.currency) {
    throw invalidRequest(
      `The price's currency (${price.currency}) must match the subscription's currency (${subscription.currency}).`,
      { param },
    );
  }
  const others = subscription.items.data.filter((item) => item.id !== itemId);
  if (others.some((item) => !sameInterval(item.price, price))) {
    throw invalidRequest(
      'Currency and interval fields must match across all plans on this subscription. Found mismatch in interval field.',
      { param },
    );
  }
}

/** What a change would do, without doing it: for the portal's confirmation page and the change. */
export function planPriceChange(state: FakeState, change: PriceChange): PriceChangePlan {
  const subscription = state.subscription(change.subscriptionId);
  const item = subscription.items.data.find((entry) => entry.id === change.itemId);
  if (!item) throw new Error(`fake Stripe: ${change.subscriptionId} has no item ${change.itemId}`);
  const { price } = change;
  const now = after(subscription.created, item.current_period_start);
  const trialing = subscription.status === 'trialing';
  const endsTrial = trialing && change.endTrial;
  const restart = endsTrial || (!trialing && !sameInterval(item.price, price));
  const quantity = item.quantity ?? 1;
  const describe = (target: Stripe.Price) =>
    describeLine(target, quantity, productName(state, target));
  const lines: PlannedLine[] = [];
  // A trial costs nothing, so there is no unused time to credit.
  if (!trialing && change.prorationBehavior !== 'none') {
    const unused = unusedShare(item, now);
    const rest = { start: now, end: item.current_period_end };
    lines.push({
      description: `Unused time on ${describe(item.price)} after ${shortDate(now)}`,
      amount: -Math.round(amountOf(item.price, quantity) * unused),
      price: item.price,
      period: rest,
      proration: true,
    });
    if (!restart) {
      lines.push({
        description: `Remaining time on ${describe(price)} after ${shortDate(now)}`,
        amount: Math.round(amountOf(price, quantity) * unused),
        price,
        period: rest,
        proration: true,
      });
    }
  }
  if (restart) {
    const recurring = price.recurring!;
    lines.push({
      description: describe(price),
      amount: amountOf(price, quantity),
      price,
      period: {
        start: now,
        end: periodEnd(now, now, recurring.interval, recurring.interval_count),
      },
      proration: false,
    });
  }
  const invoiceNow = restart || change.prorationBehavior === 'always_invoice';
  const pending = state.pendingProrations.get(subscription.id) ?? [];
  return {
    subscription,
    item,
    now,
    restart,
    endsTrial,
    lines,
    invoiceNow,
    dueNow: invoiceNow ? total(pending) + total(lines) : 0,
  };
}

/**
 * Moves the item to the new price and bills the change as planned: `customer.subscription.updated`
 * (with the previous items), then, when invoiced at once, a `subscription_update` invoice charged
 * to the card, or whose credit goes to the customer's balance.
 */
export function changeSubscriptionPrice(
  state: FakeState,
  change: PriceChange,
  request?: EventRequest,
): Stripe.Event[] {
  const plan = planPriceChange(state, change);
  const { subscription, item, now } = plan;
  if (item.price.id === change.price.id) return [];
  const previous: Partial<Stripe.Subscription> = { items: clone(subscription.items) };
  item.price = change.price;
  item.plan = buildPlan(change.price);
  if (plan.restart) {
    previous.billing_cycle_anchor = subscription.billing_cycle_anchor;
    subscription.billing_cycle_anchor = now;
    for (const entry of subscription.items.data) {
      const recurring = entry.price.recurring!;
      entry.current_period_start = now;
      entry.current_period_end = periodEnd(now, now, recurring.interval, recurring.interval_count);
    }
  }
  if (plan.endsTrial) {
    previous.trial_end = subscription.trial_end;
    previous.status = subscription.status;
    subscription.trial_end = now;
    subscription.status = 'active';
  }
  const lines = plan.lines.map((line) =>
    buildInvoiceLine({
      invoiceId: null,
      subscriptionId: subscription.id,
      price: line.price,
      quantity: item.quantity ?? 1,
      amount: line.amount,
      productName: productName(state, line.price),
      item,
      period: line.period,
      description: line.description,
      proration: line.proration,
    }),
  );
  const updated = () =>
    state.emit('customer.subscription.updated', subscription, { created: now, previous, request });
  if (!plan.invoiceNow) {
    if (lines.length > 0) {
      const pending = state.pendingProrations.get(subscription.id) ?? [];
      state.pendingProrations.set(subscription.id, [...pending, ...lines]);
    }
    return [updated()];
  }

  const invoiceId = newId('in_');
  for (const line of lines) line.invoice = invoiceId;
  const customer = state.customer(idOf(subscription.customer) ?? '');
  const invoice = buildInvoice({
    id: invoiceId,
    customer,
    subscription,
    billingReason: 'subscription_update',
    lines: [...takePendingProrations(state, subscription.id, invoiceId), ...lines],
    period: { start: now, end: now },
    now,
  });
  state.invoices.set(invoice.id, invoice);
  previous.latest_invoice = subscription.latest_invoice;
  subscription.latest_invoice = invoice.id;
  return [
    updated(),
    ...collectInvoice(state, invoice, {
      kind: 'card',
      payer: { email: customer.email, name: customer.name ?? null },
      outcome: 'succeeded',
      description: 'Subscription update',
      now,
    }),
  ];
}
