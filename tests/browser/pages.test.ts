import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest, watchForErrors } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();

const run = Date.now().toString(36);
// The shared editor's password is changed by the members' tests, which may run first: these
// tests use an editor of their own, promoted by the admin in beforeAll.
const editor = { email: `pages.${run}@example.org`, password: 'a long pages passphrase' };
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await ui.browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function logIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
  await page.getByLabel('E-mail address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

beforeAll(async () => {
  const joining = await newPage();
  await joining.goto(`${baseUrl}/join`);
  await joining.getByLabel('Name').fill('Pages Editor');
  await joining.getByLabel('E-mail address', { exact: true }).fill(editor.email);
  await joining.getByLabel('Password', { exact: true }).fill(editor.password);
  await joining.getByRole('checkbox', { name: /privacy notice/ }).check();
  const received = inbox(mailDir);
  await joining.getByRole('button', { name: 'Join' }).click();
  await joining.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const verification = await received.next(editor.email, { subject: 'Verify' });
  await joining.goto(linkIn(verification.text, 'verify-email'));
  await joining.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await joining.waitForURL(`${baseUrl}/account?welcome=1`);

  const admin = await newPage();
  await logIn(admin, testAccounts.admin);
  await admin.goto(`${baseUrl}/admin/members?q=${encodeURIComponent(editor.email)}`);
  await admin.getByLabel(`Role of ${editor.email}`).selectOption('editor');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Role changed.').waitFor();
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

describe('institution pages', () => {
  it('an editor writes a page, puts it in the footer and publishes it; a visitor finds and reads it', async () => {
    const title = `Our trustees ${run}`;
    const desk = await newPage();
    const errors = watchForErrors(desk);
    await logIn(desk, editor);
    await desk.goto(`${baseUrl}/admin`);
    await desk.getByRole('link', { name: 'Pages', exact: true }).click();
    await desk.getByRole('link', { name: 'New page' }).click();
    await desk.getByLabel('Title').fill(title);
    await desk.getByLabel('Summary').fill('The people who govern the Institute.');
    await desk
      .getByLabel('Body', { exact: true })
      .fill('## The board\n\nNine **unpaid** trustees meet each quarter.');
    await desk.getByTestId('article-preview').getByText('unpaid', { exact: true }).waitFor();
    await desk.getByRole('checkbox', { name: /Show in the footer/ }).check();
    await desk.getByLabel('Menu label').fill(`Trustees ${run}`);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Save draft' }).click();
    await desk.getByText('Draft saved.').waitFor();

    // A draft is the editors' alone.
    const slug = `our-trustees-${run}`;
    const early = await fetch(`${baseUrl}/${slug}`);
    expect(early.status).toBe(404);

    await desk.getByRole('button', { name: 'Publish now' }).click();
    await desk.getByText('Published: the page is on the site now').waitFor();
    // Each message tells of the last action alone: the draft's is gone.
    expect(await desk.getByText('Draft saved.').count()).toBe(0);
    await desk.reload();
    await desk.getByRole('button', { name: 'Unpublish' }).waitFor();
    expect(await desk.getByText('Draft saved.').count()).toBe(0);
    expect(errors).toEqual([]);

    const visitor = await newPage();
    await visitor.goto(baseUrl);
    const footer = visitor.getByRole('contentinfo');
    await footer.getByRole('navigation', { name: 'About us' }).waitFor();
    await footer.getByRole('link', { name: `Trustees ${run}` }).click();
    await visitor.waitForURL(`${baseUrl}/${slug}`);
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.getByText('Nine unpaid trustees meet each quarter.').waitFor();
    // A page rendered on demand streams its metadata after its content.
    await visitor.waitForFunction(() => document.title !== '');
    expect(await visitor.title()).toBe(`${title} | Northgate Institute`);
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it('the funding page names the funders of each year by band, with the year’s income', async () => {
    const visitor = await newPage();
    await visitor.goto(baseUrl);
    await visitor
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Funding and transparency' })
      .click();
    await visitor.waitForURL(`${baseUrl}/funding-and-transparency`);
    await visitor.getByRole('heading', { name: 'Who funds us' }).waitFor();
    const table = visitor.getByRole('table', { name: /Funders giving £5,000 or more in 2025/ });
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.getByRole('rowheader').innerText()).toBe('The Halvergate Foundation');
    expect(await firstRow.getByRole('cell').first().innerText()).toBe('£250,000 or more');
    await visitor.getByText('Total income: £2,184,500').waitFor();
    // Gifts under £5,000 are counted, not named.
    expect(await visitor.getByText('Mr James Hartley').count()).toBe(0);
    await visitor.getByText(/one gift under £5,000 in 2025/).waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it('an admin’s new funder shows on the funding page', async () => {
    const admin = await newPage();
    await logIn(admin, testAccounts.admin);
    await admin.goto(`${baseUrl}/admin/funding`);
    await admin.getByRole('link', { name: 'Add a funder' }).click();
    await admin.getByLabel('Name').fill(`Wrenfield Trust ${run}`);
    await admin.getByLabel('Amount given in the year').selectOption({ label: '£25,000–£99,999' });
    await admin.getByLabel('Year', { exact: true }).fill('2025');
    await admin.getByLabel('Purpose').fill('Housing supply research');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Add funder' }).click();
    await admin.waitForURL(`${baseUrl}/admin/funding?saved=1`);

    await admin.getByRole('link', { name: 'Add a funder' }).click();
    await admin.getByLabel('Name').fill(`Wrenfield Trust ${run}`);
    await admin.getByLabel('Year', { exact: true }).fill('2025');
    await admin.getByRole('button', { name: 'Add funder' }).click();
    await admin.getByText(`Wrenfield Trust ${run} is already listed for 2025.`).first().waitFor();

    const visitor = await newPage();
    await visitor.goto(`${baseUrl}/funding-and-transparency`);
    await visitor.getByRole('rowheader', { name: `Wrenfield Trust ${run}` }).waitFor();
  });

  it('a year with funders but no income recorded offers to record that year’s', async () => {
    const admin = await newPage();
    await logIn(admin, testAccounts.admin);
    await admin.goto(`${baseUrl}/admin/funding/funders/new`);
    await admin.getByLabel('Name').fill(`Ledger Trust ${run}`);
    await admin.getByLabel('Year', { exact: true }).fill('2031');
    await admin.getByRole('button', { name: 'Add funder' }).click();
    await admin.waitForURL(`${baseUrl}/admin/funding?saved=1`);
    try {
      await admin.getByRole('link', { name: 'not recorded for 2031: record it' }).click();
      await admin.waitForURL(`${baseUrl}/admin/funding/years/new?year=2031`);
      expect(await admin.getByLabel('Year', { exact: true }).inputValue()).toBe('2031');
    } finally {
      await admin.goto(`${baseUrl}/admin/funding`);
      await admin.getByRole('link', { name: `Ledger Trust ${run}` }).click();
      await admin.getByRole('button', { name: 'Delete this funder…' }).click();
      await admin.getByRole('button', { name: 'Yes, delete this funder' }).click();
      await admin.waitForURL(`${baseUrl}/admin/funding?deleted=1`);
    }
  });
});
