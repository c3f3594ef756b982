/**
 * The visitor's address, for per-address limits such as sign-in throttling.
 *
 * The server (server.ts) appends the address its socket was reached from to X-Forwarded-For, as
 * each reverse proxy in front appends the one it was reached from. With `proxies` trusted
 * proxies in front, the visitor is that many entries left of the last one; with none (the
 * default), the socket's own address. Entries further left were written by the visitor and
 * prove nothing: trusting them would let anyone pick a fresh address for every attempt.
 */
export function clientIpFrom(headers: Headers, proxies: number): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'unknown';
  return entries[Math.max(0, entries.length - 1 - proxies)]!;
}

/**
 * X-Forwarded-For as the server passes it on: what arrived, then the socket's address. An
 * IPv4 address reached over an IPv6 socket is written as IPv4.
 */
export function withSocketAddress(forwarded: string | string[] | undefined, socket?: string) {
  const address = (socket ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const arrived = [forwarded ?? []].flat().join(', ').trim();
  return arrived ? `${arrived}, ${address}` : address;
}
