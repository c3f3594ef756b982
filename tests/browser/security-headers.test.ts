import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { launchBrowser, watchForErrors } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const stripeOrigin = new URL(inject('stripeUrl')).origin;
const stripeHosts = ['https://checkout.stripe.com', 'https://billing.stripe.com'];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Checks what the issue asks of every response and returns the policy's directives. */
function expectSecurityHeaders(response: Response): Map<string, string[]> {
  const policy = response.headers.get('content-security-policy');
  expect(policy).toBeTruthy();
  const csp = directives(policy!);
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  // Forms may post to the site and be redirected to Stripe (its own hosts in the build's
  // policy, the fake's in the running server's), never anywhere else.
  const formTargets = ["'self'", "'none'", stripeOrigin, ...stripeHosts];
  expect(csp.get('form-action')?.filter((source) => !formTargets.includes(source))).toEqual([]);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('permissions-policy')).toContain('camera=()');
  // The tests' site is plain http, where browsers ignore HSTS: it is sent only for https.
  expect(response.headers.get('strict-transport-security')).toBeNull();
  return csp;
}

describe('security headers on every kind of response', () => {
  it.each([
    ['a static file', '/images/demo/wind-field.jpg', 200],
    ['the uploads route, for an unknown file', '/media/no-such-file.png', 404],
    ['an API route', '/api/health', 200],
    ['the site feed', '/feed.xml', 200],
    ['a series feed', '/series/fiscal-watch/feed.xml', 200],
    ['the sitemap', '/sitemap.xml', 200],
    ['an unknown API route', '/api/no-such-route', 404],
  ])('%s (%s)', async (_label, path, status) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it('an optimised image, whose policy allows no script at all', async () => {
    const image = encodeURIComponent('/images/demo/wind-field.jpg');
    const response = await fetch(`${baseUrl}/_next/image?url=${image}&w=640&q=75`);
    expect(response.status).toBe(200);
    expect(expectSecurityHeaders(response).get('script-src')).toEqual(["'none'"]);
  });

  it('the Stripe webhook, refusing an unsigned event', async () => {
    const response = await fetch(`${baseUrl}/api/stripe/webhook`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expectSecurityHeaders(response);
  });

  it('a build asset', async () => {
    const html = await (await fetch(baseUrl)).text();
    const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeDefined();
    const response = await fetch(`${baseUrl}${chunk}`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  // Public pages are also served to anonymous readers from the page cache (below); a signed-in
  // reader's are rendered for them, now.
  it.each([
    ['the home page', '/', 200, true],
    ['an article', '/articles/grid-connections-new-bottleneck', 200, true],
    ['a listing', '/analysis?kind=report', 200, true],
    ['the search', '/search?q=energy', 200, true],
    ['the donation page', '/support', 200, false],
    ['the 404 page', '/no/such/page', 404, false],
  ])(
    '%s (%s): rendered now, a fresh nonce on the policy and on every script',
    async (_label, path, status, cacheable) => {
      const nonces = [];
      for (let request = 0; request < 2; request++) {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: cacheable ? { cookie: await memberCookie() } : {},
        });
        expect(response.status).toBe(status);
        expect(response.headers.get('x-page-cache')).toBeNull();
        // A page with a nonce is for its one reader: no shared cache may keep it.
        expect(response.headers.get('cache-control')).toMatch(/^private, .*no-store/);
        const csp = expectSecurityHeaders(response);
        const nonce = csp
          .get('script-src')
          ?.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1])
          .find(Boolean);
        expect(nonce).toBeDefined();
        expect(csp.get('script-src')).toContain("'strict-dynamic'");
        expect(csp.get('form-action')).toEqual(["'self'", stripeOrigin]);
        // Every script Next renders carries the nonce; JSON-LD is data, never run.
        const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
        const executable = scripts.filter((tag) => !tag.includes('application/ld+json'));
        expect(executable.length).toBeGreaterThan(0);
        for (const tag of executable) expect(tag).toContain(`nonce="${nonce}"`);
        nonces.push(nonce);
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    },
  );

  it('a page from the page cache allows exactly its inline scripts, by their hashes', async () => {
    const path = '/analysis?kind=commentary';
    const load = () => fetch(`${baseUrl}${path}`, { headers: { accept: 'text/html' } });
    // Readers who ask at once wait on one render and are all served its page.
    const first = await Promise.all([load(), load(), load()]);
    expect(first.map((r) => r.headers.get('x-page-cache'))).toEqual(['filled', 'filled', 'filled']);
    const bodies = await Promise.all(first.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    const response = await load();
    expect(response.headers.get('x-page-cache')).toBe('hit');
    // The same for every reader: any shared cache may keep it.
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
    );
    expect(response.headers.get('etag')).toBe(first[0]!.headers.get('etag'));
    const scriptSources = expectSecurityHeaders(response).get('script-src')!;
    expect(scriptSources[0]).toBe("'self'");
    expect(scriptSources.some((source) => source.startsWith("'nonce-"))).toBe(false);
    expect(scriptSources).not.toContain("'strict-dynamic'");
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, text] of inline) {
      const digest = createHash('sha256').update(text!).digest('base64');
      expect(scriptSources).toContain(`'sha256-${digest}'`);
    }
  });

  it('a signed-in reader and a client-side navigation never get the cached page', async () => {
    const signedIn = await fetch(`${baseUrl}/analysis`, {
      headers: { cookie: await memberCookie(), accept: 'text/html' },
    });
    expect(signedIn.headers.get('x-page-cache')).toBeNull();
    // As Next's router asks: no Accept of its own.
    const navigation = await fetch(`${baseUrl}/analysis`, { headers: { rsc: '1' } });
    expect(navigation.headers.get('x-page-cache')).toBeNull();
    expect(navigation.headers.get('content-type')).toContain('text/x-component');
  });
});

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
});

