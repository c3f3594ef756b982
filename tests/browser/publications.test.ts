import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { slugify } from '@/lib/editorial/slugify';
import { makePdf } from '@/tests/support/pdf';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { launchBrowser, watchForErrors } from './chromium';

const baseUrl = inject('baseUrl');

// Letters only, so that full-text search reads each marker as one plain word.
const run = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
// Only inside the PDF: not in the title, standfirst, body or key findings.
const pdfWord = `fernquist${run}`;
const title = `Tidal lagoons and the ${run} grid`;
const slug = slugify(title);
// The seeded members-only briefing (db/seed/data/publications.ts).
const membersBriefing = '/articles/buying-readiness-defence-procurement';

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let adminSession: Session | undefined;
let editPage = '';
let pdfBytes: Buffer;
let pdfFile = '';
const contexts: BrowserContext[] = [];

async function newPage(session?: Session): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, storageState: session });
  contexts.push(context);
  return context.newPage();
}

/** The admin (who may edit, and whose password no other test changes), signed in once. */
async function adminPage(): Promise<Page> {
  if (!adminSession) {
    const page = await newPage();
    await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
    await page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.admin.email);
    await page.getByLabel('Password', { exact: true }).fill(testAccounts.admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    adminSession = await page.context().storageState();
  }
  return newPage(adminSession);
}

beforeAll(async () => {
  browser = await launchBrowser();
  pdfBytes = await makePdf([
    `Tidal range study. The ${pdfWord} estuary holds the largest range in Britain.`,
    'Second page: costs and carbon.',
    'Third page: recommendations.',
  ]);
  pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-upload-')), 'Lagoon study.pdf');
  fs.writeFileSync(pdfFile, pdfBytes);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  // Taken down again, so the test files after this one find the site as the seed left it.
  if (editPage) {
    const page = await adminPage();
    await page.goto(editPage);
    const unpublish = page.getByRole('button', { name: 'Unpublish' });
    if ((await unpublish.count()) > 0) {
      await unpublish.click();
      await page.getByText(/^Unpublished: the article is a draft again/).waitFor();
    }
  }
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  fs.rmSync(path.dirname(pdfFile), { recursive: true, force: true });
});

