import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { hitRateLimits, resetRateLimit } from '@/lib/security/rate-limit';
import { hashPassword, verifyPassword } from './password';
import { emailSchema } from './password-policy';
import { signInPerAccount, signInPerIp } from './throttles';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  sessionVersion: number;
  verified: boolean;
}

export type PasswordSignIn =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// Verified against when the address has no account, so both answers take as long.
let decoyHash: Promise<string> | undefined;

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
  emailVerified: users.emailVerified,
  disabledAt: users.disabledAt,
  passwordHash: users.passwordHash,
};

function toSessionUser(row: {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  sessionVersion: number;
  emailVerified: Date | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionVersion: row.sessionVersion,
    verified: row.emailVerified !== null,
  };
}

/**
 * Checks an e-mail and password, throttled per account and per IP address. Unknown addresses,
 * wrong passwords and disabled accounts all answer 'invalid', after the same work.
 */
export async function signInWithPassword(
  rawEmail: unknown,
  password: unknown,
  ip: string,
): Promise<PasswordSignIn> {
  const parsed = emailSchema.safeParse(rawEmail);
  const email = parsed.success
    ? parsed.data
    : String(rawEmail ?? '')
        .slice(0, 254)
        .toLowerCase();
  const decision = await hitRateLimits([
    { rule: signInPerAccount, subject: email },
    { rule: signInPerIp, subject: ip },
  ]);
  if (!decision.allowed) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const candidate = typeof password === 'string' && password.length <= 256 ? password : '';
  const [row] = parsed.success
    ? await getDb().select(sessionColumns).from(users).where(eq(users.email, email)).limit(1)
    : [];
  if (!row?.passwordHash || row.disabledAt) {
    decoyHash ??= hashPassword('decoy password for unknown accounts');
    await verifyPassword(await decoyHash, candidate);
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(row.passwordHash, candidate))) return { ok: false, reason: 'invalid' };
  await resetRateLimit(signInPerAccount, email);
  return { ok: true, user: toSessionUser(row) };
}

/** The account behind a session as it is now, or null when it is gone or disabled. */
export async function getSessionUser(id: string): Promise<SessionUser | null> {
  const [row] = await getDb().select(sessionColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!row || row.disabledAt) return null;
  return toSessionUser(row);
}
