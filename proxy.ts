import { NextResponse, type NextRequest } from 'next/server';
import { databaseDownSince } from '@/lib/platform/database-availability';
import { signedInHint, signedInHintOptions } from '@/lib/auth/signed-in-hint';
import { getSiteConfig } from '@/lib/config/site';
import { getEnv } from '@/lib/platform/env';
import { acceptRequestId, requestIdHeader } from '@/lib/platform/request-id';
import { hasSessionToken, isSessionCookie } from '@/lib/auth/session-cookie';
import { contentSecurityPolicy, createNonce, securityOptions } from '@/lib/security/headers';
import { describePath, unavailablePageHtml } from '@/lib/platform/unavailable-page';

const articlePath = /^\/articles\/([^/]+)$/;

// Pages that read or write the database on every request, as opposed to public pages built
// from cached data, which are still served while the database is out of reach.
const needsDatabase =
  /^\/(search|support|membership|account|admin|members-view|login|join|forgot-password|reset-password|verify-email|confirm-email|undo-email-change)(\/|$)/;

const retryAfterSeconds = 30;

function unavailable(pathname: string, policy: string): NextResponse {
  const html = unavailablePageHtml({
    siteName: getSiteConfig().name,
    what: describePath(pathname),
    retryAfterSeconds,
  });
  return new NextResponse(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(retryAfterSeconds),
      'content-security-policy': policy,
    },
  });
}

/**
 * Nonces, routing and the outage page; never authorization: an article request that may belong to a signed-in reader
 * is served by the per-request article view, which decides from the session what the reader
 * may see. Everyone else gets the public page, built from cached data.
 *
 * Every page also gets a Content-Security-Policy with a fresh nonce. Next reads the nonce from
 * the request's policy and puts it on the scripts it renders; the response's policy replaces
 * the nonce-less one that next.config.ts sends with every response.
 *
 * Each page request also gets an id (x-request-id, on the request and the response) that the
 * server's log lines for it carry.
 */
export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(securityOptions(getEnv(), createNonce()));
  const requestId = acceptRequestId(request.headers.get(requestIdHeader));
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set(requestIdHeader, requestId);

  const { pathname } = request.nextUrl;
  // While the database is out of reach, a page that needs it says so with a 503 instead of
  // failing, and a signed-in reader gets the public article, which is built from cached data.
  const databaseDown = databaseDownSince() !== null;
  if (databaseDown && needsDatabase.test(pathname)) {
    const page = unavailable(pathname, policy);
    page.headers.set(requestIdHeader, requestId);
    return page;
  }

  // Pages from the page cache never come here: the server entry serves them (lib/page-cache/).
  const cookies = request.cookies.getAll();
  // A session cookie that is not one of this site's tokens is ignored.
  const signedIn = cookies.some((cookie) => isSessionCookie(cookie.name))
    ? await hasSessionToken(cookies)
    : false;

  const article = articlePath.exec(pathname);
  let response: NextResponse;
  if (article && signedIn && !databaseDown) {
    const url = request.nextUrl.clone();
    url.pathname = `/members-view/${article[1]}`;
    response = NextResponse.rewrite(url, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('content-security-policy', policy);
  response.headers.set(requestIdHeader, requestId);
  // A session that began before the header's hint existed, or whose hint was lost, gets it back.
  if (signedIn && !request.cookies.has(signedInHint.name)) {
    response.cookies.set(
      signedInHint.name,
      signedInHint.value,
      signedInHintOptions(getEnv().siteUrl),
    );
  }
  return response;
}

export const config = {
  matcher: [
    // Every request for an article, as before, so a signed-in reader's prefetches and
    // navigations reach the per-request view as well.
    '/articles/:slug',
    // Pages. Left out: build assets, optimised images, uploads, route handlers under /api and
    // files such as feeds, the sitemap and robots.txt, which run no script (next.config.ts
    // gives them the nonce-less policy); prefetches, which are not documents; and server
    // action calls, which answer with data and whose bodies (image uploads up to 11 MB) the
    // proxy would otherwise buffer and cut at its 10 MB limit.
    {
      source: '/((?!_next/static|_next/image|api/|media/|.*\\.(?:xml|txt|svg|ico)$).*)',
      missing: [
        { type: 'header', key: 'next-action' },
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
