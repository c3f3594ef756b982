import { signOut } from '@/lib/auth/auth';
import { isSameOriginPost } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

/**
 * The header's "Log out": a plain form post, so the page that follows is loaded afresh and
 * every part of it knows the reader is signed out. The session ends on the server, as from the
 * account page.
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request.headers)) {
    return new Response('Log out from one of this site’s pages.', { status: 403 });
  }
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: '/', 'Cache-Control': 'private, no-store' },
  });
}
