import 'server-only';
import { and, asc, count, eq, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { z } from 'zod';
import { auditLog, userRoles, users, type UserRole } from '@/db/schema';
import { endAllSessions } from '@/lib/auth/sessions';

export interface MemberRow {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  verified: boolean;
  disabled: boolean;
  createdAt: string;
}

export async function listMembers(search: string, limit = 100): Promise<MemberRow[]> {
  const pattern = `%${search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      emailVerified: users.emailVerified,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(search ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    verified: row.emailVerified !== null,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  }));
}

export const changeRoleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(userRoles),
});

export class LastAdminError extends Error {
  constructor() {
    super('The site must keep at least one active administrator.');
    this.name = 'LastAdminError';
  }
}

/**
 * Gives an account a new role, ends its sessions so the change applies at once, and records who
 * did it. Refuses to demote the last active administrator.
 */
export async function changeRole(actorId: string, userId: string, role: UserRole): Promise<void> {
  await getDb().transaction(async (tx) => {
    // Serialises role changes, so two admins demoting each other cannot leave none.
    await tx.execute(sql`select pg_advisory_xact_lock(4212027)`);
    const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
    if (!target || target.role === role) return;
    if (target.role === 'admin') {
      const [others] = await tx
        .select({ value: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
      if ((others?.value ?? 0) === 0) throw new LastAdminError();
    }
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await endAllSessions(userId, tx);
    await tx.insert(auditLog).values({
      actorId,
      action: 'member.role_changed',
      subjectType: 'user',
      subjectId: userId,
      detail: { from: target.role, to: role },
    });
  });
}

export const accountStatusSchema = z.object({
  userId: z.string().min(1).max(100),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export class OwnAccountError extends Error {
  constructor() {
    super('You cannot disable your own account; ask another administrator.');
    this.name = 'OwnAccountError';
  }
}

/**
 * Disables an account (it can no longer sign in, and its sessions end at once) or enables it
 * again, and records who did it. Never disables the actor's own account or the last active
 * administrator.
 */
export async function setAccountDisabled(
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<void> {
  if (disabled && actorId === userId) throw new OwnAccountError();
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4212027)`);
    const [target] = await tx
      .select({ role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!target || (target.disabledAt !== null) === disabled) return;
    if (disabled && target.role === 'admin') {
      const [others] = await tx
        .select({ value: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
      if ((others?.value ?? 0) === 0) throw new LastAdminError();
    }
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId));
    await endAllSessions(userId, tx);
    await tx.insert(auditLog).values({
      actorId,
      action: disabled ? 'member.disabled' : 'member.enabled',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}
