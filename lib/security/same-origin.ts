/**
 * Whether a form was posted from one of this site's own pages, as the browser says in its
 * Origin header (sent with every POST), the check Next makes for server actions. A page
 * elsewhere cannot post to a route handler in a reader's name.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!origin || !host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}
