import 'server-only';
import { subscriptionState } from './subscription-state';
import { describeStripeError } from './checkout';
import { getStripe, Stripe } from './stripe-client';
import type { SubscriptionState } from '@/lib/giving/ledger';

/**
 * Ends a subscription at Stripe now (no further payment), and returns it as Stripe reports it
 * afterwards. One already canceled counts as ended: asking twice, or after the donor stopped it
 * in the billing portal, is not a failure.
 */
export async function cancelSubscriptionNow(
  subscriptionId: string,
): Promise<{ ok: true; state: SubscriptionState } | { ok: false; problem: string }> {
  const stripe = getStripe();
  if (!stripe) return { ok: false, problem: 'Stripe is not configured' };
  try {
    return {
      ok: true,
      state: subscriptionState(await stripe.subscriptions.cancel(subscriptionId)),
    };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) {
      return { ok: false, problem: describeStripeError(error) };
    }
  }
  // Stripe refuses to cancel a subscription that has already ended: read it to be sure.
  try {
    const state = subscriptionState(await stripe.subscriptions.retrieve(subscriptionId));
    return state.status === 'canceled'
      ? { ok: true, state }
      : { ok: false, problem: `Subscription ${subscriptionId} is still ${state.status}` };
  } catch (error) {
    return { ok: false, problem: describeStripeError(error) };
  }
}
