import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';

/**
 * Replaces the password after checking the current one, and moves the session version on so
 * every session of the account ends; the caller signs the person in again on this device.
 */
export async function changePassword(
  userId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const db = getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) return false;
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(next),
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, userId));
  return true;
}
