import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasSessionToken, isSessionCookie } from '@/lib/auth/session-cookie';
import { getEnv } from '@/lib/platform/env';
import { acceptRequestId, requestIdHeader } from '@/lib/platform/request-id';
import { securityHeaders, securityOptions } from '@/lib/security/headers';
import { findPage, type CacheAnswer } from './fill';
import { cacheablePageKey } from './rule';
import type { CachedPage } from './store';

/**
 * How long browsers, nginx and CDNs may keep a cached page: browsers ask again each time (with
 * its ETag, so an unchanged page costs a 304); shared caches keep it a minute, serve it for ten
 * more while they fetch a new copy, and for a day while this server fails. The same header
 * whether the page comes from this process, nginx or a CDN.
 */
export const sharedCacheControl =
  'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

/**
 * Serves the pages the cache rule (./rule.ts) admits from the page cache, straight from the
 * HTTP server (server.ts), before Next routes the request: a cached page costs a lookup and a
 * write instead of a pass through Next's router and proxy, so readers of a busy page leave the
 * server's one thread to searches, sign-ins, gifts and Stripe's webhooks. A page the cache lacks
 * is rendered once, through `origin`, for everyone asking for it meanwhile. Everything else goes
 * on to Next.
 *
 * Resolves to whether it answered.
 */
export async function serveFromPageCache(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<boolean> {
  const target = request.url ?? '';
  // Only an origin-form target ("/path?query"): anything else is Next's to refuse or route.
  if (!target.startsWith('/') || target.startsWith('//')) return false;
  const queryAt = target.indexOf('?');
  const cookies = parseCookies(request.headers.cookie);
  const key = cacheablePageKey({
    method: request.method ?? '',
    pathname: queryAt === -1 ? target : target.slice(0, queryAt),
    search: queryAt === -1 ? '' : target.slice(queryAt),
    header: (name) => headerOf(request, name),
    // A session cookie that is not one of this site's tokens is ignored: it costs no render.
    signedIn: cookies.some(({ name }) => isSessionCookie(name)) && (await hasSessionToken(cookies)),
  });
  if (!key) return false;

  const found = await findPage(key, origin);
  if (!found) return false;
  const { page, answer } = found;
  const headers = cachedPageHeaders(page, answer);
  headers[requestIdHeader] = acceptRequestId(headerOf(request, requestIdHeader));
  if (page.status === 200 && matchesEtag(headerOf(request, 'if-none-match'), page.etag)) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  const body = acceptsGzip(request) ? page.gzipped : page.body;
  headers['content-type'] = 'text/html; charset=utf-8';
  if (body !== page.body) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  response.writeHead(page.status, headers);
  // Node leaves the body out of the answer to a HEAD request.
  response.end(body);
  return true;
}

/**
 * The headers of a page served from the cache: the security headers, with a policy that allows
 * its inline scripts by their hashes, caching any shared cache understands, and how the cache
 * answered.
 */
export function cachedPageHeaders(page: CachedPage, answer: CacheAnswer): Record<string, string> {
  const headers: Record<string, string> = {
    'cache-control': sharedCacheControl,
    etag: page.etag,
    vary: 'Accept-Encoding',
    'x-page-cache': answer,
  };
  const security = securityHeaders(securityOptions(getEnv(), undefined, page.scriptHashes));
  for (const { key, value } of security) headers[key] = value;
  return headers;
}

function headerOf(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseCookies(cookie: string | undefined): { name: string; value: string }[] {
  if (!cookie) return [];
  return cookie.split(';').map((pair) => {
    const at = pair.indexOf('=');
    return at === -1
      ? { name: pair.trim(), value: '' }
      : { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
}

// If-None-Match compares weakly (RFC 9110 13.1.2): a CDN that compressed the page may have
// marked our tag weak.
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

// "gzip", possibly with a weight; "gzip;q=0" refuses it.
function acceptsGzip(request: IncomingMessage): boolean {
  return (headerOf(request, 'accept-encoding') ?? '').split(',').some((part) => {
    const [coding, ...parameters] = part.split(';').map((item) => item.trim().toLowerCase());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    return coding === 'gzip' && (weight === undefined || Number(weight.slice(2)) > 0);
  });
}
