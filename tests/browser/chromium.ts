import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium';

export { launchBrowser } from '../../scripts/lib/chromium';

const pageResources = new Set(['document', 'stylesheet', 'script', 'image', 'font']);

/**
 * Collects uncaught page errors, console errors and failed loads of the page's own resources,
 * so a test can assert there were none. Link prefetches are left to the tests of their pages.
 */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (
      response.status() >= 400 &&
      pageResources.has(type) &&
      response.request().frame() === page.mainFrame()
    ) {
      if (type !== 'document') errors.push(`${response.status()} ${type}: ${response.url()}`);
    }
  });
  return errors;
}

/**
 * One browser per test file and a fresh page per test, with its errors collected.
 * Read `ui.page` and `ui.errors` inside tests.
 */
export function browserPagePerTest() {
  const ui = {} as { browser: Browser; page: Page; errors: string[] };
  beforeAll(async () => {
    ui.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ui.browser?.close();
  });
  beforeEach(async () => {
    ui.page = await ui.browser.newPage();
    ui.errors = watchForErrors(ui.page);
  });
  afterEach(async () => {
    await ui.page?.close();
  });
  return ui;
}
