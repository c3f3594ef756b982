import { timingSafeEqual } from 'node:crypto';
import { databaseDownSince } from '@/db/availability';
import { getEnv } from '@/lib/env';
import { securityHeaders, securityOptions } from './headers';
import { cachedPage, fillPage, type CachedPage } from './page-cache';
import { publicPageKey } from './public-pages';

/** Marks the server's own request that renders a page for the cache: it is never served from it. */
export const pageFillHeader = 'x-page-cache-fill';

// The header's value: random per process and known to it alone, on globalThis because proxy.ts,
// which checks it, and the server code that renders pages are bundled apart. A client that sends
// the header without it is served from the cache as anyone else, so it cannot force renders.
const fillSecretKey = Symbol.for('northgate.page-cache.fill-secret');
type Global = typeof globalThis & { [fillSecretKey]?: string };

function fillSecret(): string {
  const store = globalThis as Global;
  store[fillSecretKey] ??= Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString(
    'base64url',
  );
  return store[fillSecretKey];
}

/** Whether a request is this process's own render of a page for the cache. */
export function isPageFill(value: string | null): boolean {
  if (value === null) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(fillSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the page cache needs to know of a request, from Next's or from Node's own. */
export interface PageRequest {
  method: string;
  pathname: string;
  /** The query string with its "?", or "". */
  search: string;
  header(name: string): string | null;
  cookieNames: string[];
}

// Auth.js names its session cookie with a __Secure- prefix on https, and splits large ones
// into numbered chunks.
export const isSessionCookie = (name: string) =>
  /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);

// Next's client router asks for a page's React Server Components payload, not its HTML, with
// these headers and an _rsc parameter (next.config.ts lets the proxy see them as sent).
const routerHeaders = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-hmr-refresh',
];

/**
 * The cache key of a request an anonymous reader makes for a whole public page, or null. Every
 * GET or HEAD of a public page without a session cookie is one, whatever it accepts: Next
 * answers it with the page's HTML, and so does the cache. Not the cache's own renders, nor the
 * client router's requests for a page's payload.
 */
export function anonymousPageKey(request: PageRequest): string | null {
  const { method, pathname, search } = request;
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (request.cookieNames.some(isSessionCookie) || isPageFill(request.header(pageFillHeader))) {
    return null;
  }
  if (routerHeaders.some((name) => request.header(name) !== null)) return null;
  if (new URLSearchParams(search).has('_rsc')) return null;
  return publicPageKey(pathname, search);
}

/** How the cache answered: a page it held fresh, one it held past its minute, one it waited for. */
export type CacheAnswer = 'hit' | 'stale' | 'filled';

/**
 * The headers of a page served from the cache: the security headers, with a policy that allows
 * its inline scripts by their hashes, and how the cache answered.
 */
export function cachedPageHeaders(page: CachedPage, answer: CacheAnswer): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    // As Next answers for a page rendered per request: browsers and shared caches revalidate.
    'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
    'x-page-cache': answer,
  };
  const security = securityHeaders(securityOptions(getEnv(), undefined, page.scriptHashes));
  for (const { key, value } of security) headers[key] = value;
  return headers;
}

// Where this server listens, as `next start` and server.ts record it. The public address may be
// behind a proxy that this process cannot reach.
function ownOrigin(fallback: string): string {
  return process.env.__NEXT_PRIVATE_ORIGIN ?? fallback;
}

// A render for the cache is one more request to the server and, when the server is busy, waits
// its turn as long as the rest. Readers who wait on it are better served by that one render,
// however long, than each by a render of their own that would add to the queue it waits in.
const fillTimeoutMs = 30_000;

/**
 * Renders the page for the cache, as an anonymous reader's request with no cookie, and keeps it
 * when Next answers 200 with HTML under a policy with a nonce, and sets no cookie. Resolves to
 * the page, or null when there is none to keep (an error, a 404, a redirect, too slow): that
 * reader's page is then rendered for them alone.
 */
export function startPageFill(key: string, origin: string): Promise<CachedPage | null> {
  return fillPage(key, async () => {
    const response = await fetch(`${ownOrigin(origin)}${key}`, {
      headers: { [pageFillHeader]: fillSecret(), accept: 'text/html' },
      redirect: 'manual',
      signal: AbortSignal.timeout(fillTimeoutMs),
    });
    const html = await response.text();
    // The nonce proxy.ts gave this render, which Next put on every script it emitted.
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '');
    const isPage =
      response.status === 200 &&
      response.headers.get('content-type')?.startsWith('text/html') &&
      !response.headers.has('set-cookie');
    return isPage && nonce ? { html, nonce: nonce[1]! } : null;
  }).catch(() => null);
}

/**
 * The page the cache holds for `key`, and how it answers: fresh, or past its minute, in which
 * case one render replaces it while it is served. While the database is out of reach, a page
 * of any age, and no render, which could not succeed.
 */
export function keptPage(
  key: string,
  origin: string,
): { page: CachedPage; answer: CacheAnswer } | undefined {
  const databaseDown = databaseDownSince() !== null;
  const found = cachedPage(key, { anyAge: databaseDown });
  if (!found) return undefined;
  if (!found.fresh && !databaseDown) void startPageFill(key, origin);
  return { page: found.page, answer: found.fresh ? 'hit' : 'stale' };
}
