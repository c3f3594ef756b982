import type { Env } from '@/lib/platform/env';

/**
 * The security headers of every response. next.config.ts sends them all, with a policy that has
 * no nonce; proxy.ts replaces the Content-Security-Policy of each page request with one that
 * carries a fresh nonce, which Next reads from the request and puts on every script it renders.
 */
export interface SecurityOptions {
  production: boolean;
  /** The public address: https turns on HSTS and upgrade-insecure-requests. */
  siteUrl: string;
  /** Where a form post may be redirected: Stripe Checkout and the billing portal. */
  paymentOrigins: readonly string[];
  nonce?: string;
  /** `'sha256-…'` sources of a cached page's inline scripts (lib/page-cache/store.ts). */
  scriptHashes?: readonly string[];
}

export interface Header {
  key: string;
  value: string;
}

/**
 * The same hosts that isStripeHostedUrl (lib/payments) lets a visitor be sent to: Stripe's own,
 * or only the host of STRIPE_API_BASE_URL when the site talks to a fake of Stripe's API.
 */
export function paymentOrigins(stripeApiBaseUrl: string | undefined): string[] {
  if (stripeApiBaseUrl) return [new URL(stripeApiBaseUrl).origin];
  return ['https://checkout.stripe.com', 'https://billing.stripe.com'];
}

export function securityOptions(
  env: Pick<Env, 'NODE_ENV' | 'siteUrl' | 'STRIPE_API_BASE_URL'>,
  nonce?: string,
  scriptHashes?: readonly string[],
): SecurityOptions {
  return {
    production: env.NODE_ENV === 'production',
    siteUrl: env.siteUrl,
    paymentOrigins: paymentOrigins(env.STRIPE_API_BASE_URL),
    nonce,
    scriptHashes,
  };
}

/** 128 random bits, base64: what Next's nonce pattern in the policy accepts. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

const isHttps = (siteUrl: string) => new URL(siteUrl).protocol === 'https:';

export function contentSecurityPolicy(options: SecurityOptions): string {
  const script = ["'self'"];
  // 'strict-dynamic' lets the nonced scripts load Next's chunks and ignores the 'self' allowlist
  // where it is understood, so an injected <script src> from this site does not run either.
  if (options.nonce) script.push(`'nonce-${options.nonce}'`, "'strict-dynamic'");
  // A cached page's own inline scripts, and no others; its chunks load under 'self'.
  else if (options.scriptHashes) script.push(...options.scriptHashes);
  // React rebuilds server error stacks with eval in development only.
  if (!options.production) script.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // Inline styles stay allowed: next/image writes style attributes and Next's error pages a
    // <style> element, and a nonce would not cover attributes.
    "style-src 'self' 'unsafe-inline'",
    // Article bodies may show images from other https sites (lib/content/markdown.ts keeps them).
    "img-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Chromium checks a redirect after a form post too: the donation form and "Change card or
    // cancel" answer with a redirect to Stripe when the page has not hydrated yet.
    `form-action 'self' ${options.paymentOrigins.join(' ')}`,
    "frame-ancestors 'none'",
  ];
  // Over plain http (local runs, tests) it would send the site's own requests to https.
  if (isHttps(options.siteUrl)) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Next's image optimiser replaces the policy of what it serves with this one: an image needs no
 * script, style, form or frame, even when opened on its own.
 */
export const imageContentSecurityPolicy =
  "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

export function securityHeaders(options: SecurityOptions): Header[] {
  const headers: Header[] = [
    { key: 'content-security-policy', value: contentSecurityPolicy(options) },
    { key: 'x-content-type-options', value: 'nosniff' },
    { key: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'permissions-policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    },
  ];
  // Decided by SITE_URL, not the request: behind a TLS-terminating proxy the server only sees
  // http. Browsers ignore HSTS over http, and in development it would pin localhost to https
  // for every port on the developer's machine. No includeSubDomains: other hosts under the
  // organisation's domain are not this site's to decide.
  if (options.production && isHttps(options.siteUrl)) {
    headers.push({ key: 'strict-transport-security', value: 'max-age=63072000' });
  }
  return headers;
}