let memberCookies: string | undefined;

/** A signed-in member's Cookie header, for requests that are rendered for their reader. */
async function memberCookie(): Promise<string> {
  if (!memberCookies) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
    await page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
    await page.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    const cookies = await context.cookies();
    memberCookies = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    await context.close();
  }
  return memberCookies;
}

interface Watched {
  page: Page;
  /** Errors of the page, as the other browser tests collect them. */
  errors: string[];
  /** Content Security Policy reports from the console, across navigations. */
  reports: string[];
}

/**
 * A page in a context of its own that records every CSP violation: the browser's console
 * message, and the securitypolicyviolation event in each document it opens.
 */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  contexts.push(context);
  await context.addInitScript(() => {
    const recorded: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: recorded });
    document.addEventListener(
      'securitypolicyviolation',
      (event) => recorded.push(`${event.effectiveDirective} blocked ${event.blockedURI}`),
      true,
    );
  });
  const page = await context.newPage();
  const reports: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) reports.push(message.text());
  });
  return { page, errors: watchForErrors(page), reports };
}

/** Waits for React to have hydrated the document: its scripts ran under the policy. */
async function hydrated(page: Page) {
  await page.waitForFunction(
    () => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')),
    undefined,
    { timeout: 15_000 },
  );
}

/** Violations in the current document and on the console so far; none is expected. */
async function violations({ page, reports }: Watched): Promise<string[]> {
  const inDocument = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  );
  return [...reports, ...inDocument.map((violation) => `${page.url()}: ${violation}`)];
}

async function visit(watched: Watched, path: string) {
  const response = await watched.page.goto(`${baseUrl}${path}`);
  expect(response?.ok()).toBe(true);
  await hydrated(watched.page);
  expect(await violations(watched)).toEqual([]);
}

async function logIn(watched: Watched, account: { email: string; password: string }) {
  await visit(watched, '/login?callbackUrl=%2Faccount');
  await watched.page.getByLabel('E-mail address', { exact: true }).fill(account.email);
  await watched.page.getByLabel('Password', { exact: true }).fill(account.password);
  await watched.page.getByRole('button', { name: 'Log in' }).click();
  await watched.page.waitForURL(`${baseUrl}/account`);
  await hydrated(watched.page);
  expect(await violations(watched)).toEqual([]);
}

// The shared editor account's password is changed by the members' tests, which may run first,
// so this file promotes an editor of its own, as the editorial tests do.
const editor = { email: `csp.${Date.now()}@example.org`, password: 'a long policy passphrase' };

async function createEditor() {
  const joining = await watchedPage();
  await visit(joining, '/join');
  await joining.page.getByLabel('Name').fill('Policy Editor');
  await joining.page.getByLabel('E-mail address', { exact: true }).fill(editor.email);
  await joining.page.getByLabel('Password', { exact: true }).fill(editor.password);
  await joining.page.getByRole('checkbox', { name: /privacy notice/ }).check();
  const received = inbox(inject('mailDir'));
  await joining.page.getByRole('button', { name: 'Join' }).click();
  await joining.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const verification = await received.next(editor.email, { subject: 'Verify' });
  await joining.page.goto(linkIn(verification.text, 'verify-email'));
  await joining.page.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await joining.page.waitForURL(/\/account\?welcome=1$/);

  const admin = await watchedPage();
  await logIn(admin, testAccounts.admin);
  await visit(admin, `/admin/members?q=${encodeURIComponent(editor.email)}`);
  await admin.page.getByLabel(`Role of ${editor.email}`).selectOption('editor');
  await admin.page.getByRole('button', { name: 'Save' }).click();
  await admin.page.getByText('Role changed.').waitFor();
  expect(await violations(admin)).toEqual([]);
}

