import { timingSafeEqual } from 'node:crypto';
import { databaseDownSince } from '@/lib/platform/database-availability';
import { cachedPage, fillPage, worthFilling, type CachedPage } from './store';

/** Marks the server's own request that renders a page for the cache: it is never served from it. */
export const pageFillHeader = 'x-page-cache-fill';

// The header's value: random per process and known to it alone. A client that sends the header
// without it is served from the cache as anyone else, so it cannot force renders.
const fillSecret = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');

/** Whether a request is this process's own render of a page for the cache. */
export function isPageFill(value: string | null): boolean {
  if (value === null) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(fillSecret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// A render for the cache is one more request to the server and, when the server is busy, waits
// its turn as long as the rest. Readers who wait on it are better served by that one render,
// however long, than each by a render of their own that would add to the queue it waits in.
const fillTimeoutMs = 30_000;

/**
 * Renders the page for the cache, as an anonymous reader's request with no cookie, through
 * `origin` (where this server listens), and keeps it when Next answers 200 or 404 with HTML
 * under a policy with a nonce, and sets no cookie. Resolves to the page, or null when there is
 * none to keep (an error, a redirect, too slow): that reader's page is then rendered for them
 * alone.
 */
export function startPageFill(key: string, origin: string): Promise<CachedPage | null> {
  return fillPage(key, async () => {
    const response = await fetch(`${origin}${key}`, {
      // Uncompressed: the cache compresses the page itself, once.
      headers: { [pageFillHeader]: fillSecret, accept: 'text/html', 'accept-encoding': 'identity' },
      redirect: 'manual',
      signal: AbortSignal.timeout(fillTimeoutMs),
    });
    const html = await response.text();
    // The nonce proxy.ts gave this render, which Next put on every script it emitted.
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '');
    const { status } = response;
    const isPage =
      (status === 200 || status === 404) &&
      response.headers.get('content-type')?.startsWith('text/html') &&
      !response.headers.has('set-cookie');
    return isPage && nonce ? { status, html, nonce: nonce[1]! } : null;
  }).catch(() => null);
}

/** How the cache answered: a page it held fresh, one it held past its minute, one it waited for. */
export type CacheAnswer = 'hit' | 'stale' | 'filled';

/**
 * The page for `key`, and how the cache answered: one it holds fresh; one past its minute, which
 * one render replaces while it is served; or, for a page it lacks and that is worth keeping, the
 * one render of it that every reader asking meanwhile waits on. While the database is out of reach, a page of any age
 * and no render, which could not succeed. Undefined when there is no page to serve.
 */
export async function findPage(
  key: string,
  origin: string,
): Promise<{ page: CachedPage; answer: CacheAnswer } | undefined> {
  const databaseDown = databaseDownSince() !== null;
  const found = cachedPage(key, { anyAge: databaseDown });
  if (found) {
    if (!found.fresh && !databaseDown) void startPageFill(key, origin);
    return { page: found.page, answer: found.fresh ? 'hit' : 'stale' };
  }
  if (databaseDown || !worthFilling(key)) return undefined;
  const filled = await startPageFill(key, origin);
  return filled ? { page: filled, answer: 'filled' } : undefined;
}
