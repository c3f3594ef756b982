import 'server-only';
import { headers } from 'next/headers';
import { logger, type Logger } from '@/lib/platform/log';
import { acceptRequestId, requestIdHeader } from '@/lib/platform/request-id';

// Keyed by the request's headers, which Next keeps as one object per request: route handlers
// and server actions get no id from the proxy, and every line of one request must share one.
const assigned = new WeakMap<Headers, string>();

/**
 * The id of the request being served: the proxy's, the caller's (when well formed), or one
 * made now. Outside a request (background work, scripts, tests) a fresh id each time.
 */
export async function getRequestId(): Promise<string> {
  let incoming: Headers;
  try {
    incoming = await headers();
  } catch {
    return acceptRequestId(undefined);
  }
  let id = assigned.get(incoming);
  if (!id) {
    id = acceptRequestId(incoming.get(requestIdHeader));
    assigned.set(incoming, id);
  }
  return id;
}

/** The logger for the request being served: each line carries its requestId. */
export async function requestLogger(): Promise<Logger> {
  return logger.child({ requestId: await getRequestId() });
}
