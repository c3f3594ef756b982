import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hitRateLimit, resetRateLimit } from '@/lib/security/rate-limit';
import { verifyPassword } from './password';
import { signedInRecently } from './sessions';
import { signInPerAccountAndIp } from './throttles';

export type IdentityCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Whether the person in a session is the account's owner, before a change that could hand the
 * account to someone else: they signed in within the last few minutes, or they type its
 * password now. A session left open on a shared computer proves neither. Wrong passwords count
 * against the same limit as signing in from that address.
 */
export async function confirmIdentity(
  userId: string,
  proof: { password: unknown; signedInAt: Date },
  ip: string,
): Promise<IdentityCheck> {
  if (signedInRecently(proof.signedInAt)) return { ok: true };
  const [user] = await getDb()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return { ok: false, reason: 'wrong-password' };
  const subject = `${user.email} ${ip}`;
  const decision = await hitRateLimit(signInPerAccountAndIp, subject);
  if (!decision.allowed) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const password = typeof proof.password === 'string' ? proof.password.slice(0, 256) : '';
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    return { ok: false, reason: 'wrong-password' };
  }
  await resetRateLimit(signInPerAccountAndIp, subject);
  return { ok: true };
}
