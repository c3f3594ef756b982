import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authTokens } from '@/db/schema';
import {
  getLinkDestination,
  signInWithLinkToken,
  signInWithVerification,
} from '@/lib/auth/email-links';
import { joinAsMember, joinSchema } from '@/lib/auth/join';
import { hashToken } from '@/lib/auth/tokens';
import { devMailForThisFile, tokenIn } from '../support/dev-mail';

const { onlyMail } = devMailForThisFile();
const ip = '203.0.113.70';
const article = '/articles/spending-review-in-five-charts';

let serial = 0;
const joining = (returnPath: unknown) =>
  joinSchema.parse({
    name: 'Paywall Reader',
    email: `paywall.${++serial}@example.org`,
    password: 'a long paywall reader phrase',
    consent: 'on',
    returnPath,
  });

async function storedReturnPath(token: string) {
  const [row] = await getDb()
    .select({ returnPath: authTokens.returnPath, codeHash: authTokens.codeHash })
    .from(authTokens)
    .where(eq(authTokens.tokenHash, hashToken(token)));
  return row;
}

describe('the page a join came from', () => {
  it('is kept with the verification token, and the link leads there once', async () => {
    const input = joining(`${article}?from=teaser#body`);
    const mail = await onlyMail(await joinAsMember(input, ip));
    const token = tokenIn(mail, 'verify-email');
    // Kept with the token, not in the link, where it could be changed.
    expect(mail).not.toContain(article);
    expect(await storedReturnPath(token)).toEqual({
      returnPath: `${article}?from=teaser#body`,
      codeHash: null,
    });
    expect(await getLinkDestination('verification', token)).toBe(`${article}?from=teaser#body`);

    expect(await signInWithVerification(token, ip)).toMatchObject({ ok: true });
    // Spent: the link leads nowhere but the flow's own landing now.
    expect(await getLinkDestination('verification', token)).toBe('/account?welcome=1');
  });

  it('goes with the sign-in link sent when the address already has an account', async () => {
    const input = joining(article);
    await onlyMail(await joinAsMember(input, ip));
    const mail = await onlyMail(await joinAsMember(input, ip));
    expect(mail).toContain('already has an account');
    const token = tokenIn(mail, 'login/link');
    expect(await getLinkDestination('sign-in-link', token)).toBe(article);
    expect(await signInWithLinkToken(token, ip)).toMatchObject({ ok: true });
  });

  it.each([
    ['another site', 'https://evil.example/phish'],
    ['a protocol-relative address', '//evil.example/phish'],
    ['dot segments that reach another host', '/..//evil.example/phish'],
    ['percent-encoded dots', '/%2e%2e//evil.example/phish'],
    ['a backslash', '/\\evil.example/phish'],
    ['a script', 'javascript:alert(1)'],
    ['no path at all', ''],
    ['a non-string', 42],
  ])('is dropped when it is %s, and the link leads to the account', async (_label, value) => {
    const input = joining(value);
    expect(input.returnPath).toBeUndefined();
    const token = tokenIn(await onlyMail(await joinAsMember(input, ip)), 'verify-email');
    expect((await storedReturnPath(token))?.returnPath).toBeNull();
    expect(await getLinkDestination('verification', token)).toBe('/account?welcome=1');
  });

  it('is dropped even when a caller skips the form’s validation', async () => {
    const input = { ...joining(undefined), returnPath: '//evil.example/phish' };
    const token = tokenIn(await onlyMail(await joinAsMember(input, ip)), 'verify-email');
    expect((await storedReturnPath(token))?.returnPath).toBeNull();
    expect(await getLinkDestination('verification', token)).toBe('/account?welcome=1');
  });

  it('cannot be stored off the site by any route: the table refuses it', async () => {
    const now = Date.now();
    const row = (returnPath: string, n: number) => ({
      purpose: 'verify_email' as const,
      email: `direct.${n}@example.org`,
      tokenHash: hashToken(`direct-${n}-${now}`),
      returnPath,
      expiresAt: new Date(now + 60_000),
    });
    for (const [n, value] of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
    ].entries()) {
      await expect(getDb().insert(authTokens).values(row(value, n))).rejects.toThrow();
    }
    await getDb().insert(authTokens).values(row('/', 9));
  });
});
