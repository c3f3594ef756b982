import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { hashPassword } from './password';
import { endAllSessions } from './sessions';

export interface AccountInput {
  email: string;
  password: string;
  role: UserRole;
  name?: string;
}

/**
 * Creates an account with a verified address, or sets the role and password of the one that
 * has the address. For operators (the CLI), never for a public form: it grants any role.
 */
export async function upsertAccount(
  db: Database,
  input: AccountInput,
): Promise<'created' | 'updated'> {
  const passwordHash = await hashPassword(input.password);
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email));
  if (existing) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          role: input.role,
          passwordHash,
          name: input.name ?? sql`${users.name}`,
          disabledAt: null,
        })
        .where(eq(users.id, existing.id));
      // A new password ends every session the account had.
      await endAllSessions(existing.id, tx);
    });
    return 'updated';
  }
  await db.insert(users).values({
    email: input.email,
    name: input.name ?? null,
    role: input.role,
    passwordHash,
    emailVerified: new Date(),
  });
  return 'created';
}
