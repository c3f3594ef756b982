import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markDatabaseDown, markDatabaseUp } from '@/lib/platform/database-availability';
import { getAuthSecret } from '@/lib/auth/secret';
import { startPageFill } from '@/lib/page-cache/fill';
import { serveFromPageCache, sharedCacheControl } from '@/lib/page-cache/serve';
import { cachedPage, clearPageCache, fillPage } from '@/lib/page-cache/store';

const nonce = 'cmVuZGVyIG5vbmNl';
const html = `<html><body><p>Analysis</p><script nonce="${nonce}">self.__next_f.push([1])</script></body></html>`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// A render for the cache, with the nonce Next put on its scripts.
const render = async () => ({ html, nonce });

// Stands for Next: whatever the fast path leaves, and the cache's own renders, land here.
let next: Server;
let nextOrigin: string;
const reachedNext: string[] = [];
// What Next answers the cache's renders with.
let nextAnswer: { status?: number; contentType: string; body: string };
let site: Server;
let siteUrl: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
}

beforeAll(async () => {
  next = createServer((request, response) => {
    reachedNext.push(`${request.url} ${request.headers['x-page-cache-fill'] ?? ''}`.trim());
    response.writeHead(nextAnswer.status ?? 200, {
      'content-type': nextAnswer.contentType,
      'content-security-policy': `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    });
    response.end(nextAnswer.body);
  });
  nextOrigin = await listen(next);
  site = createServer((request, response) => {
    void serveFromPageCache(request, response, nextOrigin).then((served) => {
      if (served) return;
      reachedNext.push(request.url!);
      response.writeHead(404).end();
    });
  });
  siteUrl = await listen(site);
});

afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
  await new Promise((resolve) => next.close(resolve));
});

beforeEach(() => {
  clearPageCache();
  markDatabaseUp();
  reachedNext.length = 0;
  nextAnswer = { contentType: 'text/html; charset=utf-8', body: '<p>rendered again</p>' };
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http rather than fetch, which would decompress the body and hide Content-Encoding.
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${siteUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const page = { accept: 'text/html,application/xhtml+xml' };

const sessionToken = (salt = 'authjs.session-token') =>
  encode({ token: { sub: 'member-id', sid: 'session-id' }, salt, secret: getAuthSecret() });

describe('the page cache in the server entry', () => {
  it('serves a page the cache holds with its hashes, a request id and no Next', async () => {
    await fillPage('/analysis?kind=report', render);
    const answer = await get('/analysis?kind=report', page);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(html);
    expect(answer.headers['x-page-cache']).toBe('hit');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(html)));
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const policy = String(answer.headers['content-security-policy']);
    const scripts = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
    expect(scripts.slice(0, 2)).toEqual(["'self'", sha256('self.__next_f.push([1])')]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain('nonce');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['cache-control']).toBe(sharedCacheControl);
    expect(answer.headers['cache-control']).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
    );
    expect(answer.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(reachedNext).toEqual([]);
  });

  it('answers a request that holds the page’s ETag with 304 and no body', async () => {
    await fillPage('/series', render);
    const { etag } = (await get('/series', page)).headers as { etag: string };
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const answer = await get('/series', { ...page, 'if-none-match': ifNoneMatch });
      expect(answer.status, ifNoneMatch).toBe(304);
      expect(answer.body.length).toBe(0);
      expect(answer.headers.etag).toBe(etag);
      expect(answer.headers['cache-control']).toBe(sharedCacheControl);
    }
    const changed = await get('/series', { ...page, 'if-none-match': '"other"' });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe(html);
  });

  it('gives the same page the same ETag, and a changed page another', async () => {
    await fillPage('/series', render);
    const first = (await get('/series', page)).headers.etag;
    clearPageCache();
    await fillPage('/series', render);
    expect((await get('/series', page)).headers.etag).toBe(first);
    clearPageCache();
    await fillPage('/series', async () => ({ html: `${html}<p>new</p>`, nonce }));
    expect((await get('/series', page)).headers.etag).not.toBe(first);
  });

  it('sends it gzip-compressed to a browser that accepts gzip, and not to one that refuses it', async () => {
    await fillPage('/people', render);
    const gzipped = await get('/people', { ...page, 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).toString()).toBe(html);
    expect(gzipped.headers['content-length']).toBe(String(gzipped.body.length));
    const refused = await get('/people', { ...page, 'accept-encoding': 'gzip;q=0, br' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(html);
  });

  it('leaves a signed-in reader to Next, over http or https', async () => {
    await fillPage('/analysis', render);
    const secure = '__Secure-authjs.session-token';
    for (const cookie of [
      `a=1; authjs.session-token=${await sessionToken()}`,
      `${secure}=${await sessionToken(secure)}`,
    ]) {
      expect((await get('/analysis', { ...page, cookie })).status).toBe(404);
    }
    expect(reachedNext).toEqual(['/analysis', '/analysis']);
  });

  it('serves the page to a session cookie anyone could send, rendering nothing for it', async () => {
    await fillPage('/analysis', render);
    for (const cookie of ['authjs.session-token=x', '__Secure-authjs.session-token.0=x']) {
      expect((await get('/analysis', { ...page, cookie })).headers['x-page-cache']).toBe('hit');
    }
    expect(reachedNext).toEqual([]);
  });

  it.each([
    ['a client navigation', '/analysis', { rsc: '1', accept: '*/*' }],
    ['a router prefetch', '/analysis', { 'next-router-prefetch': '1' }],
    ['a segment prefetch', '/analysis', { 'next-router-segment-prefetch': '/_tree' }],
    ['a request with a router state', '/analysis', { 'next-router-state-tree': '%5B%5D' }],
    ['an RSC query', '/analysis?_rsc=abc', page],
    ['a server action', '/analysis', { 'next-action': 'abc' }],
    ['a page that is not public', '/support', page],
    ['a slug that could name nothing', '/articles/Not_A_Slug', page],
    ['a form post', '/analysis', page, 'POST'],
  ])('leaves %s to Next', async (_label, path, headers, method = 'GET') => {
    await fillPage(path, render);
    const answer = await get(path, headers, method);
    expect(answer.status).toBe(404);
    expect(reachedNext).toEqual([path]);
  });

  it('renders a page it lacks once for every reader asking meanwhile, then keeps it', async () => {
    nextAnswer = { contentType: 'text/html; charset=utf-8', body: html };
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/series', page)));
    for (const answer of answers) {
      expect(answer.headers['x-page-cache']).toBe('filled');
      expect(answer.body.toString()).toBe(html);
    }
    expect(reachedNext).toEqual([expect.stringMatching(/^\/series [\w-]{32}$/)]);
    expect((await get('/series', page)).headers['x-page-cache']).toBe('hit');
  });

  it('leaves to Next a page whose render is not one to keep, and a target that is not a path', async () => {
    nextAnswer = { status: 500, contentType: 'text/html; charset=utf-8', body: 'Failed' };
    expect((await get('/articles/failing-piece', page)).status).toBe(404);
    expect(reachedNext).toEqual([
      expect.stringMatching(/^\/articles\/failing-piece [\w-]{32}$/),
      '/articles/failing-piece',
    ]);
    reachedNext.length = 0;
    expect((await get('//series', page)).status).toBe(404);
    expect(reachedNext).toEqual(['//series']);
  });

  it('keeps a page that is not there, so that shared caches replace one taken down', async () => {
    nextAnswer = { status: 404, contentType: 'text/html; charset=utf-8', body: html };
    const first = await get('/articles/taken-down', page);
    expect(first.status).toBe(404);
    expect(first.headers['x-page-cache']).toBe('filled');
    const again = await get('/articles/taken-down', page);
    expect(again.status).toBe(404);
    expect(again.headers['x-page-cache']).toBe('hit');
    expect(again.headers['cache-control']).toBe(sharedCacheControl);
    expect(again.body.toString()).toBe(html);
    expect(reachedNext).toHaveLength(1);
  });

  it('keeps one page per search from its second ask, however its words and filters are written', async () => {
    nextAnswer = { contentType: 'text/html; charset=utf-8', body: html };
    const first = await get('/search?q=fiscal%20rules&kind=report', page);
    expect(first.headers['x-page-cache']).toBeUndefined();
    const second = await get('/search?kind=report&q=fiscal+rules', page);
    expect(second.headers['x-page-cache']).toBe('filled');
    for (const path of [
      '/search?q=%20fiscal%20%20rules%20&kind=report&utm_source=x',
      '/search?q=fiscal+rules&kind=report&topic=Not_A_Slug&page=1',
    ]) {
      expect((await get(path, page)).headers['x-page-cache'], path).toBe('hit');
    }
    expect(reachedNext).toEqual([
      // Asked once: rendered by Next for that reader alone.
      '/search?q=fiscal%20rules&kind=report',
      expect.stringMatching(/^\/search\?q=fiscal\+rules&kind=report [\w-]{32}$/),
    ]);
  });

  it.each([
    ['no Accept header', {}],
    ['Accept: */*', { accept: '*/*' }],
    ['Accept: application/json', { accept: 'application/json' }],
  ])('serves the page, as Next would, to a client that sends %s', async (_label, headers) => {
    await fillPage('/privacy', render);
    const answer = await get('/privacy', headers);
    expect(answer.headers['x-page-cache']).toBe('hit');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body.toString()).toBe(html);
    expect(reachedNext).toEqual([]);
  });

  it('answers HEAD with the page’s headers and no body', async () => {
    await fillPage('/', render);
    const answer = await get('/', {}, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-page-cache']).toBe('hit');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(html)));
    expect(answer.body.length).toBe(0);
    expect(reachedNext).toEqual([]);
  });

  it('serves the one entry of a page however its query is written', async () => {
    await fillPage('/analysis?kind=report&page=2', render);
    for (const path of [
      '/analysis?page=2&kind=report',
      '/analysis?utm_source=feed&kind=report&page=2&kind=commentary',
      '/analysis?kind=report&page=%32',
    ]) {
      expect((await get(path, page)).headers['x-page-cache'], path).toBe('hit');
    }
    await fillPage('/articles/grid-connections', render);
    expect((await get('/articles/grid%2Dconnections?ref=x', page)).headers['x-page-cache']).toBe(
      'hit',
    );
    expect(reachedNext).toEqual([]);
  });

  it('serves a page past its minute as stale while the cache renders it again', async () => {
    await fillPage('/topics', render);
    cachedPage('/topics')!.page.storedAt -= 2 * 60_000;
    const answer = await get('/topics', page);
    expect(answer.headers['x-page-cache']).toBe('stale');
    expect(answer.body.toString()).toBe(html);
    await expect.poll(() => cachedPage('/topics')?.fresh).toBe(true);
    expect(reachedNext).toEqual([expect.stringMatching(/^\/topics [\w-]{32}$/)]);
    expect((await get('/topics', page)).body.toString()).toBe('<p>rendered again</p>');
  });

  it('serves a page of any age, and renders nothing, while the database is down', async () => {
    await fillPage('/privacy', render);
    cachedPage('/privacy')!.page.storedAt -= 60 * 60_000;
    markDatabaseDown();
    const answer = await get('/privacy', page);
    expect(answer.headers['x-page-cache']).toBe('stale');
    expect(answer.body.toString()).toBe(html);
    expect(reachedNext).toEqual([]);
    expect((await get('/topics', page)).status).toBe(404);
    expect(reachedNext).toEqual(['/topics']);
  });
});

describe('renders for the cache', () => {
  it('keep a page Next answered with HTML, hashing the scripts that carry the render’s nonce', async () => {
    nextAnswer = {
      contentType: 'text/html; charset=utf-8',
      body: `<p>x</p><script nonce="${nonce}">go()</script><script>injected()</script>`,
    };
    const kept = await startPageFill('/series', nextOrigin);
    expect(kept?.scriptHashes).toEqual([sha256('go()')]);
    expect(cachedPage('/series')?.page.body.toString()).toBe(nextAnswer.body);
    expect(reachedNext).toEqual([expect.stringMatching(/^\/series [\w-]{32}$/)]);
  });

  it('carry a mark no client can copy: only the process’s own renders pass the cache by', async () => {
    await startPageFill('/series', nextOrigin);
    const mark = reachedNext[0]!.split(' ')[1]!;
    reachedNext.length = 0;
    for (const forged of ['1', 'true', mark.slice(1), `${mark}x`]) {
      const answer = await get('/series', { ...page, 'x-page-cache-fill': forged });
      expect(answer.headers['x-page-cache']).toBe('hit');
    }
    expect(reachedNext).toEqual([]);
    expect((await get('/series', { ...page, 'x-page-cache-fill': mark })).status).toBe(404);
    expect(reachedNext).toEqual(['/series']);
  });

  it.each([
    ['a payload for the client router', 'text/x-component', '0:{"b":"build"}'],
    ['JSON', 'application/json', '{"page":"series"}'],
  ])('never keep %s as the page', async (_label, contentType, body) => {
    nextAnswer = { contentType, body };
    expect(await startPageFill('/series', nextOrigin)).toBeNull();
    expect(cachedPage('/series')).toBeUndefined();
  });
});
