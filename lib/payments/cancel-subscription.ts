import 'server-only';
import { idOf, subscriptionState } from './subscription-state';
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

/**
 * Makes sure a monthly gift's Checkout Session can start no payments: expires it while it is
 * open, or ends at once the subscription it started. Stripe's webhook about the session may not
 * have arrived yet, so Stripe is asked, not our records. The state is that of the subscription
 * ended, or null when the session started none.
 */
export async function closeMonthlyCheckout(
  sessionId: string,
): Promise<{ ok: true; state: SubscriptionState | null } | { ok: false; problem: string }> {
  const stripe = getStripe();
  if (!stripe) return { ok: false, problem: 'Stripe is not configured' };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.status === 'open') {
      try {
        await stripe.checkout.sessions.expire(sessionId);
        return { ok: true, state: null };
      } catch (error) {
        // Refused when the donor has just paid: read the session again to end what it started.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        session = await stripe.checkout.sessions.retrieve(sessionId);
      }
    }
  } catch (error) {
    return { ok: false, problem: describeStripeError(error) };
  }
  const subscriptionId = idOf(session.subscription);
  return subscriptionId ? cancelSubscriptionNow(subscriptionId) : { ok: true, state: null };
}
