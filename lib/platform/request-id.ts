export const requestIdHeader = 'x-request-id';

// An id from a proxy in front of the site is kept, so its logs and ours line up; anything else
// is replaced, so a client cannot write arbitrary text into every log line of its request.
const acceptable = /^[A-Za-z0-9._-]{8,64}$/;

/** The incoming request id when it is well formed, otherwise a fresh one. */
export function acceptRequestId(incoming: unknown): string {
  return typeof incoming === 'string' && acceptable.test(incoming) ? incoming : crypto.randomUUID();
}
