import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import {
  requestPasswordReset,
  requestSignInLink,
  resetPassword,
  signInWithCode,
  signInWithLinkToken,
} from '@/lib/auth/email-links';
import { confirmEmailChange, requestEmailChange } from '@/lib/auth/change-email';
import { joinAsMember, verifyEmail } from '@/lib/auth/join';
import { signInWithPassword } from '@/lib/auth/sign-in';

// E-mails go to the development log; each test reads the one it expects from the folder.
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-mail-'));
process.env.EMAIL_LOG_DIR = mailDir;
delete process.env.EMAIL_SERVER;
vi.spyOn(console, 'info').mockImplementation(() => {});

afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }));

async function lastMailTo(to: string) {
  for (const file of fs.readdirSync(mailDir).sort().reverse()) {
    const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
    if (mail.text && [mail.to].flat().some((address) => address?.text.includes(to)))
      return mail.text;
  }
  throw new Error(`no e-mail to ${to}`);
}

const tokenIn = (text: string, route: string) =>
  text.match(new RegExp(`${route}\\?token=([\\w-]+)`))![1]!;

describe('joining and verifying', () => {
  it('creates an unverified member, then verifies them once with the e-mailed link', async () => {
    const input = {
      name: 'New Reader',
      email: 'new.reader@example.org',
      password: 'a long new reader phrase',
      consent: 'on' as const,
      newsletter: 'on' as const,
    };
    expect(await joinAsMember(input, '203.0.113.5')).toEqual({ ok: true, emailDelayed: false });
    const [created] = await getDb().select().from(users).where(eq(users.email, input.email));
    expect(created).toMatchObject({ emailVerified: null, newsletterOptIn: true, role: 'member' });
    expect(created!.privacyConsentAt).toBeInstanceOf(Date);

    const [stored] = await getDb()
      .select()
      .from(authTokens)
      .where(eq(authTokens.email, input.email));
    const token = tokenIn(await lastMailTo(input.email), 'verify-email');
    expect(stored!.tokenHash).not.toContain(token);

    expect(await verifyEmail(token)).toBe(true);
    expect(await verifyEmail(token)).toBe(false);
    const [verified] = await getDb().select().from(users).where(eq(users.email, input.email));
    expect(verified!.emailVerified).toBeInstanceOf(Date);

    // Joining again with the same address changes nothing and only sends a note.
    expect(await joinAsMember({ ...input, name: 'Someone Else' }, '203.0.113.5')).toEqual({
      ok: true,
      emailDelayed: false,
    });
    expect(await lastMailTo(input.email)).toContain('already has an account');
    const again = await getDb().select().from(users).where(eq(users.email, input.email));
    expect(again).toHaveLength(1);
    expect(again[0]!.name).toBe('New Reader');
  });

  it('refuses an expired verification link', async () => {
    await joinAsMember(
      {
        name: 'Late',
        email: 'late@example.org',
        password: 'a long late phrase here',
        consent: 'on',
      },
      '203.0.113.6',
    );
    const token = tokenIn(await lastMailTo('late@example.org'), 'verify-email');
    await getDb()
      .update(authTokens)
      .set({
        createdAt: new Date(Date.now() - 3 * 86_400_000),
        expiresAt: new Date(Date.now() - 1000),
      })
      .where(eq(authTokens.email, 'late@example.org'));
    expect(await verifyEmail(token)).toBe(false);
  });
});

