import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, which the browser tests and screenshots drive (no browser download). Its
 * headless shell (the `chromium-headless-shell` package, the same engine without the desktop
 * browser around it) is preferred, as Playwright itself prefers it for headless runs: the tests
 * spend a third less time and CPU with it. The full browser serves where it is all there is.
 */
const headlessShell = '/usr/bin/chromium-headless-shell';
export const chromiumPackage = 'chromium-headless-shell';
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
