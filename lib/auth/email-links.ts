import 'server-only';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { authTokens, users, type AuthToken } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail, type EmailContent } from '@/lib/email/render';
import {
  hitRateLimits,
  peekRateLimits,
  refundRateLimit,
  type RateCheck,
} from '@/lib/security/rate-limit';
import { proveAddress } from './address-proof';
import { throttleEmail } from './email-throttle';
import { hashPassword } from './password';
import { emailSchema } from './password-policy';
import { endAllSessions } from './sessions';
import { getSessionUser, type SessionUser } from './sign-in';
import { codePerAddress, codePerIp, linkPerIp } from './throttles';
import type { EmailedKind } from './auth';
import {
  consumeToken,
  getTokenReturnPath,
  hashToken,
  issueToken,
  type IssuedToken,
} from './tokens';
import { queueVerificationEmail } from './verification-email';

/**
 * A request that ends in an e-mail: its outbox ids, to be sent once the answer has gone (so
 * that how long the answer takes says nothing of whether an account exists), or the wait when
 * throttled.
 */
export type RequestOutcome =
  { ok: true; emails: string[] } | { ok: false; retryAfterSeconds: number };

/** A sign-in by an e-mailed link or code. */
export type EmailedSignIn =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const signInLinkMinutes = 15;
const resetMinutes = 60;
const maxCodeAttempts = 5;

const nothingSent: RequestOutcome = { ok: true, emails: [] };
const invalid: EmailedSignIn = { ok: false, reason: 'invalid' };

async function activeUserByEmail(email: string) {
  const [user] = await getDb()
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  return user && !user.disabledAt ? user : null;
}

interface LinkEmail {
  tokenPurpose: 'sign_in' | 'password_reset';
  emailPurpose: 'sign_in_link' | 'password_reset' | 'account_exists';
  ttlMinutes: number;
  /** Whether the e-mail offers a code to type as well as the link. */
  withCode?: boolean;
  subject: string;
  content: (issued: IssuedToken) => EmailContent;
}

/** Issues a link's token and queues the e-mail that carries it, in the caller's transaction. */
export async function queueLinkEmail(
  tx: Transaction,
  account: { userId: string; email: string; returnPath?: string },
  link: LinkEmail,
): Promise<string> {
  const issued = await issueToken(tx, {
    purpose: link.tokenPurpose,
    email: account.email,
    userId: account.userId,
    ttlMinutes: link.ttlMinutes,
    withCode: link.withCode,
    returnPath: account.returnPath,
  });
  const message = {
    to: account.email,
    subject: link.subject,
    ...renderEmail(link.content(issued)),
  };
  return enqueueEmail(tx, message, link.emailPurpose, {
    expiresAt: new Date(Date.now() + link.ttlMinutes * 60_000),
  });
}

/**
 * Checks the address and the throttles, then, when the address has an active account, queues
 * the e-mail. The answer is the same whether or not there is an account, so the form cannot
 * tell anyone which addresses are members.
 */
async function emailLink(
  rawEmail: string,
  ip: string,
  link: LinkEmail,
  returnPath?: string,
): Promise<RequestOutcome> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return nothingSent;
  const throttle = await throttleEmail(email.data, ip);
  if (!throttle.ok) return throttle;
  if (!throttle.send) return nothingSent;
  const user = await activeUserByEmail(email.data);
  if (!user) return nothingSent;
  const id = await getDb().transaction((tx) =>
    queueLinkEmail(tx, { userId: user.id, email: email.data, returnPath }, link),
  );
  return { ok: true, emails: [id] };
}

export const signInUrl = (token: string) => `${getSiteConfig().url}/login/link?token=${token}`;

export function signInLinkEmail(): LinkEmail {
  const site = getSiteConfig();
  return {
    tokenPurpose: 'sign_in',
    emailPurpose: 'sign_in_link',
    ttlMinutes: signInLinkMinutes,
    withCode: true,
    subject: `Your sign-in link for ${site.name}`,
    content: ({ token, code }) => ({
      heading: 'Sign in to your account',
      paragraphs: [
        'Open the link and press the button to sign in, or type the code on the sign-in page, under "Or sign in without a password".',
        `Both work once and expire in ${signInLinkMinutes} minutes.`,
      ],
      action: { label: 'Sign in', url: signInUrl(token) },
      code,
      footer:
        'You received this because someone asked to sign in with this address. If it was not you, ignore it.',
    }),
  };
}

/**
 * E-mails a sign-in link and code when the address has an account; the link opens
 * `returnPath` once it has signed its person in.
 */