describe('sign-in links and codes', () => {
  const email = 'linked@example.org';

  it('signs in once by link; unknown addresses are sent nothing', async () => {
    await upsertAccount(getDb(), { email, password: 'a long linked passphrase', role: 'member' });
    const before = fs.readdirSync(mailDir).length;
    expect(await requestSignInLink('nobody.at.all@example.org', '203.0.113.7')).toEqual({
      ok: true,
    });
    expect(fs.readdirSync(mailDir).length).toBe(before);

    expect(await requestSignInLink(email, '203.0.113.7')).toEqual({ ok: true });
    const token = tokenIn(await lastMailTo(email), 'login/link');
    expect(await signInWithLinkToken(token)).toMatchObject({ email });
    expect(await signInWithLinkToken(token)).toBeNull();
    expect(await signInWithLinkToken('x')).toBeNull();
  });

  it('accepts the code, and spends it after five wrong tries', async () => {
    await requestSignInLink(email, '203.0.113.8');
    const code = (await lastMailTo(email)).match(/\b(\d{6})\b/)![1]!;
    const wrong = code === '123456' ? '654321' : '123456';
    expect(await signInWithCode(email, wrong)).toBeNull();
    expect(await signInWithCode(email, code.replace(/(\d{3})/, '$1 '))).toMatchObject({ email });

    await requestSignInLink(email, '203.0.113.8');
    const second = (await lastMailTo(email)).match(/\b(\d{6})\b/)![1]!;
    const miss = second === '000001' ? '000002' : '000001';
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await signInWithCode(email, miss)).toBeNull();
    expect(await signInWithCode(email, second)).toBeNull();
  });
});

describe('password reset', () => {
  it('sets the new password once and ends other sessions', async () => {
    const email = 'forgetful@example.org';
    await upsertAccount(getDb(), { email, password: 'the old long passphrase', role: 'member' });
    const [before] = await getDb().select().from(users).where(eq(users.email, email));
    expect(await requestPasswordReset(email, '203.0.113.9')).toEqual({ ok: true });
    const token = tokenIn(await lastMailTo(email), 'reset-password');
    expect(await resetPassword(token, 'the new long passphrase')).toBe(true);
    expect(await resetPassword(token, 'yet another passphrase')).toBe(false);
    const [after] = await getDb().select().from(users).where(eq(users.email, email));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect((await signInWithPassword(email, 'the old long passphrase', '203.0.113.10')).ok).toBe(
      false,
    );
    expect((await signInWithPassword(email, 'the new long passphrase', '203.0.113.10')).ok).toBe(
      true,
    );
  });

  it('throttles e-mails per address', async () => {
    const email = 'spammed@example.org';
    await upsertAccount(getDb(), { email, password: 'a long spammed passphrase', role: 'member' });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await requestPasswordReset(email, `198.51.100.${attempt}`)).toEqual({ ok: true });
    }
    expect(await requestPasswordReset(email, '198.51.100.200')).toMatchObject({ ok: false });
  });
});

describe('changing the e-mail address', () => {
  it('moves the account only when the new address confirms, once, and ends its sessions', async () => {
    const db = getDb();
    await upsertAccount(db, {
      email: 'mover@example.org',
      password: 'a long mover passphrase',
      role: 'member',
    });
    await upsertAccount(db, {
      email: 'taken@example.org',
      password: 'a long taken passphrase',
      role: 'member',
    });
    const [mover] = await db.select().from(users).where(eq(users.email, 'mover@example.org'));

    const before = fs.readdirSync(mailDir).length;
    expect(await requestEmailChange(mover!.id, 'taken@example.org', '203.0.113.20')).toEqual({
      ok: true,
    });
    expect(fs.readdirSync(mailDir).length).toBe(before);

    expect(await requestEmailChange(mover!.id, 'moved@example.org', '203.0.113.20')).toEqual({
      ok: true,
    });
    const token = tokenIn(await lastMailTo('moved@example.org'), 'confirm-email');
    const [unchanged] = await db.select().from(users).where(eq(users.id, mover!.id));
    expect(unchanged!.email).toBe('mover@example.org');

    expect(await confirmEmailChange(token)).toBe(true);
    expect(await confirmEmailChange(token)).toBe(false);
    const [moved] = await db.select().from(users).where(eq(users.id, mover!.id));
    expect(moved).toMatchObject({
      email: 'moved@example.org',
      sessionVersion: mover!.sessionVersion + 1,
    });
  });
});
