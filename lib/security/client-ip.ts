/**
 * The visitor's address, for per-address limits such as sign-in throttling.
 *
 * Each reverse proxy appends the address it was reached from to X-Forwarded-For, and Next adds
 * the socket's address when the header is absent, so with `proxies` proxies in front the
 * visitor is that many entries from the right. Entries further left were written by the
 * visitor and prove nothing: taking the first one would let anyone pick a fresh address for
 * every attempt.
 */
export function clientIpFrom(headers: Headers, proxies: number): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return headers.get('x-real-ip')?.trim() || 'unknown';
  return entries[Math.max(0, entries.length - Math.max(1, proxies))]!;
}
