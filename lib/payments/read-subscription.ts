import 'server-only';
import type { SubscriptionState } from '@/lib/giving/ledger';
import { callStripe, type StripeOutcome } from './stripe-client';
import { subscriptionState } from './subscription-state';

/** A subscription as Stripe reports it now, for records that may be behind its webhooks. */
export function readSubscriptionState(
  subscriptionId: string,
): Promise<StripeOutcome<{ state: SubscriptionState }>> {
  return callStripe(async (stripe) => ({
    state: subscriptionState(await stripe.subscriptions.retrieve(subscriptionId)),
  }));
}
