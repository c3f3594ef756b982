import 'server-only';
import { idOf, subscriptionState } from './subscription-state';
import { callStripe, Stripe, type StripeOutcome } from './stripe-client';
import type { SubscriptionState } from '@/lib/giving/ledger';

/**
 * Ends a subscription at Stripe now (no further payment), and returns it as Stripe reports it
 * afterwards. One already canceled counts as ended: asking twice, or after the donor stopped it
 * in the billing portal, is not a failure.
 */
export function cancelSubscriptionNow(
  subscriptionId: string,
): Promise<StripeOutcome<{ state: SubscriptionState }>> {
  return callStripe(async (stripe) => {
    try {
      return { state: subscriptionState(await stripe.subscriptions.cancel(subscriptionId)) };
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    }
    // Stripe refuses to cancel a subscription that has already ended: read it to be sure.
    const state = subscriptionState(await stripe.subscriptions.retrieve(subscriptionId));
    if (state.status !== 'canceled') {
      throw new Error(`Subscription ${subscriptionId} is still ${state.status}`);
    }
    return { state };
  });
}

/**
 * Makes sure a monthly gift's Checkout Session can start no payments: expires it while it is
 * open, or ends at once the subscription it started. Stripe's webhook about the session may not
 * have arrived yet, so Stripe is asked, not our records. The state is that of the subscription
 * ended, or null when the session started none.
 */
export async function closeMonthlyCheckout(
  sessionId: string,
): Promise<StripeOutcome<{ state: SubscriptionState | null }>> {
  const read = await callStripe(async (stripe) => {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.status !== 'open') return { session };
    try {
      await stripe.checkout.sessions.expire(sessionId);
      return { session: null };
    } catch (error) {
      // Refused when the donor has just paid: read the session again to end what it started.
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      return { session: await stripe.checkout.sessions.retrieve(sessionId) };
    }
  });
  if (!read.ok) return read;
  const subscriptionId = read.session ? idOf(read.session.subscription) : null;
  return subscriptionId ? cancelSubscriptionNow(subscriptionId) : { ok: true, state: null };
}
