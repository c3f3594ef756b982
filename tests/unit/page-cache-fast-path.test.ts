import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markDatabaseDown, markDatabaseUp } from '@/db/availability';
import { serveFromPageCache } from '@/lib/security/page-cache-fast-path';
import { cachedPage, clearPageCache, fillPage } from '@/lib/security/page-cache';

const html = '<html><body><p>Analysis</p><script>self.__next_f.push([1])</script></body></html>';
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// Stands for Next: whatever the fast path leaves, and the cache's own renders, land here.
let next: Server;
let nextOrigin: string;
const reachedNext: string[] = [];
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
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<p>rendered again</p>');
  });
  nextOrigin = await listen(next);
  site = createServer((request, response) => {
    if (serveFromPageCache(request, response, nextOrigin)) return;
    reachedNext.push(request.url!);
    response.writeHead(404).end();
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

describe('the page cache fast path', () => {
  it('serves a page the cache holds with its hashes, a request id and no Next', async () => {
    await fillPage('/analysis?kind=report', async () => html);
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
    expect(reachedNext).toEqual([]);
  });

  it('sends it gzip-compressed to a browser that accepts gzip, and not to one that refuses it', async () => {
    await fillPage('/experts', async () => html);
    const gzipped = await get('/experts', { ...page, 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).toString()).toBe(html);
    expect(gzipped.headers['content-length']).toBe(String(gzipped.body.length));
    const refused = await get('/experts', { ...page, 'accept-encoding': 'gzip;q=0, br' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(html);
  });

  it.each([
    ['a signed-in reader', '/analysis', { ...page, cookie: 'a=1; authjs.session-token=x' }],
    [
      'a secure session cookie',
      '/analysis',
      { ...page, cookie: '__Secure-authjs.session-token.0=x' },
    ],
    ['a client navigation', '/analysis', { rsc: '1', accept: '*/*' }],
    ['a request that does not ask for HTML', '/analysis', { accept: 'application/json' }],
    ['the cache’s own render', '/analysis', { ...page, 'x-page-cache-fill': '1' }],
    ['an RSC query', '/analysis?_rsc=abc', page],
    ['a page that is not public', '/search?q=energy', page],
  ])('leaves %s to Next', async (_label, path, headers) => {
    await fillPage(path, async () => html);
    const answer = await get(path, headers);
    expect(answer.status).toBe(404);
    expect(reachedNext).toEqual([path]);
  });

  it('leaves a HEAD request, a page it lacks and a target that is not a path to Next', async () => {
    await fillPage('/', async () => html);
    expect((await get('/', page, 'HEAD')).status).toBe(404);
    expect((await get('/series', page)).status).toBe(404);
    expect((await get('//series', page)).status).toBe(404);
    expect(reachedNext).toEqual(['/', '/series', '//series']);
  });

  it('serves a page past its minute as stale while the cache renders it again', async () => {
    await fillPage('/topics', async () => html);
    cachedPage('/topics')!.page.storedAt -= 2 * 60_000;
    const answer = await get('/topics', page);
    expect(answer.headers['x-page-cache']).toBe('stale');
    expect(answer.body.toString()).toBe(html);
    await expect.poll(() => cachedPage('/topics')?.fresh).toBe(true);
    expect(reachedNext).toEqual(['/topics 1']);
    expect((await get('/topics', page)).body.toString()).toBe('<p>rendered again</p>');
  });

  it('serves a page of any age, and renders nothing, while the database is down', async () => {
    await fillPage('/privacy', async () => html);
    cachedPage('/privacy')!.page.storedAt -= 60 * 60_000;
    markDatabaseDown();
    const answer = await get('/privacy', page);
    expect(answer.headers['x-page-cache']).toBe('stale');
    expect(answer.body.toString()).toBe(html);
    expect(reachedNext).toEqual([]);
  });
});
