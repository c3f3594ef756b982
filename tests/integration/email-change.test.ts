import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import { confirmEmailChange, requestEmailChange, undoEmailChange } from '@/lib/auth/change-email';
import { changePassword } from '@/lib/auth/change-password';
import { joinAsMember } from '@/lib/auth/join';
import { getCurrentSession, openSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { devMailForThisFile, tokenIn } from '../support/dev-mail';

const { deliver: mailsOf } = devMailForThisFile();

const password = 'a long mover passphrase';
const ip = '203.0.113.20';
const longAgo = new Date(Date.now() - 60 * 60_000);
const justNow = new Date();

async function account(email: string) {
  await upsertAccount(getDb(), { email, password, role: 'member' });
  const [row] = await getDb().select().from(users).where(eq(users.email, email));
  return row!;
}

async function moveAccount(userId: string, to: string) {
  const requested = await requestEmailChange(userId, to, { password, signedInAt: longAgo }, ip);
  const [confirm] = await mailsOf(requested);
  const confirmed = await confirmEmailChange(tokenIn(confirm!.text, 'confirm-email'));
  expect(confirmed.ok).toBe(true);
  return confirmed;
}

describe('asking to change the address', () => {
  it('needs the password, unless the person signed in within the last ten minutes', async () => {
    const mover = await account('proof@example.org');
    const to = 'proof.new@example.org';
    expect(
      await requestEmailChange(mover.id, to, { password: '', signedInAt: longAgo }, ip),
    ).toEqual({ ok: false, reason: 'wrong-password' });
    expect(
      await requestEmailChange(
        mover.id,
        to,
        { password: 'not it at all', signedInAt: longAgo },
        ip,
      ),
    ).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await mailsOf({ ok: true, emails: [] })).toEqual([]);

    const withPassword = await requestEmailChange(
      mover.id,
      to,
      { password, signedInAt: longAgo },
      ip,
    );
    expect(withPassword).toMatchObject({ ok: true, emails: [expect.any(String)] });
    const recent = await requestEmailChange(
      mover.id,
      to,
      { password: '', signedInAt: justNow },
      ip,
    );
    expect(recent).toMatchObject({ ok: true, emails: [expect.any(String)] });
  });

  it('throttles password guesses made through it', async () => {
    const mover = await account('guessing.mover@example.org');
    let last;
    for (let attempt = 0; attempt < 11; attempt++) {
      last = await requestEmailChange(
        mover.id,
        'elsewhere@example.org',
        { password: `guess ${attempt} of many`, signedInAt: longAgo },
        '198.51.100.80',
      );
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('sends nothing to an address another account has, and answers the same', async () => {
    const mover = await account('mover.one@example.org');
    await account('taken@example.org');
    const outcome = await requestEmailChange(
      mover.id,
      'taken@example.org',
      { password, signedInAt: longAgo },
      ip,
    );
    expect(outcome).toEqual({ ok: true, emails: [] });
  });
});

describe('confirming and undoing a change', () => {
  it('moves the account once, ends its sessions and tells the old address how to undo it', async () => {
    const mover = await account('mover.two@example.org');
    const session = await openSession(mover.id);
    const requested = await requestEmailChange(
      mover.id,
      'moved.two@example.org',
      { password, signedInAt: longAgo },
      ip,
    );
    const [confirm] = await mailsOf(requested);
    expect(confirm!.to).toBe('moved.two@example.org');
    const [unchanged] = await getDb().select().from(users).where(eq(users.id, mover.id));
    expect(unchanged!.email).toBe('mover.two@example.org');

    const token = tokenIn(confirm!.text, 'confirm-email');
    const confirmed = await confirmEmailChange(token);
    expect(confirmed).toMatchObject({ ok: true, emails: [expect.any(String)] });
    expect(await confirmEmailChange(token)).toEqual({ ok: false });
    const [moved] = await getDb().select().from(users).where(eq(users.id, mover.id));
    expect(moved!.email).toBe('moved.two@example.org');
    expect(await getCurrentSession(session)).toBeNull();

    const [notice] = await mailsOf(confirmed);
    expect(notice!.to).toBe('mover.two@example.org');
    expect(notice!.text).toContain('m***@example.org');
    expect(notice!.text).toContain('undo-email-change?token=');
  });

  it('takes the account back from the old address: sessions end and the password goes', async () => {
    const owner = await account('owner.before@example.org');
    const confirmed = await moveAccount(owner.id, 'thief@example.org');
    const thiefSession = await openSession(owner.id);
    const [notice] = await mailsOf(confirmed);
    const undo = tokenIn(notice!.text, 'undo-email-change');

    expect(await undoEmailChange(undo)).toMatchObject({
      ok: true,
      user: { id: owner.id, email: 'owner.before@example.org', verified: true },
    });
    expect(await undoEmailChange(undo)).toEqual({ ok: false, reason: 'invalid' });
    const [restored] = await getDb().select().from(users).where(eq(users.id, owner.id));
    expect(restored).toMatchObject({ email: 'owner.before@example.org', passwordHash: null });
    expect(await getCurrentSession(thiefSession)).toBeNull();
    expect((await signInWithPassword('thief@example.org', password, ip)).ok).toBe(false);
    expect((await signInWithPassword('owner.before@example.org', password, ip)).ok).toBe(false);

    // Just signed in by the link, the owner may choose a password without the old one.
    expect(await changePassword(owner.id, '', 'the owner’s new phrase', justNow)).toBe('changed');
    expect(
      (await signInWithPassword('owner.before@example.org', 'the owner’s new phrase', ip)).ok,
    ).toBe(true);
  });

  it('gives the old address back even if someone joined with it meanwhile, unverified', async () => {
    const owner = await account('owner.squatted@example.org');
    const confirmed = await moveAccount(owner.id, 'squatter.moved@example.org');
    await joinAsMember(
      {
        name: 'Squatter',
        email: 'owner.squatted@example.org',
        password: 'squatting phrase',
        consent: 'on',
      },
      '198.51.100.81',
    );
    const [notice] = await mailsOf(confirmed);
    expect(await undoEmailChange(tokenIn(notice!.text, 'undo-email-change'))).toMatchObject({
      ok: true,
    });
    const holders = await getDb()
      .select()
      .from(users)
      .where(eq(users.email, 'owner.squatted@example.org'));
    expect(holders.map((holder) => holder.id)).toEqual([owner.id]);
  });

  it('refuses to take an address a verified account now holds', async () => {
    const owner = await account('owner.gone@example.org');
    const confirmed = await moveAccount(owner.id, 'owner.gone.new@example.org');
    await account('owner.gone@example.org');
    const [notice] = await mailsOf(confirmed);
    expect(await undoEmailChange(tokenIn(notice!.text, 'undo-email-change'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('setting a password without one', () => {
  it('needs a recent sign-in when the account has no password', async () => {
    const linkOnly = await account('link.only@example.org');
    await getDb().update(users).set({ passwordHash: null }).where(eq(users.id, linkOnly.id));
    expect(await changePassword(linkOnly.id, '', 'a fresh long phrase', longAgo)).toBe(
      'sign-in-again',
    );
    expect(await changePassword(linkOnly.id, '', 'a fresh long phrase', justNow)).toBe('changed');
    expect(await changePassword(linkOnly.id, 'wrong', 'another long phrase', justNow)).toBe(
      'wrong-password',
    );
  });
});
