import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/lib/next-server';
import { startTcpGate, type TcpGate } from '../support/tcp-gate';
import {
  adminUrl,
  createDatabase,
  databaseUrl,
  dropDatabase,
  postgresAnswers,
} from '../setup/postgres-server';
import { launchBrowser } from './chromium';

// The production server on PostgreSQL, reached through a gate the test closes and opens: the
// shared PostgreSQL server itself is never stopped.
const available = await postgresAnswers();
if (!available && process.env.CI) throw new Error(`PostgreSQL does not answer at ${adminUrl}`);

let database: string;
let gate: TcpGate;
let server: RunningServer;

const article = '/articles/fiscal-rules-need-a-stress-test';
const articleTitle = 'Britain’s fiscal rules need a stress test';
const articleSentence = 'The United Kingdom has had nine sets of fiscal rules in sixteen years.';
// The search results list the article: a heading that links to it.
const foundArticle = new RegExp(`<h3[^>]*><a[^>]*href="${article}"[^>]*>${articleTitle}`);

beforeAll(async () => {
  database = await createDatabase('northgate_faults');
  const seeded = spawnSync(
    path.join(process.cwd(), 'node_modules/.bin/tsx'),
    ['scripts/db-seed.ts'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl(database) },
      encoding: 'utf8',
    },
  );
  if (seeded.status !== 0) throw new Error(`Seeding failed: ${seeded.stderr}`);
  const target = new URL(adminUrl);
  gate = await startTcpGate({ host: target.hostname, port: Number(target.port || 5432) });
  const url = new URL(databaseUrl(database));
  url.port = String(gate.port);
  server = await startServer({ DATABASE_URL: url.toString(), AUTH_SECRET: 'f'.repeat(40) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await gate?.stop();
  if (database) await dropDatabase(database);
});

const get = (pathname: string) =>
  fetch(`${server.url}${pathname}`, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });

async function waitForHealth(status: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await get('/api/health');
    if (response.status === status) return;
    if (Date.now() > deadline) throw new Error(`/api/health stayed at ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!available)('when PostgreSQL goes down and comes back', () => {
  it('serves every page while the database answers', async () => {
    await waitForHealth(200);
    for (const [pathname, shown] of [
      ['/', articleTitle],
      [article, articleSentence],
      ['/analysis', articleTitle],
      ['/search?q=fiscal', foundArticle],
    ] as const) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(await response.text(), pathname).toMatch(shown);
    }
  });

  it('reports 503 at /api/health once the database is out of reach', async () => {
    await gate.close();
    const response = await get('/api/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', database: { ok: false } });
  });

  it('still serves public pages built from cached data', async () => {
    for (const [pathname, text] of [
      ['/', articleTitle],
      [article, articleTitle],
      [article, articleSentence],
    ] as const) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(await response.text()).toContain(text);
    }
  });

  it('answers 503 with a friendly page where a page needs the database', async () => {
    for (const [pathname, what] of [
      // A search nobody made before the outage: one kept from before is still served.
      [`/search?q=fiscal+${Date.now().toString(36)}`, 'Search'],
      ['/login', 'Signing in and joining'],
      ['/account', 'Your account'],
      ['/support', 'Giving online'],
    ] as const) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
      expect(await response.text()).toContain(`${what} is unavailable for a moment`);
    }
  });

  it('shows that page to a visitor in Chromium, with a way back to the site', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${server.url}/search?q=energy+${Date.now().toString(36)}`);
      expect(response?.status()).toBe(503);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Search is unavailable for a moment');
      await page.getByRole('link', { name: 'go to the home page' }).click();
      await page.waitForURL(`${server.url}/`);
      expect(await page.getByRole('heading', { name: articleTitle }).count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });

  it('recovers by itself when the database is back, without a restart', async () => {
    const pid = server.process.pid;
    await gate.open();
    // The server's own probe notices; nothing here asks /api/health until it has had time to.
    const deadline = Date.now() + 30_000;
    let status = 0;
    let body = '';
    while (Date.now() < deadline) {
      const response = await get('/login');
      status = response.status;
      body = await response.text();
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect(body).toContain('Members’ log in</h1>');
    const search = await get('/search?q=fiscal');
    expect(search.status).toBe(200);
    expect(await search.text()).toMatch(foundArticle);
    await waitForHealth(200);
    expect(server.process.pid).toBe(pid);
    expect(server.process.exitCode).toBeNull();
  });

  it('notices an outage from the first page that fails, then recovers again', async () => {
    await gate.close();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const first = await page.goto(`${server.url}/search?q=energy+${Date.now().toString(36)}`);
      expect(first?.status()).toBeGreaterThanOrEqual(500);
      expect(await first?.text()).not.toMatch(/ECONNREFUSED|postgres:\/\//);
      // Whether this page or the server's own content watch met the outage first, the visitor
      // is told that the page cannot be shown, on the site's error page or the outage page.
      await page
        .getByRole('heading', {
          name: /^(This page could not be shown|Search is unavailable for a moment)$/,
        })
        .waitFor();
    } finally {
      await browser.close();
    }
    await expect.poll(async () => (await get('/search?q=energy')).status).toBe(503);
    await gate.open();
    await waitForHealth(200);
    const recovered = await get('/search?q=energy');
    expect(recovered.status).toBe(200);
    expect(await recovered.text()).toMatch(
      /<h3[^>]*><a[^>]*href="\/articles\/grid-connections-new-bottleneck"/,
    );
  });
});
