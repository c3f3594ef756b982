import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { launchBrowser, watchForErrors } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const stripeUrl = inject('stripeUrl');

const article = '/articles/fiscal-rules-need-a-stress-test';
const articleTitle = 'Britain’s fiscal rules need a stress test, not another rewrite';
// The built-in sections, then the pages editors put in the navigation (the seed's About).
const sections = [
  'Analysis',
  'Publications',
  'Series',
  'People',
  'Topics',
  'Press',
  'Search',
  'About',
];
const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

// Letters only, as the other tests' markers.
const run = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);

type Reader = 'member' | 'editor' | 'admin' | 'donor';

// The shared editor's password is changed by the members' tests, so an editor of our own, promoted
// by the admin; the donor joins and gives monthly as anyone would.
const accounts: Record<Reader, { email: string; password: string; name?: string }> = {
  member: testAccounts.member,
  admin: testAccounts.admin,
  editor: { email: `header.desk.${run}@example.org`, password: 'a long header editor phrase' },
  donor: {
    email: `header.donor.${run}@example.org`,
    password: 'a long monthly donor phrase',
    name: 'Maya Monthly',
  },
};

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<Reader, Session>();
const contexts: BrowserContext[] = [];
let browser: Browser;
let errors: string[] = [];

async function newPage(
  viewport: { width: number; height: number },
  options: { storageState?: Session; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...options });
  contexts.push(context);
  const page = await context.newPage();
  errors = watchForErrors(page);
  return page;
}

async function logIn(page: Page, reader: Reader) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail address', { exact: true }).fill(accounts[reader].email);
  await page.getByLabel('Password', { exact: true }).fill(accounts[reader].password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}

/** A page signed in as the reader. Each logs in once: the sign-in throttle counts per address. */
async function pageAs(reader: Reader, viewport = desktop): Promise<Page> {
  if (!sessions.has(reader)) {
    const page = await newPage(viewport);
    await logIn(page, reader);
    sessions.set(reader, await page.context().storageState());
  }
  return newPage(viewport, { storageState: sessions.get(reader) });
}

