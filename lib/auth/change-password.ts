import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { endAllSessions, signedInRecently } from './sessions';

export type PasswordChange = 'changed' | 'wrong-password' | 'sign-in-again';

/**
 * Replaces the password after checking the current one, and ends every session of the account;
 * the caller signs the person in again on this device. An account without a password (its
 * owner signs in by e-mailed links, or it was taken back after a change of address) gets one
 * only within minutes of signing in, which proves the inbox is the person's.
 */
export async function changePassword(
  userId: string,
  current: string,
  next: string,
  signedInAt: Date,
): Promise<PasswordChange> {
  const db = getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return 'wrong-password';
  if (user.passwordHash) {
    if (!(await verifyPassword(user.passwordHash, current.slice(0, 256)))) return 'wrong-password';
  } else if (!signedInRecently(signedInAt)) {
    return 'sign-in-again';
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllSessions(userId, tx);
  });
  return 'changed';
}

/** Whether the account has a password to sign in with, for the account page's forms. */
export async function hasPassword(userId: string): Promise<boolean> {
  const [user] = await getDb()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(user?.passwordHash);
}
