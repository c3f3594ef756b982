import { decode } from 'next-auth/jwt';
import { getAuthSecret } from './secret';

// Auth.js names its session cookie with a __Secure- prefix on https, and splits large ones
// into numbered chunks.
export const isSessionCookie = (name: string) =>
  /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);

interface Cookie {
  name: string;
  value: string;
}

/**
 * Whether the request carries a session token this site issued and that has not expired. A
 * session cookie makes a request personal: it is rendered for its reader rather than served
 * from the page cache. Anyone can send a cookie with that name, so one that does not decrypt
 * with the site's secret counts for nothing, and such a request costs no render.
 *
 * Auth.js names the cookie after the scheme it was set over (with a __Secure- prefix on
 * https), derives the key from that name, and splits large tokens into numbered chunks.
 */
export async function hasSessionToken(cookies: Cookie[]): Promise<boolean> {
  const tokens = new Map<string, Cookie[]>();
  for (const cookie of cookies) {
    if (!isSessionCookie(cookie.name)) continue;
    const name = cookie.name.replace(/\.\d+$/, '');
    tokens.set(name, [...(tokens.get(name) ?? []), cookie]);
  }
  for (const [salt, parts] of tokens) {
    const token = parts
      .sort((a, b) => chunkOf(a.name) - chunkOf(b.name))
      .map((part) => part.value)
      .join('');
    try {
      if (await decode({ token, salt, secret: getAuthSecret() })) return true;
    } catch {
      // Not a token of this site's, or one that has expired.
    }
  }
  return false;
}

const chunkOf = (name: string) => Number(/\.(\d+)$/.exec(name)?.[1] ?? 0);
