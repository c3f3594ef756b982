import type { IncomingMessage, ServerResponse } from 'node:http';

// Pages and route handlers answer GET and HEAD; forms, server actions, Auth.js and Stripe's
// webhook POST. Next would render a page for any other method, uncached, so each such request
// would cost a render; TRACE would reach its error path.
const answered = 'GET, HEAD, POST';
const methods = new Set(answered.split(', '));

/** Answers 405 to a method the site has no use for; says whether it did. */
export function refuseUnknownMethod(request: IncomingMessage, response: ServerResponse): boolean {
  if (methods.has(request.method ?? '')) return false;
  response.writeHead(405, {
    Allow: answered,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end('Method not allowed\n');
  return true;
}
