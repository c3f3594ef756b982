import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import {
  endAllSessions,
  endSession,
  getCurrentSession,
  openSession,
  pruneSessions,
  sessionMaxAgeSeconds,
  signedInRecently,
} from '@/lib/auth/sessions';

const day = 24 * 60 * 60 * 1000;

async function member(email: string) {
  await upsertAccount(getDb(), { email, password: 'a long session passphrase', role: 'member' });
  const [row] = await getDb().select().from(users).where(eq(users.email, email));
  return row!;
}

describe('sessions', () => {
  it('reads a session with its account and when it began, until it is ended', async () => {
    const account = await member('sessions.one@example.org');
    const here = await openSession(account.id);
    const there = await openSession(account.id);
    const current = await getCurrentSession(here);
    expect(current).toMatchObject({
      user: { id: account.id, email: account.email, verified: true },
    });
    expect(Date.now() - current!.signedInAt.getTime()).toBeLessThan(60_000);

    await endSession(here);
    expect(await getCurrentSession(here)).toBeNull();
    expect(await getCurrentSession(there)).not.toBeNull();

    await endAllSessions(account.id);
    expect(await getCurrentSession(there)).toBeNull();
  });

  it('ends an unknown or expired session, and extends one in use once a day', async () => {
    const account = await member('sessions.two@example.org');
    expect(await getCurrentSession('no-such-session')).toBeNull();

    const old = await openSession(account.id);
    await getDb()
      .update(sessions)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(sessions.sessionToken, old));
    expect(await getCurrentSession(old)).toBeNull();

    const used = await openSession(account.id);
    const fiveDaysLeft = new Date(Date.now() + 5 * day);
    await getDb()
      .update(sessions)
      .set({ expires: fiveDaysLeft })
      .where(eq(sessions.sessionToken, used));
    expect(await getCurrentSession(used)).not.toBeNull();
    const [extended] = await getDb().select().from(sessions).where(eq(sessions.sessionToken, used));
    expect(extended!.expires.getTime()).toBeGreaterThan(
      Date.now() + sessionMaxAgeSeconds * 1000 - 60_000,
    );

    expect(await pruneSessions()).toBe(1);
    expect(await getDb().select().from(sessions).where(eq(sessions.sessionToken, old))).toEqual([]);
  });

  it('counts a sign-in as recent for ten minutes', () => {
    const now = Date.now();
    expect(signedInRecently(new Date(now - 9 * 60_000), now)).toBe(true);
    expect(signedInRecently(new Date(now - 11 * 60_000), now)).toBe(false);
  });
});
