import { NextResponse, type NextRequest } from 'next/server';

// Auth.js names its session cookie with a __Secure- prefix on https, and splits large ones
// into numbered chunks.
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((cookie) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(cookie.name));
}

/**
 * Routing only, never authorization: a request that may belong to a signed-in reader is served
 * by the per-request article view, which decides from the session what the reader may see.
 * Everyone else gets the cached public page.
 */
export function proxy(request: NextRequest) {
  if (!hasSessionCookie(request)) return NextResponse.next();
  const slug = request.nextUrl.pathname.slice('/articles/'.length);
  const url = request.nextUrl.clone();
  url.pathname = `/members-view/${slug}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ['/articles/:slug'],
};
