import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { withBodyLimit } from '@/lib/platform/request-body';

// Auth.js reads whatever body it is sent; its own forms (sign-out, callbacks) are a few hundred
// bytes, so anything near this limit is not one of them.
const maxAuthBodyBytes = 16 * 1024;

export const { GET } = handlers;

export const POST = withBodyLimit(
  maxAuthBodyBytes,
  handlers.POST,
  (request: NextRequest, body) =>
    new NextRequest(request.url, { method: request.method, headers: request.headers, body }),
);
