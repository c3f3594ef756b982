import 'server-only';
import { getEnv } from '@/lib/platform/env';
import {
  callStripe,
  getStripe,
  isStripeHostedUrl,
  Stripe,
  type StripeOutcome,
} from './stripe-client';

export interface CheckoutRequest {
  donationId: string;
  frequency: 'one_off' | 'monthly';
  amountMinor: number;
  currency: string;
  email: string;
  /**
   * The signed-in donor's own Stripe customer, when they give with their account's address: their
   * gifts and membership then share one customer. Guests get `email` as Checkout's address.
   */
  customerId?: string | null;
  /** What the donor sees on Checkout and their statement, e.g. "Gift to Northgate Institute". */
  description: string;
}

export type CheckoutOutcome = StripeOutcome<{ sessionId: string; url: string }>;

export const donationMetadataKey = 'donation_id';

/** Success and cancel addresses are always built here from SITE_URL, never taken from a form. */
export function checkoutReturnUrls(donationId: string) {
  const site = getEnv().siteUrl;
  return {
    success_url: `${site}/support/thank-you?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${site}/support?resume=${donationId}`,
  };
}

export function checkoutSessionParams(
  request: CheckoutRequest,
): Stripe.Checkout.SessionCreateParams {
  const metadata = { [donationMetadataKey]: request.donationId };
  const price = {
    currency: request.currency.toLowerCase(),
    unit_amount: request.amountMinor,
    product_data: { name: request.description },
  };
  const common = {
    ...checkoutReturnUrls(request.donationId),
    ...(request.customerId ? { customer: request.customerId } : { customer_email: request.email }),
    client_reference_id: request.donationId,
    metadata,
  };
  if (request.frequency === 'monthly') {
    return {
      ...common,
      mode: 'subscription',
      line_items: [{ price_data: { ...price, recurring: { interval: 'month' } }, quantity: 1 }],
      subscription_data: { metadata, description: request.description },
    };
  }
  return {
    ...common,
    mode: 'payment',
    submit_type: 'donate',
    line_items: [{ price_data: price, quantity: 1 }],
    payment_intent_data: { metadata, description: request.description },
  };
}

/**
 * Creates the Checkout Session for a donation. The idempotency key is the donation's id, so a
 * retry after a lost answer gets the session Stripe already made rather than a second one.
 */
export function createCheckout(request: CheckoutRequest): Promise<CheckoutOutcome> {
  return callStripe(async (stripe) => {
    const session = await stripe.checkout.sessions.create(checkoutSessionParams(request), {
      idempotencyKey: `donation-checkout-${request.donationId}`,
    });
    if (!session.url || !isStripeHostedUrl(session.url)) {
      throw new Error(`Checkout Session ${session.id} has no Stripe-hosted URL`);
    }
    return { sessionId: session.id, url: session.url };
  });
}

/** The address of a Checkout Session that is still open, or null when it is spent or expired. */
export async function openCheckoutUrl(sessionId: string): Promise<string | null> {
  const stripe = getStripe();
  if (!stripe) return null;
  try {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    return session.status === 'open' && session.url && isStripeHostedUrl(session.url)
      ? session.url
      : null;
  } catch {
    return null;
  }
}

export interface CheckoutSummary {
  donationId: string;
  amountMinor: number;
  currency: string;
  frequency: 'one_off' | 'monthly';
  /** False while a delayed method such as a bank debit is still on its way. */
  paid: boolean;
}

/**
 * What the thank-you page shows, read from Stripe's own record of the session: 'unknown' for a
 * session that is not one of our donations, 'unavailable' when Stripe cannot be reached.
 */
export async function readCheckoutSummary(
  sessionId: string,
): Promise<CheckoutSummary | 'unknown' | 'unavailable'> {
  const stripe = getStripe();
  if (!stripe) return 'unavailable';
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(sessionId);
  } catch (error) {
    return error instanceof Stripe.errors.StripeInvalidRequestError ? 'unknown' : 'unavailable';
  }
  const donationId = session.metadata?.[donationMetadataKey];
  if (!donationId || session.status !== 'complete' || session.amount_total === null) {
    return 'unknown';
  }
  return {
    donationId,
    amountMinor: session.amount_total,
    currency: (session.currency ?? '').toUpperCase(),
    frequency: session.mode === 'subscription' ? 'monthly' : 'one_off',
    paid: session.payment_status !== 'unpaid',
  };
}

/** One line for the log that says what went wrong without echoing card or personal data. */
