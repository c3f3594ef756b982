import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
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

describe('every plain GET of a public page comes from the page cache', () => {
  it.each([
    ['no Accept header', {}],
    ['Accept: */*', { accept: '*/*' }],
    ['Accept: application/json', { accept: 'application/json' }],
    ['a browser', browser],
  ])('%s is served the cached HTML page', async (_label, headers) => {
    const html = await (await kept(article)).text();
    const response = await load(article, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page-cache')).toBe('hit');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(html);
  });

  it('answers HEAD from the cache with the headers alone', async () => {
    const page = await kept('/series');
    await page.arrayBuffer();
    const response = await load('/series', browser, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page-cache')).toBe('hit');
    for (const name of ['content-type', 'content-length', 'content-encoding']) {
      expect(response.headers.get(name), name).toBe(page.headers.get(name));
    }
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('never answers a client navigation with the page, nor keeps its payload as the page', async () => {
    // A page no one has asked for yet: the navigation comes first.
    const pathname = '/topics/health';
    for (const query of ['', `?_rsc=${random()}`]) {
      const navigation = await load(`${pathname}${query}`, { rsc: '1' });
      expect(navigation.headers.get('x-page-cache')).toBeNull();
      expect(navigation.headers.get('content-type')).toContain('text/x-component');
      await navigation.arrayBuffer();
    }
    const page = await kept(pathname);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/);
    const again = await load(pathname, { rsc: '1' });
    expect(again.headers.get('x-page-cache')).toBeNull();
    expect(again.headers.get('content-type')).toContain('text/x-component');
  });
});

describe('responses any shared cache understands', () => {
  it('a cached page may be kept by shared caches, and revalidates by its ETag', async () => {
    const page = await kept('/people');
    await page.arrayBuffer();
    expect(page.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
    );
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const unchanged = await load('/people', { ...browser, 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await unchanged.arrayBuffer()).byteLength).toBe(0);
  });

  it('a search asked again is rendered once more and kept, however its words are spaced', async () => {
    const words = `levy ${random()}`;
    const first = await load(`/search?q=${encodeURIComponent(words)}`);
    expect(first.headers.get('x-page-cache')).toBeNull();
    expect(first.headers.get('cache-control')).toMatch(/^private, /);
    expect(await first.text()).toContain(words);
    const second = await load(`/search?q=${encodeURIComponent(words)}`);
    expect(second.headers.get('x-page-cache')).toBe('filled');
    expect(second.headers.get('cache-control')).toMatch(/^public, /);
    const html = await second.text();
    const again = await load(`/search?q=${encodeURIComponent(` ${words.replace(' ', '   ')} `)}`);
    expect(again.headers.get('x-page-cache')).toBe('hit');
    expect(await again.text()).toBe(html);
  });
});

describe('headers a client can forge', () => {
  it.each([
    ['a session cookie the site never issued', { cookie: 'authjs.session-token=made-up' }],
    [
      'a secure session cookie in chunks',
      { cookie: '__Secure-authjs.session-token.0=made; __Secure-authjs.session-token.1=up' },
    ],
    ['the mark of the cache’s own renders', { 'x-page-cache-fill': '1' }],
  ])('%s still gets the cached page, costing no render', async (_label, headers) => {
    const html = await (await kept(article)).text();
    for (let request = 0; request < 3; request++) {
      const response = await load(article, { ...browser, ...headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-page-cache')).toBe('hit');
      expect(await response.text()).toBe(html);
    }
  });
});

describe('query strings', () => {
  it('parameters a page does not read share the page’s one entry', async () => {
    const privacy = await (await kept('/privacy')).text();
    for (const query of [`p=${random()}`, `utm_source=${random()}&ref=x`, 'page=2']) {
      const response = await load(`/privacy?${query}`);
      expect(response.headers.get('x-page-cache')).toBe('hit');
      expect(await response.text()).toBe(privacy);
    }
  });

  it('a listing is kept once per filter and page, however the query is written', async () => {
    const reports = await (await kept('/analysis?kind=report')).text();
    for (const query of [
      `utm_source=${random()}&kind=report`,
      'kind=report&page=1',
      'page=one&kind=report',
      'kind=report&kind=commentary',
    ]) {
      const response = await load(`/analysis?${query}`);
      expect(response.headers.get('x-page-cache')).toBe('hit');
      expect(await response.text()).toBe(reports);
    }
    // A parameter the page does not read is not in what it renders either.
    const unfiltered = await (await kept('/analysis')).text();
    const ignored = await load(`/analysis?kind=${random()}&q=${random()}`);
    expect(ignored.headers.get('x-page-cache')).toBe('hit');
    expect(await ignored.text()).toBe(unfiltered);
  });

  it('a flood of made-up query strings does not push popular pages out', async () => {
    await kept('/');
    const flood = Array.from({ length: 520 }, () => `/privacy?p=${random()}`);
    for (let at = 0; at < flood.length; at += 8) {
      await Promise.all(
        flood.slice(at, at + 8).map(async (pathname) => (await load(pathname)).arrayBuffer()),
      );
    }
    expect((await load('/')).headers.get('x-page-cache')).toBe('hit');
  }, 180_000);
});

// Next's data cache writes an entry per key to the build folder, which the server shares.
const dataCacheDir = path.join(process.cwd(), '.next/cache/fetch-cache');
const dataCacheEntries = () =>
  fs.existsSync(dataCacheDir) ? fs.readdirSync(dataCacheDir).length : 0;

describe('misses cost nothing kept', () => {
  it('unknown slugs and pages past the end write nothing to the data cache, and one render a minute', async () => {
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
      ...['series', 'topics', 'people'].map((kind) => `/${kind}/no-such-${random()}`),
    ];
    for (const pathname of misses) {
      const response = await load(pathname);
      expect(response.status, pathname).toBe(404);
      // Kept as a page (so shared caches replace a piece taken down), in a share of its own.
      expect(response.headers.get('x-page-cache'), pathname).toBe('filled');
      await response.arrayBuffer();
    }
    const again = await load(misses[0]!);
    expect(again.status).toBe(404);
    expect(again.headers.get('x-page-cache')).toBe('hit');
    await again.arrayBuffer();
    // Entries are written after the answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(dataCacheEntries()).toBe(before);
  });

  it.each(['/analysis?page=999999999999', '/people/helen-orvik?page=100001'])(
    'an absurd page number is the listing’s 404 (%s)',
    async (pathname) => {
      const response = await load(pathname);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    },
  );
});

describe('the policy of a cached page', () => {
  it('allows the inline scripts Next emitted with its render’s nonce, and no other', async () => {
    const response = await kept(article);
    const policy = response.headers.get('content-security-policy')!;
    const allowed = /script-src ([^;]*)/
      .exec(policy)![1]!
      .split(' ')
      .filter((source) => source.startsWith("'sha256-"));
    const html = await response.text();
    const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
    const nonce = /\snonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeDefined();
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const emitted = scripts.filter(([, attributes]) => attributes!.includes(` nonce="${nonce}"`));
    const others = scripts.filter(([, attributes]) => !attributes!.includes(` nonce="${nonce}"`));
    expect(emitted.length).toBeGreaterThan(0);
    // The article's structured data is an inline script Next did not emit: it is not allowed
    // (it is data, never run, so it needs no hash either).
    expect(others.map(([, attributes]) => attributes)).toContain(' type="application/ld+json"');
    expect(new Set(allowed)).toEqual(new Set(emitted.map(([, , text]) => hash(text!))));
    for (const [, , text] of others) expect(allowed).not.toContain(hash(text!));
  });
});

describe('methods the site has no use for', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    '%s is refused with 405 before any render',
    async (method) => {
      const response = await load(article, browser, method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(await response.text()).toBe('Method not allowed\n');
    },
  );

  it('TRACE is refused the same way, not sent to an error page', async () => {
    const status = await new Promise<{ code?: number; allow?: string }>((resolve, reject) => {
      const request = http.request(`${baseUrl}/`, { method: 'TRACE' }, (response) => {
        response.resume();
        resolve({ code: response.statusCode, allow: response.headers.allow });
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toEqual({ code: 405, allow: 'GET, HEAD, POST' });
  });
});
