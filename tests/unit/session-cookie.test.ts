import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { getAuthSecret } from '@/lib/auth/secret';
import { hasSessionToken } from '@/lib/auth/session-cookie';

const name = 'authjs.session-token';

function token(options: { salt?: string; secret?: string; maxAge?: number } = {}) {
  return encode({
    token: { sub: 'member-id', sid: 'session-id' },
    salt: options.salt ?? name,
    secret: options.secret ?? getAuthSecret(),
    maxAge: options.maxAge,
  });
}

describe('hasSessionToken', () => {
  it('recognises a token the site issued, over http or https', async () => {
    expect(await hasSessionToken([{ name, value: await token() }])).toBe(true);
    const secure = '__Secure-authjs.session-token';
    expect(await hasSessionToken([{ name: secure, value: await token({ salt: secure }) }])).toBe(
      true,
    );
  });

  it('joins a token split into chunks, in their order', async () => {
    const value = await token();
    const middle = Math.floor(value.length / 2);
    const chunks = [
      { name: `${name}.1`, value: value.slice(middle) },
      { name: `${name}.0`, value: value.slice(0, middle) },
    ];
    expect(await hasSessionToken(chunks)).toBe(true);
  });

  it('counts for nothing a cookie anyone could send', async () => {
    expect(await hasSessionToken([])).toBe(false);
    expect(await hasSessionToken([{ name, value: 'x' }])).toBe(false);
    expect(await hasSessionToken([{ name: 'other', value: await token() }])).toBe(false);
    expect(await hasSessionToken([{ name, value: await token({ secret: 'x'.repeat(40) }) }])).toBe(
      false,
    );
    // Encrypted for another cookie name, so with another key.
    expect(
      await hasSessionToken([
        { name, value: await token({ salt: '__Secure-authjs.session-token' }) },
      ]),
    ).toBe(false);
    expect(await hasSessionToken([{ name, value: await token({ maxAge: -60 }) }])).toBe(false);
  });
});
