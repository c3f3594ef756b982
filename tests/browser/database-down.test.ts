import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../../scripts/lib/next-server';
import { seriousViolations } from './axe';
import { launchBrowser } from './chromium';

let server: RunningServer;

beforeAll(async () => {
  // A port where nothing listens stands for a database server that is down.
  const closedPort = await freePort();
  server = await startServer({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/northgate`,
    AUTH_SECRET: 'a'.repeat(40),
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('with the database down', () => {
  it('the server starts, says why in one line, and keeps running', async () => {
    expect(server.process.exitCode).toBeNull();
    expect(server.logs()).toMatch(
      /Cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/northgate: connection refused/,
    );
    expect(server.logs()).not.toMatch(/^\s+at /m);
  });

  it('/api/health answers 503', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', database: { ok: false } });
  });

  it('answers 503 with a friendly page where a page needs the database', async () => {
    const response = await fetch(`${server.url}/search?q=fiscal`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Search is unavailable for a moment');
  });

  it('shows the site’s error page, not a stack trace, where nothing is cached yet', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/ECONNREFUSED|Failed query/);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'This page could not be shown' }).waitFor();
      expect(await page.getByRole('link', { name: 'Home page' }).count()).toBe(1);
      // It looks like the site, once: one header, one main, one footer, and a title that says so.
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('contentinfo').count()).toBe(1);
      await expect.poll(() => page.title()).toBe('Something went wrong | Northgate Institute');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(server.process.exitCode).toBeNull();
  });
});
