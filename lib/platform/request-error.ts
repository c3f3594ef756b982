import type { Instrumentation } from 'next';
import { logger } from '@/lib/platform/log';
import { acceptRequestId, requestIdHeader } from '@/lib/platform/request-id';

type Arguments = Parameters<Instrumentation.onRequestError>;

/** One line for each request that failed on the server; never its body, cookies or query. */
export function logRequestError(error: unknown, request: Arguments[1], context: Arguments[2]) {
  logger.error(
    {
      requestId: acceptRequestId(request.headers[requestIdHeader]),
      method: request.method,
      // A query string can hold a sign-in token.
      path: request.path.split('?')[0],
      routePath: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    'request failed',
  );
}