async function joinAndVerify(page: Page, name: string, email: string, password: string) {
  await page.goto(`${baseUrl}/join`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('checkbox', { name: /privacy notice/ }).check();
  const received = inbox(mailDir);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const verification = await received.next(email, { subject: 'Verify' });
  await page.goto(linkIn(verification.text, 'verify-email'));
  await page.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await page.waitForURL(`${baseUrl}/account?welcome=1`);
}

beforeAll(async () => {
  browser = await launchBrowser();

  const joining = await newPage(desktop);
  await joinAndVerify(joining, 'Desk Header', accounts.editor.email, accounts.editor.password);
  const admin = await pageAs('admin');
  await admin.goto(`${baseUrl}/admin/members?q=${encodeURIComponent(accounts.editor.email)}`);
  await admin.getByLabel(`Role of ${accounts.editor.email}`).selectOption('editor');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Role changed.').waitFor();

  // The donor joins (verifying signs them in) and gives £7 a month through Checkout.
  const donor = await newPage(desktop);
  const { name, email, password } = accounts.donor;
  await joinAndVerify(donor, name!, email, password);
  sessions.set('donor', await donor.context().storageState());
  await donor.goto(`${baseUrl}/support`);
  await donor.getByLabel('Full name').fill(name!);
  await donor.getByRole('radio', { name: 'Give monthly' }).check();
  await donor.getByLabel('Other amount (£)').fill('7');
  await donor.getByRole('button', { name: 'Give £7 a month', exact: true }).click();
  await donor.waitForURL(`${stripeUrl}/**`);
  await donor.getByRole('button', { name: 'Pay' }).click();
  await donor.waitForURL(`${baseUrl}/support/thank-you?session_id=*`);
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}, 120_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Serves the page at `path` to this browser as the page cache serves it to anonymous readers: a
 * shared cache in front of the site (a CDN) could hand it to a signed-in reader just so.
 */
async function serveCachedPage(page: Page, path: string) {
  let answer: Response;
  for (let attempt = 0; ; attempt++) {
    answer = await fetch(`${baseUrl}${path}`);
    if (answer.headers.get('x-page-cache') === 'hit' || attempt === 20) break;
    await answer.arrayBuffer();
  }
  expect(answer.headers.get('x-page-cache')).toBe('hit');
  const body = await answer.text();
  const headers = Object.fromEntries(answer.headers);
  delete headers['content-encoding'];
  delete headers['content-length'];
  await page.route(`${baseUrl}${path}`, (route) => route.fulfill({ status: 200, headers, body }));
}

const banner = (page: Page) => page.getByRole('banner');

/** What the header offers, as a reader sees it: its links and buttons, in order. */
async function headerControls(page: Page, within: Locator = banner(page)): Promise<string[]> {
  const controls = within.locator('a, button').filter({ visible: true });
  return (await controls.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Waits until the header has filled in for a signed-in reader. */
async function signedInHeader(page: Page) {
  await banner(page).getByRole('button', { name: 'Log out' }).waitFor();
}

describe('the header on a wide screen', () => {
  it('offers an anonymous reader the members’ log in, and asks the server nothing', async () => {
    const page = await newPage(desktop);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/header')) asked.push(request.url());
    });
    await serveCachedPage(page, article);
    for (const path of [article, '/']) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await headerControls(page)).toEqual([
        'Northgate Institute',
        'Members’ log in',
        'Support us',
        ...sections.map((section) => section.toUpperCase()),
      ]);
    }
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['member', ['Account', 'Log out', 'Support us'], []],
    ['donor', ['Your account: Maya Monthly', 'Log out', 'Your giving'], []],
    [
      'editor',
      ['Admin', 'Your account: Desk Header', 'Log out', 'Support us'],
      ['Edit this article'],
    ],
    ['admin', ['Admin', 'Account', 'Log out', 'Support us'], ['Edit this article']],
  ] as const)(
    'shows a signed-in %s their own links on the cached article page and the home page',
    async (reader, links, onArticle) => {
      const page = await pageAs(reader);
      await serveCachedPage(page, article);
      await page.goto(`${baseUrl}${article}`);
      await page.getByRole('heading', { level: 1, name: articleTitle }).waitFor();
      if (reader === 'donor') {
        // Stripe's webhook says the gift is running; until then they are not a monthly donor yet.
        await expect
          .poll(
            async () => {
              await page.reload();
              await signedInHeader(page);
              return headerControls(page);
            },
            { timeout: 30_000, interval: 1_000 },
          )
          .toContain('Your giving');
      }
      await signedInHeader(page);
      const bar = (await headerControls(page)).slice(1, -sections.length);
      expect(bar).toEqual([...onArticle, ...links]);
      expect(await banner(page).getByRole('link', { name: 'Members’ log in' }).count()).toBe(0);

      await page.goto(baseUrl);
      await signedInHeader(page);
      expect((await headerControls(page)).slice(1, -sections.length)).toEqual(links);
      const named = banner(page).getByRole('link', { name: links[links.indexOf('Log out') - 1] });
      expect(await named.getAttribute('href')).toBe('/account');
      if (reader === 'donor') {
        await banner(page).getByRole('link', { name: 'Your giving' }).click();
        await page.waitForURL(`${baseUrl}/account#giving`);
        await page
          .getByRole('region', { name: 'Your giving' })
          .getByText('£7.00 a month')
          .waitFor();
      }
      if (reader !== 'member' && reader !== 'donor') {
        expect(await banner(page).getByRole('link', { name: 'Admin' }).getAttribute('href')).toBe(
          '/admin',
        );
      }
      expect(errors).toEqual([]);
    },
  );

  it('takes an editor from an article to its edit page, from the page rendered for them too', async () => {
    const page = await pageAs('editor');
    await page.goto(`${baseUrl}${article}`);
    await banner(page).getByRole('link', { name: 'Edit this article' }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `Edit “${articleTitle}”` }).waitFor();
    expect(await banner(page).getByRole('link', { name: 'Edit this article' }).count()).toBe(0);
  });

  it('fills in without moving anything on the page', async () => {
    for (const [viewport, reader] of [
      [desktop, 'editor'],
      [phone, 'donor'],
    ] as const) {
      const page = await pageAs(reader, viewport);
      // Layout shifts (the browser's own measure of CLS) that moved something in the header, and
      // the header as the server's HTML drew it, before anyone was filled in.
      await page.addInitScript(() => {
        const seen = { headerShift: 0, first: { height: 0, text: '' } };
        Object.assign(window, { seen });
        const header = () => document.querySelector('header[role="banner"]');
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            hadRecentInput: boolean;
            sources: { node: Node | null }[];
          }[]) {
            const inHeader = entry.sources.some((source) => header()?.contains(source.node));
            if (inHeader && !entry.hadRecentInput) seen.headerShift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        document.addEventListener('DOMContentLoaded', () => {
          seen.first = {
            height: header()!.getBoundingClientRect().height,
            text: header()!.textContent ?? '',
          };
        });
      });
      await serveCachedPage(page, article);
      await page.goto(`${baseUrl}${article}`);
      if (viewport === desktop) await signedInHeader(page);
      else {
        await page.getByRole('button', { name: 'Menu' }).click();
        await banner(page).getByRole('button', { name: 'Log out' }).waitFor();
        await page.keyboard.press('Escape');
      }
      await page.waitForTimeout(500);
      const seen = await page.evaluate(
        () =>
          (
            window as unknown as {
              seen: { headerShift: number; first: { height: number; text: string } };
            }
          ).seen,
      );
      const label = `${reader} at ${viewport.width} px`;
      expect(seen.first.text, label).toContain('Members’ log in');
      expect(seen.first.text, label).not.toContain('Log out');
      expect((await banner(page).boundingBox())!.height, label).toBe(seen.first.height);
      expect(seen.headerShift, label).toBeLessThan(0.01);
    }
  });

  it('logs in from the header and back to the piece, then logs out: the session ends on the server and the header offers to log in', async () => {
    const page = await newPage(desktop);
    await page.goto(`${baseUrl}${article}`);
    await banner(page).getByRole('link', { name: 'Members’ log in' }).click();
    await page.waitForURL(`${baseUrl}/login?callbackUrl=${encodeURIComponent(article)}`);
    await page.getByLabel('E-mail address', { exact: true }).fill(accounts.member.email);
    await page.getByLabel('Password', { exact: true }).fill(accounts.member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Logging in from the header brings the reader back to the piece they were reading.
    await page.waitForURL(`${baseUrl}${article}`);
    await signedInHeader(page);
    const copied = await page.context().storageState();

    await banner(page).getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await banner(page).getByRole('link', { name: 'Members’ log in' }).waitFor();
    expect(await banner(page).getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await page.goto(`${baseUrl}${article}`);
    expect(await headerControls(page)).toContain('Members’ log in');

    // A copy of the cookie taken before logging out signs nobody in.
    const replay = await newPage(desktop, { storageState: copied });
    await replay.goto(`${baseUrl}/account`);
    await replay.waitForURL(/\/login\?callbackUrl=%2Faccount/);
    await banner(replay).getByRole('link', { name: 'Members’ log in' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('prints without the log-in and support buttons or the footer’s appeal', async () => {
    const page = await newPage(desktop);
    await page.goto(`${baseUrl}${article}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { level: 1, name: articleTitle }).isVisible()).toBe(
      true,
    );
    expect(await banner(page).getByText('Northgate Institute').isVisible()).toBe(true);
    for (const text of ['Members’ log in', 'Support us', 'Menu', 'Independent because of you']) {
      expect(await page.getByText(text, { exact: true }).filter({ visible: true }).count()).toBe(0);
    }
  });
});

describe('the header on a phone', () => {
  it('opens a menu of every section, log in and support; Escape closes it; a link is followed', async () => {
    const page = await newPage(phone);
    await page.goto(baseUrl);
    const height = (await banner(page).boundingBox())!.height;
    expect(height).toBeLessThanOrEqual(64);
    expect(await headerControls(page)).toEqual(['Northgate Institute', 'Menu']);

    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`#${await menu.getAttribute('aria-controls')}`);
    expect(await headerControls(page, panel)).toEqual([
      ...sections.map((section) => section.toUpperCase()),
      'Members’ log in',
      'Support us',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

    // By keyboard: the menu button opens it, and the next stop is its first section.
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Analysis');

    await panel.getByRole('link', { name: 'Press' }).click();
    await page.waitForURL(`${baseUrl}/press`);
    await page.getByRole('heading', { level: 1, name: 'Press office' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('gives a signed-in member their account, log out and support in the menu', async () => {
    const page = await pageAs('member', phone);
    await page.goto(`${baseUrl}${article}`);
    await page.getByRole('button', { name: 'Menu' }).click();
    await banner(page).getByRole('button', { name: 'Log out' }).waitFor();
    const panel = page.locator('#site-menu');
    expect(await headerControls(page, panel)).toEqual([
      ...sections.map((section) => section.toUpperCase()),
      'Account',
      'Log out',
      'Support us',
    ]);
    await panel.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });

  it('fits a 320 px screen: nothing scrolls sideways, the header is at most 64 px tall', async () => {
    const page = await newPage({ width: 320, height: 640 });
    for (const path of ['/', article]) {
      await page.goto(`${baseUrl}${path}`);
      expect((await banner(page).boundingBox())!.height, path).toBeLessThanOrEqual(64);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        path,
      ).toBeLessThanOrEqual(320);
      await page.getByRole('button', { name: 'Menu' }).click();
      const sideways = await banner(page).evaluate((header) =>
        [header, ...header.querySelectorAll('*')]
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(sideways, path).toEqual([]);
      await banner(page).getByRole('link', { name: 'Search' }).waitFor();
      const search = (await banner(page).getByRole('link', { name: 'Search' }).boundingBox())!;
      expect(search.x + search.width).toBeLessThanOrEqual(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
    }
  });

  it('reaches every section without JavaScript', async () => {
    const page = await newPage(phone, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}${article}`);
    expect(await banner(page).getByRole('link', { name: 'Search' }).isVisible()).toBe(false);
    await banner(page).getByRole('link', { name: 'Menu' }).click();
    await banner(page).getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${baseUrl}/search`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});

describe('what the header asks the server', () => {
  it('is answered privately, never from a cache, and refuses a malformed article', async () => {
    const anonymous = await fetch(`${baseUrl}/api/header`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
    expect(anonymous.headers.get('vary')).toContain('Cookie');
    expect(await anonymous.json()).toEqual({ signedIn: false });

    const malformed = await fetch(`${baseUrl}/api/header?article=${encodeURIComponent('../x')}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'article must be the slug of an article' });
  });

  it('logs nobody out from another site’s page', async () => {
    const page = await pageAs('member');
    const cookie = (await page.context().cookies())
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
    const forged = await fetch(`${baseUrl}/api/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: 'https://elsewhere.example' },
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    await page.goto(`${baseUrl}/account`);
    await signedInHeader(page);
    expect(page.url()).toBe(`${baseUrl}/account`);
  });
});
