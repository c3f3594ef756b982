import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { readerOf } from '@/lib/membership/reader';
import { users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import {
  getSessionUser,
  signInRetryAfter,
  signInWithPassword,
  slowDownMs,
} from '@/lib/auth/sign-in';
import { getCurrentSession, openSession } from '@/lib/auth/sessions';

const email = 'member@example.org';
const password = 'a long member passphrase';

beforeAll(async () => {
  await upsertAccount(getDb(), { email, password, role: 'member', name: 'A Member' });
});

describe('signInWithPassword', () => {
  it('signs in with the right password, whatever the case of the address', async () => {
    const result = await signInWithPassword('Member@Example.org', password, '203.0.113.1');
    expect(result).toMatchObject({ ok: true, user: { email, role: 'member', verified: true } });
  });

  it('answers the same for a wrong password, an unknown address and nonsense', async () => {
    for (const [address, attempt] of [
      [email, 'not the password at all'],
      ['nobody@example.org', password],
      ['not an address', password],
      [undefined, undefined],
    ] as const) {
      expect(await signInWithPassword(address, attempt, '203.0.113.2')).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('stops one address after ten wrong passwords for an account, and tells when to try again', async () => {
    const target = 'throttled@example.org';
    await upsertAccount(getDb(), { email: target, password, role: 'member' });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await signInWithPassword(target, 'wrong wrong wrong', '198.51.100.1')).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    }
    const refused = await signInWithPassword(target, password, '198.51.100.1');
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect(
      refused.ok === false && refused.reason === 'throttled' && refused.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect(await signInRetryAfter(target, '198.51.100.1')).toBeGreaterThan(0);
  });

  it('never locks the owner out: guesses from elsewhere slow the account down instead', async () => {
    const target = 'besieged@example.org';
    await upsertAccount(getDb(), { email: target, password, role: 'member' });
    for (let attempt = 0; attempt < 10; attempt++) {
      await signInWithPassword(target, 'wrong wrong wrong', `198.51.100.${attempt}`);
    }
    const started = Date.now();
    const owner = await signInWithPassword(target, password, '203.0.113.77');
    expect(owner).toMatchObject({ ok: true, user: { email: target } });
    // Past ten failures from anywhere, each attempt waits before it is answered.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('slows each attempt past ten failures by half a second more, to five seconds at most', () => {
    expect([1, 10, 11, 12, 20, 100].map((hits) => slowDownMs(hits))).toEqual([
      0, 0, 500, 1000, 5000, 5000,
    ]);
  });

  it('does not count a successful sign-in against the address', async () => {
    const ip = '192.0.2.31';
    for (let attempt = 0; attempt < 60; attempt++) {
      expect((await signInWithPassword(email, password, ip)).ok).toBe(true);
    }
  });

  it('throttles one IP address across accounts', async () => {
    let last;
    for (let attempt = 0; attempt < 51; attempt++) {
      last = await signInWithPassword(
        `someone${attempt}@example.org`,
        'guess guess guess',
        '192.0.2.77',
      );
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const db = getDb();
    await upsertAccount(db, { email: 'gone@example.org', password, role: 'member' });
    const [account] = await db.select().from(users).where(eq(users.email, 'gone@example.org'));
    const session = await openSession(account!.id);
    const [row] = await db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.email, 'gone@example.org'))
      .returning();
    expect(await signInWithPassword('gone@example.org', password, '203.0.113.9')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await getSessionUser(row!.id)).toBeNull();
    expect(await getCurrentSession(session)).toBeNull();
  });
});

describe('readerOf', () => {
  it('lets only verified members read members-only work, and staff every tier', async () => {
    expect((await readerOf(null)).membersOnly).toBe(false);
    const viewer = { id: 'x', email, name: null, role: 'member' as const, signedInAt: 0 };
    expect(await readerOf({ ...viewer, verified: false })).toEqual({
      membersOnly: false,
      tiers: [],
    });
    expect(await readerOf({ ...viewer, verified: true })).toEqual({ membersOnly: true, tiers: [] });
    expect(await readerOf({ ...viewer, role: 'editor', verified: true })).toEqual({
      membersOnly: true,
      tiers: 'all',
    });
  });
});
