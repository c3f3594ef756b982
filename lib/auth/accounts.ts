import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { hashPassword } from './password';

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
    await db
      .update(users)
      .set({
        role: input.role,
        passwordHash,
        name: input.name ?? sql`${users.name}`,
        disabledAt: null,
        // A new password ends every session the account had.
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, existing.id));
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
