import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';

/** A verified account with `role`, written straight to the test's database. */
export async function verifiedUser(email: string, role: UserRole): Promise<{ id: string }> {
  const [row] = await getDb()
    .insert(users)
    .values({ email, role, emailVerified: new Date() })
    .returning({ id: users.id });
  return { id: row!.id };
}
