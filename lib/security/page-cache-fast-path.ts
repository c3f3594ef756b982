import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptRequestId, requestIdHeader } from '@/lib/request-id';
import { anonymousPageKey, cachedPageHeaders, keptPage } from './anonymous-pages';

/**
 * Serves a page the page cache holds straight from the HTTP server (server.ts), before Next
 * routes the request: a cached page then costs a lookup and a write instead of a pass through
 * Next's router and proxy, so readers of a busy page leave the server's one thread to searches,
 * sign-ins, gifts and Stripe's webhooks. Everything else, a page the cache lacks included, goes
 * on to Next, whose proxy renders and keeps it (proxy.ts).
 *
 * Returns whether it answered.
 */
export function serveFromPageCache(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): boolean {
  const target = request.url ?? '';
  // Only an origin-form target ("/path?query"): anything else is Next's to refuse or route.
  if (!target.startsWith('/') || target.startsWith('//')) return false;
  const queryAt = target.indexOf('?');
  const key = anonymousPageKey({
    method: request.method ?? '',
    pathname: queryAt === -1 ? target : target.slice(0, queryAt),
    search: queryAt === -1 ? '' : target.slice(queryAt),
    header: (name) => headerOf(request, name),
    cookieNames: cookieNames(request.headers.cookie),
  });
  if (!key) return false;

  const kept = keptPage(key, origin);
  if (!kept) return false;

  const { page } = kept;
  const headers = cachedPageHeaders(page, kept.answer);
  headers[requestIdHeader] = acceptRequestId(headerOf(request, requestIdHeader));
  headers.vary = 'Accept-Encoding';
  const body = acceptsGzip(request) ? page.gzipped : page.body;
  if (body !== page.body) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  // Node leaves the body out of the answer to a HEAD request.
  response.end(body);
  return true;
}

function headerOf(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function cookieNames(cookie: string | undefined): string[] {
  if (!cookie) return [];
  return cookie.split(';').map((pair) => pair.split('=', 1)[0]!.trim());
}

// "gzip", possibly with a weight; "gzip;q=0" refuses it.
function acceptsGzip(request: IncomingMessage): boolean {
  return (headerOf(request, 'accept-encoding') ?? '').split(',').some((part) => {
    const [coding, ...parameters] = part.split(';').map((item) => item.trim().toLowerCase());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    return coding === 'gzip' && (weight === undefined || Number(weight.slice(2)) > 0);
  });
}
