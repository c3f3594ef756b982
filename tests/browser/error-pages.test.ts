import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest, watchForErrors } from './chromium';
import { joinAndVerify, logIn, newPerson } from './people';

const baseUrl = inject('baseUrl');
const ui = browserPagePerTest();
const siteName = 'Northgate Institute';

type Role = 'member' | 'editor';
type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<Role, Session>();
const contexts: BrowserContext[] = [];

// Each role signs in once: every browser test's sign-ins and e-mails count against the limits
// of one address. The shared editor's password is changed by the members' tests, so this file
// promotes an editor of its own.
beforeAll(async () => {
  const member = await ui.browser.newContext();
  await logIn(await member.newPage(), testAccounts.member);
  sessions.set('member', await member.storageState());
  await member.close();

  const editor = newPerson('Error Editor', 'errors-editor');
  const joining = await ui.browser.newContext();
  await joinAndVerify(await joining.newPage(), editor);
  await joining.close();
  const admin = await ui.browser.newContext();
  const adminPage = await admin.newPage();
  await logIn(adminPage, testAccounts.admin);
  await adminPage.goto(`${baseUrl}/admin/members?q=${encodeURIComponent(editor.email)}`);
  await adminPage.getByLabel(`Role of ${editor.email}`).selectOption('editor');
  await adminPage.getByRole('button', { name: 'Save' }).click();
  await adminPage.getByText('Role changed.').waitFor();
  await admin.close();
  // A change of role ends the account's sessions: the editor logs in again.
  const desk = await ui.browser.newContext();
  await logIn(await desk.newPage(), editor);
  sessions.set('editor', await desk.storageState());
  await desk.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function pageFor(role: Role | 'visitor'): Promise<{ page: Page; errors: string[] }> {
  const context = await ui.browser.newContext(
    role === 'visitor' ? {} : { storageState: sessions.get(role) },
  );
  contexts.push(context);
  const page = await context.newPage();
  return { page, errors: watchForErrors(page) };
}

/** What a person and their screen reader meet: the landmarks, the tab's title, the heading. */
async function looksLikeTheSite(page: Page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => document.title !== '');
  return {
    banners: await page.getByRole('banner').count(),
    mains: await page.getByRole('main').count(),
    footers: await page.getByRole('contentinfo').count(),
    title: await page.title(),
    heading: await page.getByRole('heading', { level: 1 }).textContent(),
  };
}

/** The 403 page, inside one header and one footer. */
async function expectRefusal(page: Page) {
  expect(await looksLikeTheSite(page)).toEqual({
    banners: 1,
    mains: 1,
    footers: 1,
    title: `Not open to you | ${siteName}`,
    heading: 'This area is not open to you',
  });
}

describe('a missing page', () => {
  it.each([
    ['an article', 'visitor', '/articles/no-such-article'],
    ['a person', 'visitor', '/people/no-such-person'],
    ['a series', 'visitor', '/series/no-such-series'],
    ['a topic', 'visitor', '/topics/no-such-topic'],
    ['a listing page past the last', 'visitor', '/analysis?page=999'],
    ['an address matching no route', 'visitor', '/no/such/page'],
    ['an address under the admin matching no route', 'editor', '/admin/no-such-page'],
    [
      'a receipt of the members’ area',
      'member',
      '/account/giving/00000000-0000-4000-8000-000000000000',
    ],
    ['an article of the admin', 'editor', '/admin/articles/00000000-0000-4000-8000-000000000000'],
  ] as const)('is answered 404 with one header and one footer (%s)', async (_label, role, path) => {
    const { page, errors } = await pageFor(role);
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(404);
    expect(await looksLikeTheSite(page)).toEqual({
      banners: 1,
      mains: 1,
      footers: 1,
      title: `Page not found | ${siteName}`,
      heading: 'We could not find that page',
    });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('offers the way on from a phone', async () => {
    const { page } = await pageFor('visitor');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/articles/no-such-article`);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(`${baseUrl}/`);
  });
});

describe('a refusal', () => {
  it('tells an editor at Donations that it is for administrators', async () => {
    const { page, errors } = await pageFor('editor');
    const response = await page.goto(`${baseUrl}/admin/donations`);
    expect(response?.status()).toBe(403);
    await expectRefusal(page);
    await page.getByText('It is for the Institute’s administrators.').waitFor();
    expect(await page.getByText('editors and administrators').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the editorial dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Editorial and administration' }).waitFor();
    expect(errors).toEqual([]);
  });

  it.each([['/admin'], ['/admin/articles'], ['/admin/donations']])(
    'tells a member at %s that it is for editors and administrators',
    async (path) => {
      const { page, errors } = await pageFor('member');
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(403);
      await expectRefusal(page);
      await page.getByText('It is for the Institute’s editors and administrators.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
