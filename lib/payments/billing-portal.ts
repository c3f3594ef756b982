import 'server-only';
import { getEnv } from '@/lib/platform/env';
import { callStripe, isStripeHostedUrl, type StripeOutcome } from './stripe-client';

/**
 * A Stripe Billing Portal session for one customer, where a monthly donor changes their card or
 * cancels. The caller has already checked that the customer is the signed-in member's own.
 */
export function createPortalSession(customerId: string): Promise<StripeOutcome<{ url: string }>> {
  return callStripe(async (stripe) => {
    const session = await stripe.billingPortal.sessions.create({
      customer: customerId,
      // The account page reads the member's gifts afresh from Stripe on this return, ahead of
      // the webhooks about what they changed in the portal.
      return_url: `${getEnv().siteUrl}/account?portal=returned#giving`,
    });
    if (!isStripeHostedUrl(session.url)) {
      throw new Error(`Billing portal session ${session.id} has no Stripe-hosted URL`);
    }
    return { url: session.url };
  });
}
