import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, watchForErrors } from './chromium';

const baseUrl = inject('baseUrl');
const article = '/articles/semiconductor-subsidies-race';
const articleUrl = `${baseUrl}${article}`;

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a context of its own, at the given width, closed after `steps`. */
async function withPage(
  width: number,
  options: BrowserContextOptions,
  steps: (page: Page, errors: string[]) => Promise<void>,
) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    await steps(page, watchForErrors(page));
  } finally {
    await context.close();
  }
}

const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

describe.each([1366, 390])('the end of an article at %i px', (width) => {
  it('tells who wrote it: photo, name, role and bio, linking to each author', async () => {
    await withPage(width, {}, async (page, errors) => {
      await page.goto(articleUrl);
      const box = page.getByRole('region', { name: 'About the authors' });
      const people = box.getByRole('listitem');
      expect(await people.count()).toBe(2);
      const priya = people.nth(0);
      expect(await priya.getByRole('img', { name: 'Portrait of Priya Raman' }).isVisible()).toBe(
        true,
      );
      expect(await priya.getByText('Fellow, Trade and the Asia-Pacific').isVisible()).toBe(true);
      expect(await priya.getByText(/^Priya Raman studies trade agreements/).isVisible()).toBe(true);
      expect(await people.nth(1).getByRole('heading', { name: 'Tomasz Wren' }).isVisible()).toBe(
        true,
      );
      expect(await seriousViolations(page)).toEqual([]);

      await priya.getByRole('link', { name: 'Priya Raman' }).click();
      await page.waitForURL(`${baseUrl}/people/priya-raman`);
      await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
      expect(errors).toEqual([]);
    });
  });

  it('copies a citation and says so', async () => {
    await withPage(width, clipboard, async (page, errors) => {
      await page.goto(articleUrl);
      await page.getByText('Cite this').click();
      const apa = await page.getByLabel('APA citation').textContent();
      expect(apa).toContain('Raman, P., & Wren, T. (2026, September 22). Semiconductor subsidies');
      await page.getByRole('button', { name: 'Copy citation (APA)' }).click();
      await page.getByRole('status').getByText('Copied', { exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apa);

      await page.getByRole('button', { name: 'Copy citation (BibTeX)' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
        /^@misc\{raman2026semiconductor,/,
      );
      expect(errors).toEqual([]);
    });
  });

  it('copies the link to the article', async () => {
    await withPage(width, clipboard, async (page) => {
      await page.goto(articleUrl);
      const share = page.getByRole('region', { name: 'Share' });
      expect(await share.getByText(articleUrl, { exact: true }).isVisible()).toBe(true);
      await share.getByRole('button', { name: 'Copy link' }).click();
      await share.getByRole('status').getByText('Copied', { exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(articleUrl);
    });
  });

  it('selects the citation to copy by hand when the browser refuses the clipboard', async () => {
    await withPage(width, {}, async (page) => {
      // Stands for a browser, or a reader's setting, that refuses pages the clipboard.
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: {
            writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')),
          },
        });
      });
      await page.goto(articleUrl);
      await page.getByText('Cite this').click();
      await page.getByRole('button', { name: 'Copy citation (Chicago)' }).click();
      await page
        .getByText(/Copying was not allowed: the text is selected, press Ctrl\+C/)
        .waitFor();
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
        await page.getByLabel('Chicago citation').textContent(),
      );
      expect(await page.getByText('Copied', { exact: true }).count()).toBe(0);
    });
  });

  it('without JavaScript, shows the citations and the link as text, and no dead button', async () => {
    await withPage(width, { javaScriptEnabled: false }, async (page) => {
      await page.goto(articleUrl);
      await page.getByText('Cite this').click();
      expect(await page.getByLabel('APA citation').isVisible()).toBe(true);
      expect(await page.getByLabel('APA citation').textContent()).toContain(articleUrl);
      expect(
        await page.getByRole('region', { name: 'Share' }).getByText(articleUrl).isVisible(),
      ).toBe(true);
      expect(await page.getByRole('button', { name: /^Copy/ }).count()).toBe(0);
      expect(
        await page
          .getByRole('region', { name: 'About the authors' })
          .getByRole('link', { name: 'Tomasz Wren' })
          .getAttribute('href'),
      ).toBe('/people/tomasz-wren');
    });
  });
});
