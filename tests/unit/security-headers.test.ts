import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/platform/env';
import {
  contentSecurityPolicy,
  createNonce,
  imageContentSecurityPolicy,
  paymentOrigins,
  securityHeaders,
  securityOptions,
  type SecurityOptions,
} from '@/lib/security/headers';

const production: SecurityOptions = {
  production: true,
  siteUrl: 'https://think.example',
  paymentOrigins: paymentOrigins(undefined),
};

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name!, sources];
    }),
  );
}

const headerMap = (options: SecurityOptions) =>
  Object.fromEntries(securityHeaders(options).map(({ key, value }) => [key, value]));

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site, with no inline script, eval, plugin or framing', () => {
    const csp = directives(contentSecurityPolicy(production));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['upgrade-insecure-requests']).toEqual([]);
  });

  it('lets the nonced scripts, and the chunks they load, run', () => {
    const csp = directives(contentSecurityPolicy({ ...production, nonce: 'abc123==' }));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it('allows eval in development only, where React rebuilds server error stacks with it', () => {
    const development = directives(contentSecurityPolicy({ ...production, production: false }));
    expect(development['script-src']).toContain("'unsafe-eval'");
    expect(development['script-src']).not.toContain("'unsafe-inline'");
  });

  it('does not upgrade requests on a plain-http site', () => {
    const csp = directives(
      contentSecurityPolicy({ ...production, siteUrl: 'http://127.0.0.1:3000' }),
    );
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
  });

  it('lets forms post to the site and be redirected to Stripe Checkout and the billing portal', () => {
    expect(directives(contentSecurityPolicy(production))['form-action']).toEqual([
      "'self'",
      'https://checkout.stripe.com',
      'https://billing.stripe.com',
    ]);
  });
});

describe('paymentOrigins', () => {
  it('is only the fake’s origin when the site talks to a fake of Stripe’s API', () => {
    expect(paymentOrigins('http://127.0.0.1:12111/')).toEqual(['http://127.0.0.1:12111']);
  });
});

describe('securityOptions', () => {
  it('follows the environment', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      SITE_URL: 'https://think.example/',
      STRIPE_API_BASE_URL: 'http://127.0.0.1:4242',
    });
    expect(securityOptions(env, 'n0nce')).toEqual({
      production: true,
      siteUrl: 'https://think.example',
      paymentOrigins: ['http://127.0.0.1:4242'],
      nonce: 'n0nce',
    });
    expect(securityOptions(parseEnv({})).production).toBe(false);
  });
});

describe('securityHeaders', () => {
  it('sends the policy, nosniff, a referrer policy, a permissions policy and HSTS', () => {
    const headers = headerMap(production);
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy(production));
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toBe('max-age=63072000');
  });

  it('sends HSTS only in production on an https site', () => {
    expect(headerMap({ ...production, production: false })).not.toHaveProperty(
      'strict-transport-security',
    );
    expect(headerMap({ ...production, siteUrl: 'http://localhost:3000' })).not.toHaveProperty(
      'strict-transport-security',
    );
  });

  it('uses lower-case names, so the policy proxy.ts sets replaces the one from next.config.ts', () => {
    for (const { key } of securityHeaders(production)) expect(key).toBe(key.toLowerCase());
  });
});

describe('imageContentSecurityPolicy', () => {
  it('lets an optimised image opened on its own run nothing', () => {
    const csp = directives(imageContentSecurityPolicy);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp.sandbox).toEqual([]);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, new each time', () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
  });
});
