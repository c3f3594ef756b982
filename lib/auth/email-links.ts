import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { deliverEmailNow, enqueueEmail } from '@/lib/email/outbox';
import { renderEmail, type EmailContent } from '@/lib/email/render';
import { claimGuestGifts } from '@/lib/giving/claim';
import { hitRateLimits } from '@/lib/security/rate-limit';
import { hashPassword } from './password';
import { emailSchema } from './password-policy';
import type { SessionUser } from './sign-in';
import { getSessionUser } from './sign-in';
import { emailPerAddress, emailPerIp } from './throttles';
import { consumeToken, hashToken, issueToken, type IssuedToken } from './tokens';

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

interface LinkEmail {
  tokenPurpose: 'sign_in' | 'password_reset';
  emailPurpose: 'sign_in_link' | 'password_reset';
  ttlMinutes: number;
  subject: string;
  content: (issued: IssuedToken) => EmailContent;
}

/**
 * Checks the address and the throttles, then, when the address has an active account, issues a
 * token and queues the e-mail that carries it in one transaction, and tries to send it at once.
 * The answer is the same whether or not there is an account, so the form cannot tell anyone
 * which addresses are members.
 */
async function emailLink(rawEmail: string, ip: string, link: LinkEmail): Promise<RequestOutcome> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return { ok: true };
  const throttle = await throttleEmail(email.data, ip);
  if (!throttle.ok) return throttle;
  const user = await activeUserByEmail(email.data);
  if (!user) return { ok: true };
  const id = await getDb().transaction(async (tx) => {
    const issued = await issueToken(tx, {
      purpose: link.tokenPurpose,
      email: email.data,
      userId: user.id,
      ttlMinutes: link.ttlMinutes,
    });
    const message = { to: email.data, subject: link.subject, ...renderEmail(link.content(issued)) };
    return enqueueEmail(tx, message, link.emailPurpose, {
      expiresAt: new Date(Date.now() + link.ttlMinutes * 60_000),
    });
  });
  await deliverEmailNow(id);
  return { ok: true };
}

/** E-mails a sign-in link and code when the address has an account. */
export function requestSignInLink(rawEmail: string, ip: string): Promise<RequestOutcome> {
  const site = getSiteConfig();
  return emailLink(rawEmail, ip, {
    tokenPurpose: 'sign_in',
    emailPurpose: 'sign_in_link',
    ttlMinutes: linkMinutes,
    subject: `Your sign-in link for ${site.name}`,
    content: ({ token, code }) => ({
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
export function requestPasswordReset(rawEmail: string, ip: string): Promise<RequestOutcome> {
  const site = getSiteConfig();
  return emailLink(rawEmail, ip, {
    tokenPurpose: 'password_reset',
    emailPurpose: 'password_reset',
    ttlMinutes: resetMinutes,
    subject: `Reset your ${site.name} password`,
    content: ({ token }) => ({
      heading: 'Choose a new password',
      paragraphs: ['Open the link to choose a new password. It works once and expires in an hour.'],
      action: { label: 'Choose a new password', url: `${site.url}/reset-password?token=${token}` },
      footer:
        'You received this because someone asked to reset the password for this address. If it was not you, ignore it: your password stays as it is.',
    }),
  });
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
