import { isPageFill, pageFillHeader } from './fill';
import { publicPageKey } from './public-pages';

/** What the cache rule needs to know of a request. */
export interface PageRequest {
  method: string;
  pathname: string;
  /** The query string with its "?", or "". */
  search: string;
  header(name: string): string | null;
  /** Whether the request carries a session token of this site (lib/auth/session-cookie.ts). */
  signedIn: boolean;
}

// Next's client router asks for a page's React Server Components payload, not its HTML, with
// these headers and an _rsc parameter; a server action call carries Next-Action.
const routerHeaders = [
  'rsc',
  'next-action',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-hmr-refresh',
];

/**
 * The cache rule, the one place that says which requests get a page that is the same for
 * everyone: a GET or HEAD of a public page, without a session, that is not the client router's
 * request for a page's payload nor a server action, nor the server's own render of a page for the
 * cache. Whatever it accepts: Next answers such a
 * request with the page's HTML, and so does the cache. The deploy recipe's nginx configuration
 * (deploy/nginx/) applies the same rule. Returns the page's cache key, or null.
 */
export function cacheablePageKey(request: PageRequest): string | null {
  const { method, pathname, search } = request;
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (request.signedIn || isPageFill(request.header(pageFillHeader))) return null;
  if (routerHeaders.some((name) => request.header(name) !== null)) return null;
  if (new URLSearchParams(search).has('_rsc')) return null;
  return publicPageKey(pathname, search);
}
