import {
  membershipIntervals,
  membershipStatuses,
  type MembershipInterval,
  type MembershipStatus,
} from '@/db/schema';
import type { Stripe } from '@/lib/payments/stripe-client';
import { fromUnix, idOf } from '@/lib/payments/subscription-state';
import { memberMetadataKey, tierMetadataKey } from './stripe-keys';

/** What a membership records of its Stripe subscription, read from Stripe's object alone. */
export interface SubscriptionFacts {
  subscriptionId: string;
  customerId: string | null;
  /** Who joined and which tier, as Checkout wrote them on the subscription. */
  userId: string;
  tierIdFromMetadata: string | null;
  priceId: string;
  interval: MembershipInterval;
  amountMinor: number;
  currency: string;
  status: MembershipStatus;
  startedAt: Date;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  endedAt: Date | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member a subscription, or an invoice of it, was opened for; null when not a membership. */
export function memberOf(metadata: Stripe.Metadata | null | undefined): string | null {
  const id = metadata?.[memberMetadataKey];
  return id && id.length <= 100 ? id : null;
}

/**
 * A membership's facts from its subscription, which should be read with `latest_invoice`
 * expanded: the grace period after a failed payment runs from when its unpaid invoice was
 * raised, so every reading of the same subscription gives the same answer. Null when the
 * subscription is not a membership.
 */
export function subscriptionFacts(subscription: Stripe.Subscription): SubscriptionFacts | null {
  const userId = memberOf(subscription.metadata);
  const item = subscription.items.data[0];
  if (!userId || !item) return null;
  const recurring = item.price.recurring;
  const interval = membershipIntervals.find((known) => known === recurring?.interval);
  if (!interval) return null;
  const tierId = subscription.metadata[tierMetadataKey];
  const status = knownStatus(subscription.status);
  const invoice = subscription.latest_invoice;
  const unpaidInvoice =
    invoice !== null && typeof invoice === 'object' && invoice.status === 'open' ? invoice : null;
  return {
    subscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    userId,
    tierIdFromMetadata: tierId && uuidPattern.test(tierId) ? tierId : null,
    priceId: item.price.id,
    interval,
    amountMinor: item.price.unit_amount ?? 0,
    currency: item.price.currency.toUpperCase(),
    status,
    startedAt: new Date(subscription.start_date * 1000),
    currentPeriodEnd: fromUnix(
      Math.max(...subscription.items.data.map((i) => i.current_period_end)),
    ),
    trialEnd: fromUnix(subscription.trial_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
    pastDueSince:
      (status === 'past_due' || status === 'unpaid') && unpaidInvoice
        ? new Date(unpaidInvoice.created * 1000)
        : null,
    endedAt:
      status === 'canceled' || status === 'incomplete_expired'
        ? fromUnix(subscription.ended_at ?? subscription.canceled_at)
        : null,
  };
}

function knownStatus(status: string): MembershipStatus {
  const known = membershipStatuses.find((candidate) => candidate === status);
  if (!known) throw new Error(`Stripe reported a subscription status we do not know: ${status}`);
  return known;
}
