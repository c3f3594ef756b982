import 'server-only';
import Stripe from 'stripe';
import { getEnv } from '@/lib/platform/env';

export { Stripe };

let client: { key: string; base: string | undefined; stripe: Stripe } | undefined;

/**
 * The Stripe client for this site, or null when no secret key is set (donations are then
 * switched off and the donation page says so). STRIPE_API_BASE_URL points it at another host,
 * such as a local fake of Stripe's API.
 */
export function getStripe(): Stripe | null {
  const env = getEnv();
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return null;
  if (client?.key === key && client.base === env.STRIPE_API_BASE_URL) return client.stripe;
  client = {
    key,
    base: env.STRIPE_API_BASE_URL,
    stripe: new Stripe(key, options(env.STRIPE_API_BASE_URL)),
  };
  return client.stripe;
}

function options(baseUrl: string | undefined): Stripe.StripeConfig {
  // One retry covers a dropped connection; every request that creates something carries our own
  // idempotency key, so a retried request never creates a second object.
  const common: Stripe.StripeConfig = {
    maxNetworkRetries: 1,
    timeout: 15_000,
    appInfo: { name: 'northgate-site' },
  };
  if (!baseUrl) return common;
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    ...common,
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}

/**
 * Where Checkout and the billing portal may send a visitor: Stripe's own hosts, or the host of
 * STRIPE_API_BASE_URL when one is set. A redirect to anywhere else is refused.
 */
export function isStripeHostedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const base = getEnv().STRIPE_API_BASE_URL;
  if (base) return url.origin === new URL(base).origin;
  return (
    url.protocol === 'https:' &&
    (url.hostname === 'checkout.stripe.com' || url.hostname === 'billing.stripe.com')
  );
}

/** Verifies a webhook's signature on its raw body and parses it; throws when it does not verify. */
export function verifyWebhookEvent(
  rawBody: string,
  signature: string,
  secret: string,
): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** What went wrong in a call to Stripe, in one line for the log. */
export function describeStripeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) {
    return `${error.type}${error.code ? ` (${error.code})` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The outcome of calls to Stripe: what they gave, or the problem to report. */
export type StripeOutcome<T extends object> = ({ ok: true } & T) | { ok: false; problem: string };

/**
 * Runs calls to Stripe's API. A site without a key, a failed call and an answer `call` cannot
 * use (it throws) all come back as a problem for the caller to report, never as an exception.
 */
export async function callStripe<T extends object>(
  call: (stripe: Stripe) => Promise<T>,
): Promise<StripeOutcome<T>> {
  const stripe = getStripe();
  if (!stripe) return { ok: false, problem: 'Stripe is not configured' };
  try {
    return { ok: true, ...(await call(stripe)) };
  } catch (error) {
    return { ok: false, problem: describeStripeError(error) };
  }
}