describe('a report with a PDF', () => {
  it('is written with a PDF uploaded in the editor, published, downloaded and found by a phrase inside the PDF', async () => {
    const page = await adminPage();
    const errors = watchForErrors(page);
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Standfirst', { exact: true })
      .fill('What a lagoon in the Severn would add to the grid.');
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Report' });
    await page
      .getByLabel('Body', { exact: true })
      .fill('A summary of the study. The full text is in the PDF.');
    await page.getByLabel('Add an author').selectOption({ label: 'Priya Raman' });
    await page.getByRole('button', { name: 'Add to byline' }).click();

    await page.getByLabel('Upload a PDF').setInputFiles(pdfFile);
    await page.getByRole('button', { name: 'Upload PDF' }).click();
    await page.getByText(/^Uploaded: Lagoon study\.pdf \(3 pages/).waitFor();
    expect(
      await page.getByLabel('PDF', { exact: true }).locator('option:checked').innerText(),
    ).toMatch(/^Lagoon study\.pdf \(3 pages/);
    await page.getByLabel('Key findings').fill('- Lagoons pay back over 40 years.');
    await page.getByLabel('ISBN').fill('978-1-915123-04-7');
    await page.getByLabel('DOI').fill('https://doi.org/10.55555/ngi.test.lagoon');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // A wrong check digit is caught, and the upload is kept.
    await page
      .getByText(/check digit/)
      .first()
      .waitFor();
    await page.getByLabel('ISBN').fill('978-1-915123-04-6');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
    editPage = page.url().replace(/\?.*$/, '');
    expect(await page.getByLabel('DOI').inputValue()).toBe('10.55555/ngi.test.lagoon');
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published: the article is on the site now.').waitFor();
    expect(errors).toEqual([]);

    const visitor = await newPage();
    await visitor.goto(`${baseUrl}/articles/${slug}`);
    await visitor.getByRole('heading', { name: 'Key findings' }).waitFor();
    expect(await visitor.getByText('PDF, 3 pages').count()).toBe(1);
    expect(await visitor.getByText('978-1-915123-04-6', { exact: true }).count()).toBe(1);
    await visitor.getByText('Cite this').click();
    expect(await visitor.locator('#citation-apa').innerText()).toContain(
      '[Report, PDF]. Northgate Institute. https://doi.org/10.55555/ngi.test.lagoon',
    );
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: /Download the PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Lagoon study.pdf');
    const saved = await download.path();
    expect(Buffer.from(fs.readFileSync(saved)).equals(pdfBytes)).toBe(true);

    const href = await visitor.getByRole('link', { name: /Download the PDF/ }).getAttribute('href');
    const response = await fetch(`${baseUrl}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    // The route sets Content-Length, but Next 16 sends a route handler's answer chunked and
    // drops it (next/dist/server/send-response.js), as it does for /media: the bytes are checked.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=31536000/);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdfBytes)).toBe(true);
    // The stable address sends readers on to the current version.
    const stable = await fetch(`${baseUrl}/articles/${slug}/pdf`, { redirect: 'manual' });
    expect(stable.status).toBe(307);
    expect(stable.headers.get('location')).toBe(href);

    await visitor.goto(`${baseUrl}/search`);
    await visitor.getByLabel('Search our work').fill(pdfWord);
    await visitor.getByRole('button', { name: 'Search' }).click();
    await visitor.getByRole('link', { name: title }).waitFor();
    // The body does not hold the word: the result quotes the PDF's passage, and says so.
    const result = visitor
      .getByRole('listitem')
      .filter({ has: visitor.getByRole('link', { name: title }) });
    expect(await result.getByText('From the PDF:', { exact: true }).count()).toBe(1);
    expect(await result.locator('mark').allInnerTexts()).toEqual([pdfWord]);
    expect(await result.innerText()).toContain(`The ${pdfWord} estuary holds the largest range`);

    await visitor.goto(`${baseUrl}/publications?kind=report`);
    await visitor.getByRole('link', { name: title }).waitFor();
  });
});

describe('a members-only publication', () => {
  it('is refused anonymously, PDF and all, while its page says what it holds', async () => {
    const response = await fetch(`${baseUrl}${membersBriefing}/pdf`);
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).not.toContain('%PDF');

    // Someone who follows the link is offered a way on, back to the publication among them.
    const page = await newPage();
    await page.goto(`${baseUrl}${membersBriefing}/pdf`);
    await page.getByRole('heading', { level: 1, name: 'This PDF is for members' }).waitFor();
    await page.getByRole('link', { name: 'Back to the publication' }).click();
    await page.waitForURL(`${baseUrl}${membersBriefing}`);
    await page.getByText(/The PDF \(\d+ pages?, .*\) is for members/).waitFor();
    expect(await page.getByRole('link', { name: /Download the PDF/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Key findings' }).count()).toBe(0);
  });

  it('downloads for staff, never to be stored', async () => {
    const page = await adminPage();
    await page.goto(`${baseUrl}${membersBriefing}`);
    const href = await page.getByRole('link', { name: /Download the PDF/ }).getAttribute('href');
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['cache-control']).toBe('private, no-store');
  });
});

describe('accessibility', () => {
  it('finds no serious problems on /publications and a publication, at desktop and phone widths', async () => {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await newPage();
      await page.setViewportSize(viewport);
      for (const address of ['/publications', '/articles/clearing-the-grid-connection-queue']) {
        await page.goto(`${baseUrl}${address}`);
        expect(await seriousViolations(page), `${address} at ${viewport.width}`).toEqual([]);
      }
    }
  });
});
