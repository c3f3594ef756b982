/** A request's body as text, or how far it went past the limit it was refused at. */
export type BodyWithin =
  { ok: true; text: string } | { ok: false; bytes: number; declared: boolean };

/** A request's body as bytes, or how far it went past the limit it was refused at. */
export type BytesWithin =
  { ok: true; bytes: Buffer } | { ok: false; bytes: number; declared: boolean };

/**
 * Reads a request's body up to `maxBytes`. A body whose Content-Length says it is larger is
 * refused before a byte of it is read, and one sent without a length (chunked) as soon as what
 * has arrived passes the limit, so a sender cannot make the server hold more than the limit.
 *
 * The stream is left unread rather than cancelled: cancelling it would close the connection
 * before the refusal could be sent. Send the refusal with `Connection: close`, so the server
 * does not read the rest to reach a next request on the same connection.
 */
export async function readBytesWithin(request: Request, maxBytes: number): Promise<BytesWithin> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) return { ok: false, bytes: declared, declared: true };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      reader.releaseLock();
      return { ok: false, bytes, declared: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** As readBytesWithin, decoded as Request.text() decodes: UTF-8, a byte-order mark dropped. */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyWithin> {
  const body = await readBytesWithin(request, maxBytes);
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body;
}

type Handler<R extends Request> = (request: R) => Promise<Response>;

/**
 * Wraps a route handler that would read any body it is sent (Auth.js's does) so that a body
 * past `maxBytes` is refused with 413 before the handler runs, and the handler gets a request
 * whose body has already been read within the limit.
 */
export function withBodyLimit<R extends Request>(
  maxBytes: number,
  handler: Handler<R>,
  rebuild: (request: R, body: string) => R,
): Handler<R> {
  return async (request) => {
    const body = await readBodyWithin(request, maxBytes);
    if (!body.ok) {
      return new Response('Payload too large', {
        status: 413,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' },
      });
    }
    return handler(rebuild(request, body.text));
  };
}
