import { recurringGiftStatuses, type RecurringGift } from '@/db/schema';
import type { SubscriptionState } from '@/lib/giving/ledger';
import type { Stripe } from './stripe-client';

const fromUnix = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

const idOf = (value: string | { id: string } | null) =>
  value === null ? null : typeof value === 'string' ? value : value.id;

/** Our record of a subscription, from Stripe's object (periods live on its items). */
export function subscriptionState(subscription: Stripe.Subscription): SubscriptionState {
  const periodEnds = subscription.items.data.map((item) => item.current_period_end);
  return {
    subscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    status: knownStatus(subscription.status),
    currentPeriodEnd: fromUnix(periodEnds.length > 0 ? Math.max(...periodEnds) : null),
    cancelAt: fromUnix(subscription.cancel_at),
    // Stripe sets canceled_at when a cancellation is requested; the gift ends when it ends.
    canceledAt:
      subscription.status === 'canceled'
        ? fromUnix(subscription.ended_at ?? subscription.canceled_at)
        : null,
  };
}

function knownStatus(status: string): RecurringGift['status'] {
  const known = recurringGiftStatuses.find((candidate) => candidate === status);
  if (!known) throw new Error(`Stripe reported a subscription status we do not know: ${status}`);
  return known;
}

export { fromUnix, idOf };
