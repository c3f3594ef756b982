import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const ui = browserPagePerTest();
const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

/** Types the words into the search box and presses Enter, as a reader does. */
async function searchFor(page: Page, words: string) {
  const box = page.getByLabel('Search our work');
  await box.click();
  await box.press('Control+A');
  await box.pressSequentially(words);
  await box.press('Enter');
  await page.getByRole('heading', { name: new RegExp(`for “${words}”$`) }).waitFor();
}

const linksIn = (page: Page, section: string) =>
  page
    .getByRole('region', { name: section })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]));

const resultTitles = (page: Page) => page.locator('main ol > li h3').allTextContents();

describe('search on a desktop', () => {
  it('finds an expert by name, with their work below', async () => {
    await ui.page.setViewportSize(desktop);
    await ui.page.goto(`${baseUrl}/search`);
    await searchFor(ui.page, 'Achterberg');
    expect(await linksIn(ui.page, 'People')).toEqual([
      ['Daniel Achterberg', '/people/daniel-achterberg'],
    ]);
    expect(await ui.page.getByRole('region', { name: 'Series' }).count()).toBe(0);
    expect(await resultTitles(ui.page)).toContain(
      'Britain’s fiscal rules need a stress test, not another rewrite',
    );

    await searchFor(ui.page, 'Okafor');
    expect(await linksIn(ui.page, 'People')).toEqual([['Amara Okafor', '/people/amara-okafor']]);
    expect((await resultTitles(ui.page)).length).toBeGreaterThan(0);
    expect(ui.errors).toEqual([]);
  });

  it('finds a series by its title and its articles', async () => {
    await ui.page.setViewportSize(desktop);
    await ui.page.goto(`${baseUrl}/search`);
    await searchFor(ui.page, 'Fiscal Watch');
    expect(await linksIn(ui.page, 'Series')).toEqual([['Fiscal Watch', '/series/fiscal-watch']]);
    expect(await resultTitles(ui.page)).toContain(
      'Britain’s fiscal rules need a stress test, not another rewrite',
    );
    await ui.page.getByRole('region', { name: 'Series' }).getByRole('link').click();
    await ui.page.waitForURL(`${baseUrl}/series/fiscal-watch`);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Fiscal Watch');
  });

  it('finds British spellings from American ones and back', async () => {
    await ui.page.setViewportSize(desktop);
    await ui.page.goto(`${baseUrl}/search`);
    await searchFor(ui.page, 'defense');
    const american = await resultTitles(ui.page);
    expect(american).toContain('Deterrence on a budget');
    const marks = await ui.page.locator('main ol > li mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toContain('defence');

    await searchFor(ui.page, 'defence');
    expect(await resultTitles(ui.page)).toEqual(american);
  });

  it('shows the filters without a button to open them', async () => {
    await ui.page.setViewportSize(desktop);
    await ui.page.goto(`${baseUrl}/search?q=energy`);
    expect(await ui.page.getByLabel('Kind').isVisible()).toBe(true);
    expect(await ui.page.locator('summary', { hasText: 'Filters' }).isVisible()).toBe(false);
  });

  it('has no serious or critical axe violations with people and series found', async () => {
    await ui.page.setViewportSize(desktop);
    await ui.page.goto(`${baseUrl}/search?q=wren`);
    await ui.page.getByRole('region', { name: 'Series' }).waitFor();
    expect(await linksIn(ui.page, 'People')).toEqual([['Tomasz Wren', '/people/tomasz-wren']]);
    expect(await linksIn(ui.page, 'Series')).toEqual([
      ['The Wren Dispatch', '/series/the-wren-dispatch'],
    ]);
    expect(await seriousViolations(ui.page)).toEqual([]);
  });
});

describe('search on a phone', () => {
  it('puts the results above the fold and the filters behind a button', async () => {
    await ui.page.setViewportSize(phone);
    await ui.page.goto(`${baseUrl}/search`);
    await searchFor(ui.page, 'defence');
    const first = ui.page.locator('main ol > li h3').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(phone.height);
    expect(await ui.page.evaluate(() => window.scrollY)).toBe(0);

    const kind = ui.page.getByLabel('Kind');
    expect(await kind.isVisible()).toBe(false);
    await ui.page.locator('summary', { hasText: 'Filters' }).click();
    expect(await kind.isVisible()).toBe(true);
    await kind.selectOption({ label: 'Commentary' });
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/kind=commentary/);
    // The chosen filter stays in view, with the button saying how many are chosen.
    expect(await ui.page.locator('summary', { hasText: 'Filters (1 chosen)' }).isVisible()).toBe(
      true,
    );
    expect(await ui.page.getByLabel('Kind').isVisible()).toBe(true);
    expect(await resultTitles(ui.page)).toContain('Deterrence on a budget');
    expect(ui.errors).toEqual([]);
  });

  it('opens the filters without JavaScript', async () => {
    const context = await ui.browser.newContext({ javaScriptEnabled: false, viewport: phone });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/search?q=Okafor`);
      expect(await linksIn(page, 'People')).toEqual([['Amara Okafor', '/people/amara-okafor']]);
      const button = page.locator('summary', { hasText: 'Filters' });
      const filters = page.locator('details', { has: button });
      expect(await filters.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
      await button.click();
      expect(await filters.evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
      expect(await page.getByLabel('Topic or region').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
