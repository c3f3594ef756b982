import { NextResponse, type NextRequest } from 'next/server';
import { fillPage, type CachedPage } from './page-cache';
import type { Header } from './headers';

/** Marks the server's own request that renders a page for the cache: it is never served from it. */
export const pageFillHeader = 'x-page-cache-fill';

// The pages that are the same for every anonymous reader. Not search (a query per visitor),
// giving, signing in or accounts.
const publicPage =
  /^\/(analysis|articles\/[^/]+|series(\/[^/]+)?|topics(\/[^/]+)?|experts(\/[^/]+)?|privacy)?$/;

/**
 * The cache key of a request an anonymous reader's browser makes for a whole public page, or
 * null. The cache's own renders go to Next, and so do React Server Components requests (client
 * navigations): Next strips their RSC header and _rsc parameter before the proxy sees them, but
 * they do not ask for HTML, as a browser's page load does.
 */
export function anonymousPageKey(request: NextRequest, signedIn: boolean): string | null {
  const { pathname, search, searchParams } = request.nextUrl;
  if (request.method !== 'GET' || signedIn) return null;
  if (!request.headers.get('accept')?.includes('text/html')) return null;
  if (request.headers.has('rsc') || request.headers.has(pageFillHeader)) return null;
  if (searchParams.has('_rsc') || !publicPage.test(pathname)) return null;
  return pathname + search;
}

export function serveCachedPage(page: CachedPage, headers: Header[]): NextResponse {
  const response = new NextResponse(page.html, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // As Next answers for a page rendered per request: browsers and shared caches revalidate.
      'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
      'x-page-cache': 'hit',
    },
  });
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

// Where this server listens: `next start` records it for its own use. The public address may
// be behind a proxy that this process cannot reach.
function ownOrigin(request: NextRequest): string {
  return process.env.__NEXT_PRIVATE_ORIGIN ?? request.nextUrl.origin;
}

/**
 * Renders the page for the cache in the background, as an anonymous reader's request with no
 * cookie, and keeps it when Next answers 200 with HTML and sets no cookie.
 */
export function startPageFill(key: string, request: NextRequest): void {
  void fillPage(key, async () => {
    const response = await fetch(`${ownOrigin(request)}${key}`, {
      headers: { [pageFillHeader]: '1', accept: 'text/html' },
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    const html = await response.text();
    const isPage =
      response.status === 200 &&
      response.headers.get('content-type')?.startsWith('text/html') &&
      !response.headers.has('set-cookie');
    return isPage ? html : null;
  }).catch(() => {
    // A page that cannot be rendered now is rendered per request until it can.
  });
}
