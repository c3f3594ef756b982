import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { renderEmail } from '@/lib/email/render';
import { sendEmail } from '@/lib/email/send';
import { claimGuestGifts } from '@/lib/giving/claim';
import { hitRateLimits } from '@/lib/security/rate-limit';
import { hashPassword } from './password';
import { emailSchema } from './password-policy';
import type { SessionUser } from './sign-in';
import { getSessionUser } from './sign-in';
import { emailPerAddress, emailPerIp } from './throttles';
import { consumeToken, hashToken, issueToken } from './tokens';

export type RequestOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

const linkMinutes = 15;
const resetMinutes = 60;
const maxCodeAttempts = 5;

async function throttleEmail(email: string, ip: string): Promise<RequestOutcome> {
  const decision = await hitRateLimits([
    { rule: emailPerAddress, subject: email },
    { rule: emailPerIp, subject: ip },
  ]);
  return decision.allowed
    ? { ok: true }
    : { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
}

async function activeUserByEmail(email: string) {
  const [user] = await getDb()
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  return user && !user.disabledAt ? user : null;
}

type Prepared = { email: string; token: string; code: string } | RequestOutcome | null;

/**
 * Checks the address and the throttles, then issues a token when the address has an active
 * account. Null means there is nothing to send (no such account, or no valid address).
 */
async function prepareToken(
  rawEmail: string,
  ip: string,
  purpose: 'sign_in' | 'password_reset',
  ttlMinutes: number,
): Promise<Prepared> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return null;
  const throttle = await throttleEmail(email.data, ip);
  if (!throttle.ok) return throttle;
  const user = await activeUserByEmail(email.data);
  if (!user) return null;
  const issued = await getDb().transaction((tx) =>
    issueToken(tx, { purpose, email: email.data, userId: user.id, ttlMinutes }),
  );
  return { email: email.data, ...issued };
}

/**
 * E-mails a sign-in link and code when the address has an account. The answer is the same
 * either way, so the form cannot tell anyone which addresses are members.
 */
export async function requestSignInLink(rawEmail: string, ip: string): Promise<RequestOutcome> {
  const prepared = await prepareToken(rawEmail, ip, 'sign_in', linkMinutes);
  if (!prepared || 'ok' in prepared) return prepared ?? { ok: true };
  const { email, token, code } = prepared;
  const site = getSiteConfig();
  await sendEmail({
    to: email,
    subject: `Your sign-in link for ${site.name}`,
    ...renderEmail({
      heading: 'Sign in to your account',
      paragraphs: [
        'Open the link and press the button to sign in, or type the code on the sign-in page.',
        `Both work once and expire in ${linkMinutes} minutes.`,
      ],
      action: { label: 'Sign in', url: `${site.url}/login/link?token=${token}` },
      code,
      footer:
        'You received this because someone asked to sign in with this address. If it was not you, ignore it.',
    }),
  });
  return { ok: true };
}

async function signInAs(userId: string | null): Promise<SessionUser | null> {
  if (!userId) return null;
  // Following the e-mailed link proves the address is the reader's.
  await getDb()
    .update(users)
    .set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` })
    .where(eq(users.id, userId));
  await claimGuestGifts(userId);
  return getSessionUser(userId);
}

export async function signInWithLinkToken(rawToken: string): Promise<SessionUser | null> {
  const token = await consumeToken('sign_in', rawToken);
  return signInAs(token?.userId ?? null);
}

/** Checks a typed code against the newest live sign-in token; five wrong codes spend it. */
export async function signInWithCode(
  rawEmail: string,
  rawCode: string,
): Promise<SessionUser | null> {
  const email = emailSchema.safeParse(rawEmail);
  const code = rawCode.replace(/\s+/g, '');
  if (!email.success || !/^\d{6}$/.test(code)) return null;
  const db = getDb();
  const [token] = await db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.email, email.data),
        eq(authTokens.purpose, 'sign_in'),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(authTokens.createdAt))
    .limit(1);
  if (!token) return null;
  if (token.codeHash !== hashToken(`${email.data}:${code}`)) {
    await db
      .update(authTokens)
      .set({
        failedAttempts: sql`${authTokens.failedAttempts} + 1`,
        usedAt: token.failedAttempts + 1 >= maxCodeAttempts ? new Date() : null,
      })
      .where(eq(authTokens.id, token.id));
    return null;
  }
  const [spent] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, token.id), isNull(authTokens.usedAt)))
    .returning();
  return signInAs(spent?.userId ?? null);
}

/** E-mails a password-reset link when the address has an account; the same answer otherwise. */
export async function requestPasswordReset(rawEmail: string, ip: string): Promise<RequestOutcome> {
  const prepared = await prepareToken(rawEmail, ip, 'password_reset', resetMinutes);
  if (!prepared || 'ok' in prepared) return prepared ?? { ok: true };
  const { email, token } = prepared;
  const site = getSiteConfig();
  await sendEmail({
    to: email,
    subject: `Reset your ${site.name} password`,
    ...renderEmail({
      heading: 'Choose a new password',
      paragraphs: ['Open the link to choose a new password. It works once and expires in an hour.'],
      action: { label: 'Choose a new password', url: `${site.url}/reset-password?token=${token}` },
      footer:
        'You received this because someone asked to reset the password for this address. If it was not you, ignore it: your password stays as it is.',
    }),
  });
  return { ok: true };
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(rawToken: string, newPassword: string): Promise<boolean> {
  const token = await consumeToken('password_reset', rawToken);
  if (!token?.userId) return false;
  await getDb()
    .update(users)
    .set({
      passwordHash: await hashPassword(newPassword),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      emailVerified: sql`coalesce(${users.emailVerified}, now())`,
    })
    .where(eq(users.id, token.userId));
  await claimGuestGifts(token.userId);
  return true;
}
