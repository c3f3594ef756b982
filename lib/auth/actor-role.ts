import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { users, type UserRole } from '@/db/schema';

/**
 * Whether an active account holds one of the roles, as the database says now rather than as a
 * session token remembers it. Inside a transaction the shared row lock makes a role change or a
 * disabling wait until the work is done, so nobody demoted a moment ago can finish it.
 */
export async function actorHoldsRole(
  db: Database | Transaction,
  actorId: string,
  roles: readonly UserRole[],
): Promise<boolean> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actorId), isNull(users.disabledAt), inArray(users.role, [...roles])))
    .for('share');
  return user !== undefined;
}
