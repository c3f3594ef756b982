import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authTokens, emailOutbox, rateLimits, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import {
  requestPasswordReset,
  requestSignInLink,
  resetPassword,
  signInWithCode,
  signInWithLinkToken,
  signInWithVerification,
} from '@/lib/auth/email-links';
import { joinAsMember } from '@/lib/auth/join';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { devMailForThisFile, tokenIn } from '../support/dev-mail';

const { onlyMail } = devMailForThisFile();

const codeIn = (text: string) => text.match(/\b(\d{6})\b/)![1]!;

const joining = (email: string, name = 'New Reader') => ({
  name,
  email,
  password: 'a long new reader phrase',
  consent: 'on' as const,
  newsletter: 'on' as const,
});

describe('joining and verifying', () => {
  it('creates an unverified member whom the e-mailed link verifies and signs in, once', async () => {
    const input = joining('new.reader@example.org');
    const joined = await joinAsMember(input, '203.0.113.5');
    expect(joined).toMatchObject({ ok: true, emails: [expect.any(String)] });
    const [created] = await getDb().select().from(users).where(eq(users.email, input.email));
    expect(created).toMatchObject({ emailVerified: null, newsletterOptIn: true, role: 'member' });
    expect(created!.privacyConsentAt).toBeInstanceOf(Date);

    const mail = await onlyMail(joined);
    // Whoever joined chose the name: the e-mail to the address's owner does not repeat it.
    expect(mail).not.toContain('New Reader');
    expect(mail).toContain('Did not join?');
    expect(mail).not.toMatch(/\b\d{6}\b/);
    const token = tokenIn(mail, 'verify-email');
    const [stored] = await getDb()
      .select()
      .from(authTokens)
      .where(eq(authTokens.email, input.email));
    expect(stored!.tokenHash).not.toContain(token);

    expect(await signInWithVerification(token, '203.0.113.5')).toMatchObject({
      ok: true,
      user: { email: input.email, verified: true },
    });
    expect(await signInWithVerification(token, '203.0.113.5')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    // The password chosen when joining stays: the link came from this very join.
    expect(await signInWithPassword(input.email, input.password, '203.0.113.5')).toMatchObject({
      ok: true,
    });
  });

  it('answers a second join with the same address alike, and sends a sign-in link instead', async () => {
    const input = joining('twice@example.org');
    await onlyMail(await joinAsMember(input, '203.0.113.5'));
    const again = await joinAsMember({ ...input, name: 'Someone Else' }, '203.0.113.5');
    expect(again).toMatchObject({ ok: true, emails: [expect.any(String)] });
    const mail = await onlyMail(again);
    expect(mail).toContain('already has an account');
    expect(mail).toContain('has not been verified yet');
    expect(await signInWithLinkToken(tokenIn(mail, 'login/link'), '203.0.113.5')).toMatchObject({
      ok: true,
    });
    const rows = await getDb().select().from(users).where(eq(users.email, input.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('New Reader');
  });

  it('joins only once when two joins with one address arrive together', async () => {
    const input = joining('racing@example.org');
    const outcomes = await Promise.all([
      joinAsMember(input, '203.0.113.70'),
      joinAsMember({ ...input, name: 'Other' }, '203.0.113.71'),
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(await getDb().select().from(users).where(eq(users.email, input.email))).toHaveLength(1);
  });

  it('refuses an expired verification link', async () => {
    const mail = await onlyMail(await joinAsMember(joining('late@example.org'), '203.0.113.6'));
    const token = tokenIn(mail, 'verify-email');
    await getDb()
      .update(authTokens)
      .set({
        createdAt: new Date(Date.now() - 3 * 86_400_000),
        expiresAt: new Date(Date.now() - 1000),
      })
      .where(eq(authTokens.email, 'late@example.org'));
    expect(await signInWithVerification(token, '203.0.113.6')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('sign-in links and codes', () => {
  const email = 'linked@example.org';

  it('signs in once by link; unknown addresses are sent nothing', async () => {
    await upsertAccount(getDb(), { email, password: 'a long linked passphrase', role: 'member' });
    expect(await requestSignInLink('nobody.at.all@example.org', '203.0.113.7')).toEqual({
      ok: true,
      emails: [],
    });

    const token = tokenIn(
      await onlyMail(await requestSignInLink(email, '203.0.113.7')),
      'login/link',
    );
    expect(await signInWithLinkToken(token, '203.0.113.7')).toMatchObject({
      ok: true,
      user: { email },
    });
    expect(await signInWithLinkToken(token, '203.0.113.7')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await signInWithLinkToken('x', '203.0.113.7')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('accepts the code, and spends it after five wrong tries', async () => {
    const code = codeIn(await onlyMail(await requestSignInLink(email, '203.0.113.8')));
    const wrong = code === '123456' ? '654321' : '123456';
    expect(await signInWithCode(email, wrong, '203.0.113.8')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await signInWithCode(email, code.replace(/(\d{3})/, '$1 '), '203.0.113.8'),
    ).toMatchObject({ ok: true, user: { email } });

    const second = codeIn(await onlyMail(await requestSignInLink(email, '203.0.113.8')));
    const miss = second === '000001' ? '000002' : '000001';
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await signInWithCode(email, miss, `203.0.113.${30 + attempt}`)).ok).toBe(false);
    expect((await signInWithCode(email, second, '203.0.113.40')).ok).toBe(false);
  });

  it('counts every one of fifty wrong guesses made at once: five spend the code', async () => {
    const target = 'guessed@example.org';
    await upsertAccount(getDb(), {
      email: target,
      password: 'a long guessed passphrase',
      role: 'member',
    });
    const code = codeIn(await onlyMail(await requestSignInLink(target, '203.0.113.41')));
    const wrongCodes = Array.from({ length: 50 }, (_, n) =>
      String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(
      wrongCodes.map((guess, n) => signInWithCode(target, guess, `198.51.100.${n}`)),
    );
    expect(answers.every((answer) => !answer.ok)).toBe(true);
    const [token] = await getDb()
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.email, target), eq(authTokens.purpose, 'sign_in')));
    expect(token!.failedAttempts).toBe(5);
    expect(token!.usedAt).toBeInstanceOf(Date);
    // The right code fails now, and not only because the address has used up its guesses.
    expect((await signInWithCode(target, code, '203.0.113.42')).ok).toBe(false);
    await getDb().delete(rateLimits).where(like(rateLimits.bucket, 'code:%'));
    expect(await signInWithCode(target, code, '203.0.113.42')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('checks codes against the newest link only', async () => {
    const target = 'two.links@example.org';
    await upsertAccount(getDb(), {
      email: target,
      password: 'a long two-link passphrase',
      role: 'member',
    });
    const first = codeIn(await onlyMail(await requestSignInLink(target, '203.0.113.43')));
    const second = codeIn(await onlyMail(await requestSignInLink(target, '203.0.113.43')));
    if (first !== second) {
      expect((await signInWithCode(target, first, '203.0.113.43')).ok).toBe(false);
    }
    expect((await signInWithCode(target, second, '203.0.113.43')).ok).toBe(true);
  });

  it('throttles typed codes per address and per visitor’s address', async () => {
    const target = 'coded@example.org';
    let last;
    for (let attempt = 0; attempt < 21; attempt++) {
      last = await signInWithCode(target, '000000', `192.0.2.${attempt}`);
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });

    for (let attempt = 0; attempt < 31; attempt++) {
      last = await signInWithCode(`someone${attempt}@example.org`, '000000', '192.0.2.200');
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('throttles followed links per visitor’s address; a link that signs in is not counted', async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(
        await signInWithLinkToken(`not-a-token-${'x'.repeat(20)}${attempt}`, '192.0.2.150'),
      ).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithLinkToken(`not-a-token-${'y'.repeat(20)}`, '192.0.2.150')).toMatchObject(
      {
        ok: false,
        reason: 'throttled',
      },
    );

    const token = tokenIn(
      await onlyMail(await requestSignInLink(email, '192.0.2.151')),
      'login/link',
    );
    expect((await signInWithLinkToken(token, '192.0.2.151')).ok).toBe(true);
    const [row] = await getDb()
      .select()
      .from(rateLimits)
      .where(and(eq(rateLimits.bucket, 'link:ip'), eq(rateLimits.subject, '192.0.2.151')));
    expect(row!.hits).toBe(0);
  });
});

describe('password reset', () => {
  it('sets the new password once', async () => {
    const email = 'forgetful@example.org';
    await upsertAccount(getDb(), { email, password: 'the old long passphrase', role: 'member' });
    const reset = await requestPasswordReset(email, '203.0.113.9');
    const token = tokenIn(await onlyMail(reset), 'reset-password');
    expect(await resetPassword(token, 'the new long passphrase')).toBe(true);
    expect(await resetPassword(token, 'yet another passphrase')).toBe(false);
    expect((await signInWithPassword(email, 'the old long passphrase', '203.0.113.10')).ok).toBe(
      false,
    );
    expect((await signInWithPassword(email, 'the new long passphrase', '203.0.113.10')).ok).toBe(
      true,
    );
  });
});

describe('how many e-mails one address can be sent', () => {
  it('refuses a visitor’s sixth request for one address, but not the owner’s own', async () => {
    const email = 'spammed@example.org';
    await upsertAccount(getDb(), { email, password: 'a long spammed passphrase', role: 'member' });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await requestPasswordReset(email, '198.51.100.7')).toMatchObject({ ok: true });
    }
    expect(await requestPasswordReset(email, '198.51.100.7')).toMatchObject({
      ok: false,
      retryAfterSeconds: expect.any(Number),
    });
    // The owner, elsewhere, is not locked out by someone else's requests.
    const own = await requestSignInLink(email, '203.0.113.99');
    expect(own).toMatchObject({ ok: true, emails: [expect.any(String)] });
  });

  it('stops sending past twenty an hour from anywhere, answering as before', async () => {
    const email = 'flooded@example.org';
    await upsertAccount(getDb(), { email, password: 'a long flooded passphrase', role: 'member' });
    for (let attempt = 0; attempt < 20; attempt++) {
      const outcome = await requestPasswordReset(email, `198.51.100.${100 + attempt}`);
      expect(outcome).toMatchObject({ ok: true, emails: [expect.any(String)] });
    }
    expect(await requestPasswordReset(email, '198.51.100.150')).toEqual({ ok: true, emails: [] });
    const queued = await getDb().select().from(emailOutbox).where(eq(emailOutbox.recipient, email));
    expect(queued).toHaveLength(20);
  });
});
