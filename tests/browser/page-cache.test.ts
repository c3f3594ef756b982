import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const article = '/articles/grid-connections-new-bottleneck';

// As a browser asks for a page; other clients send any Accept, or none.
const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

// No cookie: an anonymous reader, a script, a feed reader or a bot.
function load(pathname: string, headers: Record<string, string> = browser, method = 'GET') {
  return fetch(`${baseUrl}${pathname}`, { headers, method });
}

/** Asks until the page cache holds the page, as the first readers of a page do. */
async function kept(pathname: string): Promise<Response> {
  let response = await load(pathname);
  for (let attempt = 0; response.headers.get('x-page-cache') !== 'hit' && attempt < 20; attempt++) {
    await response.arrayBuffer();
    response = await load(pathname);
  }
  expect(response.headers.get('x-page-cache')).toBe('hit');
  return response;
}

const random = () => Math.random().toString(36).slice(2);

// Next's data cache writes an entry per key to the build folder, which the server shares.
const dataCacheDir = path.join(process.cwd(), '.next/cache/fetch-cache');
const dataCacheEntries = () =>
  fs.existsSync(dataCacheDir) ? fs.readdirSync(dataCacheDir).length : 0;

describe('misses cost nothing kept', () => {
  it('unknown slugs and pages past the end write nothing to the data cache', async () => {
    // Real pages first, and a page past the end of each listing, so the entries they need
    // (a listing's count, one per listing) exist before counting.
    for (const pathname of ['/analysis', '/series/fiscal-watch', '/topics/economy', article]) {
      await kept(pathname);
      await (await load(`${pathname}?page=299`)).arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = dataCacheEntries();
    const misses = [
      ...Array.from({ length: 10 }, (_, index) => `/articles/no-such-article-${index}-${random()}`),
      ...Array.from({ length: 10 }, (_, index) => `/analysis?page=${300 + index}`),
      ...Array.from({ length: 5 }, (_, index) => `/series/fiscal-watch?page=${300 + index}`),
      ...Array.from({ length: 5 }, (_, index) => `/topics/economy?page=${300 + index}`),
      ...['series', 'topics', 'experts'].map((kind) => `/${kind}/no-such-${random()}`),
    ];
    for (const pathname of misses) {
      const response = await load(pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.headers.get('x-page-cache'), pathname).toBeNull();
      await response.arrayBuffer();
    }
    // Entries are written after the answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(dataCacheEntries()).toBe(before);
  });

  it.each(['/analysis?page=999999999999', '/experts/helen-orvik?page=100001'])(
    'an absurd page number is the listing’s 404 (%s)',
    async (pathname) => {
      const response = await load(pathname);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    },
  );
});
