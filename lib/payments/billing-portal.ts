import 'server-only';
import { getEnv } from '@/lib/env';
import { describeStripeError } from './checkout';
import { getStripe, isStripeHostedUrl } from './stripe-client';

/**
 * A Stripe Billing Portal session for one customer, where a monthly donor changes their card or
 * cancels. The caller has already checked that the customer is the signed-in member's own.
 */
export async function createPortalSession(
  customerId: string,
): Promise<{ ok: true; url: string } | { ok: false; problem: string }> {
  const stripe = getStripe();
  if (!stripe) return { ok: false, problem: 'Stripe is not configured' };
  try {
    const session = await stripe.billingPortal.sessions.create({
      customer: customerId,
      // The account page reads the member's gifts afresh from Stripe on this return, ahead of
      // the webhooks about what they changed in the portal.
      return_url: `${getEnv().siteUrl}/account?portal=returned#giving`,
    });
    return isStripeHostedUrl(session.url)
      ? { ok: true, url: session.url }
      : { ok: false, problem: `Billing portal session ${session.id} has no Stripe-hosted URL` };
  } catch (error) {
    return { ok: false, problem: describeStripeError(error) };
  }
}