export function requestSignInLink(
  rawEmail: string,
  ip: string,
  returnPath?: string,
): Promise<RequestOutcome> {
  return emailLink(rawEmail, ip, signInLinkEmail(), returnPath);
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

/**
 * E-mails a fresh verification link to an account that is not verified yet, throttled as any
 * e-mail; the answer to the person who asked does not depend on it.
 */
export async function resendVerification(user: SessionUser, ip: string): Promise<RequestOutcome> {
  const throttle = await throttleEmail(user.email, ip);
  if (!throttle.ok || !throttle.send) return nothingSent;
  const id = await getDb().transaction((tx) =>
    queueVerificationEmail(tx, { userId: user.id, email: user.email }),
  );
  return { ok: true, emails: [id] };
}

/**
 * Counts an attempt against the limits, then runs it; an attempt that signs someone in is
 * taken back, so only failures use up the budget.
 */
async function throttledSignIn(
  checks: RateCheck[],
  attempt: () => Promise<EmailedSignIn>,
): Promise<EmailedSignIn> {
  const decision = await hitRateLimits(checks);
  if (!decision.allowed) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const result = await attempt();
  if (result.ok) {
    await Promise.all(checks.map(({ rule, subject }) => refundRateLimit(rule, subject)));
  }
  return result;
}

async function signedInAs(
  userId: string | null,
  route: 'verification-link' | 'other',
): Promise<EmailedSignIn> {
  if (!userId) return invalid;
  await proveAddress(userId, route);
  const user = await getSessionUser(userId);
  return user ? { ok: true, user } : invalid;
}

/** The e-mailed links that open a page with a button to sign in. */
export type EmailedLinkKind = Exclude<EmailedKind, 'code'>;

// Where each kind of link leaves the person it signs in, unless its token was issued with a
// page to return to (a members-only article they joined from, say).
const linkLandings: Record<EmailedLinkKind, { landing: string; purpose?: AuthToken['purpose'] }> = {
  'sign-in-link': { landing: '/account', purpose: 'sign_in' },
  verification: { landing: '/account?welcome=1', purpose: 'verify_email' },
  'undo-email-change': { landing: '/account?changed=undone' },
};

export const emailedLinkKinds = Object.keys(linkLandings) as [EmailedLinkKind];

/** Where following a link of this kind ends, read before its token is spent. */
export async function getLinkDestination(kind: EmailedLinkKind, rawToken: string) {
  const { landing, purpose } = linkLandings[kind];
  return (purpose && (await getTokenReturnPath(purpose, rawToken))) || landing;
}

/** Signs in with an e-mailed sign-in link's token, once. */
export function signInWithLinkToken(rawToken: string, ip: string): Promise<EmailedSignIn> {
  return throttledSignIn([{ rule: linkPerIp, subject: ip }], async () => {
    const token = await consumeToken('sign_in', rawToken);
    return signedInAs(token?.userId ?? null, 'other');
  });
}

/** Verifies a new member's address from the link e-mailed when they joined, and signs them in. */
export function signInWithVerification(rawToken: string, ip: string): Promise<EmailedSignIn> {
  return throttledSignIn([{ rule: linkPerIp, subject: ip }], async () => {
    const token = await consumeToken('verify_email', rawToken);
    return signedInAs(token?.userId ?? null, 'verification-link');
  });
}

/**
 * Checks a typed code against the newest sign-in token of the address, in one conditional
 * update, so that guesses made at the same moment are each counted: the fifth wrong one spends
 * the token, and no code works after that, not even the right one. Throttled per address and
 * per visitor's address as well.
 */
export async function signInWithCode(
  rawEmail: string,
  rawCode: string,
  ip: string,
): Promise<EmailedSignIn> {
  const email = emailSchema.safeParse(rawEmail);
  const code = rawCode.replace(/\s+/g, '');
  if (!email.success || !/^\d{6}$/.test(code)) return invalid;
  const checks = [
    { rule: codePerAddress, subject: email.data },
    { rule: codePerIp, subject: ip },
  ];
  return throttledSignIn(checks, () => checkCode(email.data, code));
}

async function checkCode(email: string, code: string): Promise<EmailedSignIn> {
  const db = getDb();
  const newest = db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(and(eq(authTokens.email, email), eq(authTokens.purpose, 'sign_in')))
    .orderBy(desc(authTokens.createdAt))
    .limit(1);
  const matches = sql`${authTokens.codeHash} = ${hashToken(`${email}:${code}`)}`;
  const [guess] = await db
    .update(authTokens)
    .set({
      failedAttempts: sql`${authTokens.failedAttempts} + case when ${matches} then 0 else 1 end`,
      usedAt: sql`case when ${matches} or ${authTokens.failedAttempts} + 1 >= ${maxCodeAttempts} then now() else null end`,
    })
    .where(
      and(
        sql`${authTokens.id} = (${newest})`,
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
        lt(authTokens.failedAttempts, maxCodeAttempts),
      ),
    )
    .returning({ userId: authTokens.userId, matched: sql<boolean>`${matches}` });
  return guess?.matched ? signedInAs(guess.userId, 'other') : invalid;
}

/** How long a throttled visitor must wait before following another e-mailed link, in seconds. */
export async function linkRetryAfter(ip: string): Promise<number> {
  return (await peekRateLimits([{ rule: linkPerIp, subject: ip }])).retryAfterSeconds;
}

/** How long a throttled visitor must wait before typing another code, in seconds. */
export async function codeRetryAfter(rawEmail: string, ip: string): Promise<number> {
  const email = emailSchema.safeParse(rawEmail);
  const checks: RateCheck[] = [{ rule: codePerIp, subject: ip }];
  if (email.success) checks.push({ rule: codePerAddress, subject: email.data });
  return (await peekRateLimits(checks)).retryAfterSeconds;
}

/**
 * Sets a new password from a reset link. The link proves the address, and every session of the
 * account ends.
 */
export async function resetPassword(rawToken: string, newPassword: string): Promise<boolean> {
  const token = await consumeToken('password_reset', rawToken);
  if (!token?.userId) return false;
  await proveAddress(token.userId, 'other');
  const passwordHash = await hashPassword(newPassword);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId!));
    await endAllSessions(token.userId!, tx);
  });
  return true;
}
