import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import {
  hitRateLimit,
  hitRateLimits,
  peekRateLimit,
  peekRateLimits,
  refundRateLimit,
  resetRateLimit,
} from '@/lib/security/rate-limit';
import { hashPassword, verifyPassword } from './password';
import { emailSchema } from './password-policy';
import { toSessionUser, type SessionUser } from './session-user';
import { signInPerAccount, signInPerAccountAndIp, signInPerIp } from './throttles';

export type { SessionUser };

export type PasswordSignIn =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  /** The right password for an account whose address is not verified yet. */
  | { ok: false; reason: 'unverified'; user: SessionUser }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// Verified against when the address has no account, so both answers take as long.
let decoyHash: Promise<string> | undefined;

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  emailVerified: users.emailVerified,
  disabledAt: users.disabledAt,
  passwordHash: users.passwordHash,
};

// Each attempt on an account past its limit of failures waits half a second longer, up to five
// seconds.
const slowDownStepMs = 500;
const slowDownMaxMs = 5_000;

export function slowDownMs(hits: number, limit = signInPerAccount.limit): number {
  return Math.min(slowDownMaxMs, Math.max(0, hits - limit) * slowDownStepMs);
}

const accountAndIp = (email: string, ip: string) => `${email} ${ip}`;

function normalisedEmail(rawEmail: unknown): { email: string; valid: boolean } {
  const parsed = emailSchema.safeParse(rawEmail);
  if (parsed.success) return { email: parsed.data, valid: true };
  return {
    email: String(rawEmail ?? '')
      .slice(0, 254)
      .toLowerCase(),
    valid: false,
  };
}

/**
 * Checks an e-mail and password. Refused after ten tries of one account from one address, or
 * fifty from one address; attempts on one account from anywhere past ten are slowed down, not
 * refused, so nobody can lock the owner out. Unknown addresses, wrong passwords and disabled
 * accounts all answer 'invalid', after the same work. An account whose address is not verified
 * cannot be signed into with a password at all: the right password only earns 'unverified'.
 */
export async function signInWithPassword(
  rawEmail: unknown,
  password: unknown,
  ip: string,
): Promise<PasswordSignIn> {
  const { email, valid } = normalisedEmail(rawEmail);
  const decision = await hitRateLimits([
    { rule: signInPerAccountAndIp, subject: accountAndIp(email, ip) },
    { rule: signInPerIp, subject: ip },
  ]);
  if (!decision.allowed) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const failures = await peekRateLimit(signInPerAccount, email);
  const delay = slowDownMs(failures.hits + 1);
  if (delay > 0) await sleep(delay);

  const candidate = typeof password === 'string' && password.length <= 256 ? password : '';
  const [row] = valid
    ? await getDb().select(accountColumns).from(users).where(eq(users.email, email)).limit(1)
    : [];
  const known = Boolean(row?.passwordHash && !row.disabledAt);
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  const matches = await verifyPassword(known ? row!.passwordHash! : await decoyHash, candidate);
  if (!known || !matches || !row) {
    await hitRateLimit(signInPerAccount, email);
    return { ok: false, reason: 'invalid' };
  }
  await Promise.all([
    resetRateLimit(signInPerAccountAndIp, accountAndIp(email, ip)),
    refundRateLimit(signInPerIp, ip),
  ]);
  const user = toSessionUser(row);
  return user.verified ? { ok: true, user } : { ok: false, reason: 'unverified', user };
}

/** How long a throttled visitor must wait before trying this account again, in seconds. */
export async function signInRetryAfter(rawEmail: unknown, ip: string): Promise<number> {
  const { email } = normalisedEmail(rawEmail);
  const decision = await peekRateLimits([
    { rule: signInPerAccountAndIp, subject: accountAndIp(email, ip) },
    { rule: signInPerIp, subject: ip },
  ]);
  return decision.retryAfterSeconds;
}

/** The account as it is now, or null when it is gone or disabled. */
export async function getSessionUser(id: string): Promise<SessionUser | null> {
  const [row] = await getDb().select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!row || row.disabledAt) return null;
  return toSessionUser(row);
}
