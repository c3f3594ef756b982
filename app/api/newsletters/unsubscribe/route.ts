import { logger } from '@/lib/platform/log';
import { preferencesKey, readUnsubscribeParams } from '@/lib/newsletters/links';
import { unsubscribeFromList } from '@/lib/newsletters/subscriptions';

export const dynamic = 'force-dynamic';

const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs `List-Unsubscribe=One-Click` to the
 * URL of the List-Unsubscribe header, with no cookie and no page. The URL's signature is the
 * proof, so no Origin check applies: the worst anyone holding the URL can do is what it says.
 */
export async function POST(request: Request) {
  const target = readUnsubscribeParams(new URL(request.url).searchParams);
  if (!target) {
    return new Response('This unsubscribe link is not valid.\n', { status: 404, headers: plain });
  }
  try {
    const list = await unsubscribeFromList(target.subscriberId, target.listId);
    if (!list) {
      return new Response('This newsletter no longer exists.\n', { status: 404, headers: plain });
    }
    return new Response(`Unsubscribed from ${list}.\n`, { status: 200, headers: plain });
  } catch (error) {
    logger.error({ err: error }, 'one-click unsubscribe failed: the database could not be written');
    return new Response('We could not unsubscribe you just now. Please try again.\n', {
      status: 503,
      headers: { ...plain, 'Retry-After': '60' },
    });
  }
}

/**
 * The same URL opened as a page (a mail client that does not POST, or a person): it changes
 * nothing, and leads to the subscriber's preferences with that list offered to leave.
 */
export function GET(request: Request) {
  const target = readUnsubscribeParams(new URL(request.url).searchParams);
  const destination = target
    ? `/newsletters/preferences/${preferencesKey(target.subscriberId)}?leave=${target.listId}`
    : '/newsletters';
  return new Response(null, {
    status: 303,
    headers: {
      Location: destination,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