describe('pages work under the policy in Chromium', () => {
  it('public pages hydrate, and a client-side navigation works', async () => {
    const reader = await watchedPage();
    for (const path of [
      '/articles/grid-connections-new-bottleneck',
      // Members-only: a visitor gets the teaser from the public page.
      '/articles/spending-review-in-five-charts',
      '/analysis',
      '/analysis?kind=report&page=1',
      '/login',
      '/join',
      '/',
    ]) {
      await visit(reader, path);
    }
    const lead = 'Britain’s fiscal rules need a stress test, not another rewrite';
    await reader.page.getByRole('link', { name: lead }).click();
    await reader.page.waitForURL(`${baseUrl}/articles/fiscal-rules-need-a-stress-test`);
    await reader.page.getByRole('heading', { level: 1, name: lead }).waitFor();
    expect(await violations(reader)).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  it('a page from the page cache hydrates under its hashes', async () => {
    const path = '/analysis?kind=report&page=1';
    await expect
      .poll(
        async () =>
          (await fetch(`${baseUrl}${path}`, { headers: { accept: 'text/html' } })).headers.get(
            'x-page-cache',
          ),
        { timeout: 10_000 },
      )
      .toBe('hit');
    const reader = await watchedPage();
    const response = await reader.page.goto(`${baseUrl}${path}`);
    expect(await response?.headerValue('x-page-cache')).toBe('hit');
    await hydrated(reader.page);
    await reader.page.getByRole('link', { name: 'People' }).first().click();
    await reader.page.waitForURL(`${baseUrl}/people`);
    expect(await violations(reader)).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  it('the search form submits', async () => {
    const reader = await watchedPage();
    await visit(reader, '/search?q=energy');
    await reader.page.getByLabel('Search our work').fill('grid connections');
    await reader.page.getByRole('button', { name: 'Search', exact: true }).click();
    await reader.page.waitForURL(`${baseUrl}/search?q=grid+connections**`);
    await reader.page
      .getByRole('link', {
        name: 'Grid connections are the new bottleneck of the energy transition',
      })
      .first()
      .waitFor();
    expect(await violations(reader)).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  it('the donation form switches its amounts and reaches Checkout', async () => {
    const donor = await watchedPage();
    await visit(donor, '/support');
    expect(await donor.page.getByRole('radio', { name: '£250' }).count()).toBe(1);
    await donor.page.getByRole('radio', { name: 'Give monthly' }).check();
    await donor.page.getByRole('radio', { name: '£5', exact: true }).waitFor();
    expect(await donor.page.getByRole('radio', { name: '£250' }).count()).toBe(0);
    await donor.page.getByLabel('Full name').fill('Policy Check');
    await donor.page.getByLabel('E-mail address').fill('policy.check@example.org');
    expect(await violations(donor)).toEqual([]);
    await donor.page.getByRole('button', { name: 'Give £10 a month' }).click();
    await donor.page.waitForURL(`${stripeOrigin}/**`);
    expect(donor.reports).toEqual([]);
    expect(donor.errors).toEqual([]);
  });

  it('without JavaScript, the donation form posts and form-action lets the redirect to Checkout through', async () => {
    const donor = await watchedPage({ javaScriptEnabled: false });
    await donor.page.goto(`${baseUrl}/support`);
    await donor.page.getByLabel('Full name').fill('Policy Check');
    await donor.page.getByLabel('E-mail address').fill('policy.check@example.org');
    await donor.page.getByRole('button', { name: 'Continue to secure payment' }).click();
    await donor.page.waitForURL(`${stripeOrigin}/**`);
    expect(donor.reports).toEqual([]);
  });

  it('a member signs in and reads their account and a members-only article', async () => {
    const member = await watchedPage();
    await logIn(member, testAccounts.member);
    await visit(member, '/account');
    await member.page.getByRole('heading', { name: 'Your account' }).waitFor();
    // A signed-in reader's article request is routed by proxy.ts to the per-request view.
    await visit(member, '/articles/spending-review-in-five-charts');
    await member.page.getByText('Health takes the lion’s share again').waitFor();
    expect(member.errors).toEqual([]);
  });

  it('an editor uses the admin area and the live preview of an article', async () => {
    await createEditor();
    const desk = await watchedPage();
    await logIn(desk, editor);
    await visit(desk, '/admin');
    await visit(desk, '/admin/articles');
    const hrefs = await desk.page
      .locator('a[href^="/admin/articles/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const editPage = hrefs.find((href) => /^\/admin\/articles\/[0-9a-f-]{36}$/.test(href ?? ''));
    expect(editPage).toBeDefined();
    await visit(desk, editPage!);
    // Typing asks the server for a preview (a fetch under connect-src) and shows its HTML;
    // the change is never saved.
    const body = desk.page.getByLabel('Body', { exact: true });
    await body.fill(`${await body.inputValue()}\n\nA **policy** check.`);
    await expect
      .poll(() => desk.page.getByTestId('article-preview').innerHTML(), { timeout: 10_000 })
      .toContain('<strong>policy</strong>');
    expect(await violations(desk)).toEqual([]);
    expect(desk.errors).toEqual([]);
  });
});
