import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import {
  requestPasswordReset,
  requestSignInLink,
  resetPassword,
  signInWithCode,
  signInWithLinkToken,
} from '@/lib/auth/email-links';
import { joinAsMember } from '@/lib/auth/join';
import { getCurrentSession, openSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { devMailForThisFile, tokenIn } from '../support/dev-mail';

// A stranger joins with someone else's address and a password of their own, before the owner
// ever does. Until the owner proves the address, the account is no one's; once they do, by any
// route, the stranger keeps nothing.

const { onlyMail } = devMailForThisFile();

const strangerPassword = 'the stranger chose this';
const strangerIp = '198.51.100.66';
const ownerIp = '203.0.113.44';

async function strangerJoins(email: string) {
  const joined = await joinAsMember(
    { name: 'Not The Owner', email, password: strangerPassword, consent: 'on' },
    strangerIp,
  );
  expect(joined.ok).toBe(true);
  const [account] = await getDb().select().from(users).where(eq(users.email, email));
  return account!;
}

async function sessionsOf(userId: string) {
  return getDb().select().from(sessions).where(eq(sessions.userId, userId));
}

describe('an account made with someone else’s address', () => {
  it('cannot be signed into with its password before the address is verified', async () => {
    const account = await strangerJoins('owner.one@example.org');
    const attempt = await signInWithPassword('owner.one@example.org', strangerPassword, strangerIp);
    expect(attempt).toMatchObject({ ok: false, reason: 'unverified' });
    expect(await sessionsOf(account.id)).toEqual([]);
  });

  it('loses the stranger’s password and sessions when the owner signs in by link', async () => {
    const email = 'owner.two@example.org';
    const account = await strangerJoins(email);
    // A session that exists somehow (made before this rule, say) ends as well.
    const strangerSession = await openSession(account.id);

    const link = await onlyMail(await requestSignInLink(email, ownerIp));
    expect(await signInWithLinkToken(tokenIn(link, 'login/link'), ownerIp)).toMatchObject({
      ok: true,
      user: { email, verified: true },
    });

    expect(await signInWithPassword(email, strangerPassword, strangerIp)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await getCurrentSession(strangerSession)).toBeNull();
    const [owned] = await getDb().select().from(users).where(eq(users.id, account.id));
    expect(owned).toMatchObject({ passwordHash: null });
    expect(owned!.emailVerified).toBeInstanceOf(Date);
  });

  it('loses the stranger’s password when the owner signs in with the e-mailed code', async () => {
    const email = 'owner.three@example.org';
    await strangerJoins(email);
    const link = await onlyMail(await requestSignInLink(email, ownerIp));
    const code = link.match(/\b(\d{6})\b/)![1]!;
    expect(await signInWithCode(email, code, ownerIp)).toMatchObject({ ok: true });
    expect((await signInWithPassword(email, strangerPassword, strangerIp)).ok).toBe(false);
  });

  it('loses the stranger’s password when the owner resets it', async () => {
    const email = 'owner.four@example.org';
    const account = await strangerJoins(email);
    const strangerSession = await openSession(account.id);
    const reset = await onlyMail(await requestPasswordReset(email, ownerIp));
    expect(await resetPassword(tokenIn(reset, 'reset-password'), 'the owner’s own phrase')).toBe(
      true,
    );
    expect((await signInWithPassword(email, strangerPassword, strangerIp)).ok).toBe(false);
    expect((await signInWithPassword(email, 'the owner’s own phrase', ownerIp)).ok).toBe(true);
    expect(await getCurrentSession(strangerSession)).toBeNull();
  });

  it('keeps a verified member’s password when they sign in by link', async () => {
    const email = 'owner.five@example.org';
    const joined = await joinAsMember(
      { name: 'Owner', email, password: 'the owner’s real phrase', consent: 'on' },
      ownerIp,
    );
    await onlyMail(joined);
    await getDb().update(users).set({ emailVerified: new Date() }).where(eq(users.email, email));
    const link = await onlyMail(await requestSignInLink(email, ownerIp));
    expect((await signInWithLinkToken(tokenIn(link, 'login/link'), ownerIp)).ok).toBe(true);
    expect((await signInWithPassword(email, 'the owner’s real phrase', ownerIp)).ok).toBe(true);
  });
});
