import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../../scripts/lib/next-server';
import {
  adminUrl,
  createDatabase,
  databaseUrl,
  dropDatabase,
  postgresAnswers,
} from '../setup/postgres-server';
import { launchBrowser } from './chromium';

// An attacker's cheap tricks against a production server of its own, so that the limits they
// use up do not touch the other browser tests: a fresh X-Forwarded-For on every request, and
// timing the answers of forms that e-mail. Its mail server accepts connections and never
// answers, as one that has stalled.
const available = await postgresAnswers();
if (!available && process.env.CI) throw new Error(`PostgreSQL does not answer at ${adminUrl}`);

let database: string;
let server: RunningServer;
let stalledSmtp: net.Server;
let browser: Browser;
const member = { email: 'known.member@example.org', password: 'a long known passphrase' };
const tsx = path.join(process.cwd(), 'node_modules/.bin/tsx');

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(tsx, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
}

beforeAll(async () => {
  database = await createDatabase('northgate_abuse');
  const env = { DATABASE_URL: databaseUrl(database) };
  run(['scripts/db-seed.ts'], env);
  run(
    [
      'scripts/user-create.ts',
      '--email',
      member.email,
      '--password',
      member.password,
      '--role',
      'member',
    ],
    env,
  );
  stalledSmtp = net.createServer(() => {});
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => stalledSmtp.listen(smtpPort, '127.0.0.1', resolve));
  server = await startServer({
    ...env,
    AUTH_SECRET: 'a'.repeat(40),
    EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  stalledSmtp?.close();
  if (database) await dropDatabase(database);
});

let visitor = 0;
/** Claims a new address for the page's next requests, as an attacker's script would. */
async function claimNewAddress(page: Page) {
  visitor += 1;
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
  });
}

async function requestReset(page: Page, email: string): Promise<number> {
  await page.goto(`${server.url}/forgot-password`);
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  const started = Date.now();
  await page.getByRole('button', { name: 'E-mail me a reset link' }).click();
  await page.getByText(/we have sent it a link to choose a new password/).waitFor();
  return Date.now() - started;
}

describe.skipIf(!available)('an attacker', () => {
  it('cannot tell which addresses have accounts by how long the answer takes', async () => {
    const page = await browser.newPage();
    // The mail server holds every connection for the ten seconds of its greeting timeout: an
    // answer that waited for it would take that long. Three of each, alternating, and the
    // middle one compared, so that a busy machine's pauses do not decide.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      known.push(await requestReset(page, member.email));
      unknown.push(await requestReset(page, `nobody.${round}@example.org`));
    }
    const middle = (times: number[]) => times.sort((a, b) => a - b)[1]!;
    expect(middle(known)).toBeLessThan(4_000);
    expect(middle(unknown)).toBeLessThan(4_000);
    expect(Math.abs(middle(known) - middle(unknown))).toBeLessThan(2_000);
    await page.close();
  }, 120_000);

  it('cannot dodge the per-address sign-in limit with a fresh X-Forwarded-For each time', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    let refusedAt = 0;
    for (let attempt = 1; attempt <= 51 && !refusedAt; attempt++) {
      await claimNewAddress(page);
      await page.getByLabel('E-mail address', { exact: true }).fill(`target${attempt}@example.org`);
      await page.getByLabel('Password', { exact: true }).fill('a guess at the password');
      const answered = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Log in' }).click();
      await answered;
      // The button is named "Log in" again once the answer is on screen.
      await page.getByRole('button', { name: 'Log in', disabled: false }).waitFor();
      const answer = await page
        .getByText(/do not match an account|Too many attempts/)
        .textContent();
      if (answer?.startsWith('Too many')) refusedAt = attempt;
    }
    // Fifty sign-ins from one address in a quarter hour, whatever it claimed to be.
    expect(refusedAt).toBe(51);
    await page.close();
  }, 300_000);

  it('cannot dodge the per-address e-mail limit either', async () => {
    const page = await browser.newPage();
    let refusedAt = 0;
    for (let attempt = 1; attempt <= 31 && !refusedAt; attempt++) {
      await claimNewAddress(page);
      await page.goto(`${server.url}/login`);
      await page
        .getByLabel('E-mail address for a sign-in link')
        .fill(`someone${attempt}@example.org`);
      await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
      const answer = await page
        .getByText(/we have sent it a sign-in link|Too many requests/)
        .textContent();
      if (answer?.startsWith('Too many')) refusedAt = attempt;
    }
    // Thirty e-mails an hour from one address; the first test asked for six of them.
    expect(refusedAt).toBe(25);
    await page.close();
  }, 300_000);
});
