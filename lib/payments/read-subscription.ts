import 'server-only';
import type { SubscriptionState } from '@/lib/giving/ledger';
import { describeStripeError } from './checkout';
import { getStripe } from './stripe-client';
import { subscriptionState } from './subscription-state';

/** A subscription as Stripe reports it now, for records that may be behind its webhooks. */
export async function readSubscriptionState(
  subscriptionId: string,
): Promise<{ ok: true; state: SubscriptionState } | { ok: false; problem: string }> {
  const stripe = getStripe();
  if (!stripe) return { ok: false, problem: 'Stripe is not configured' };
  try {
    return {
      ok: true,
      state: subscriptionState(await stripe.subscriptions.retrieve(subscriptionId)),
    };
  } catch (error) {
    return { ok: false, problem: describeStripeError(error) };
  }
}
