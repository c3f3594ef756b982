import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import { verifyPassword } from '@/lib/auth/password';
import { getCurrentSession, openSession } from '@/lib/auth/sessions';

describe('upsertAccount', () => {
  it('creates a verified account with an argon2id hash, then updates role and password', async () => {
    const db = getDb();
    const email = 'first.admin@example.org';
    expect(
      await upsertAccount(db, {
        email,
        password: 'a long first passphrase',
        role: 'admin',
        name: 'First',
      }),
    ).toBe('created');
    const [created] = await db.select().from(users).where(eq(users.email, email));
    expect(created).toMatchObject({ role: 'admin', name: 'First' });
    const session = await openSession(created!.id);
    expect(created!.emailVerified).toBeInstanceOf(Date);
    expect(await verifyPassword(created!.passwordHash!, 'a long first passphrase')).toBe(true);

    expect(
      await upsertAccount(db, { email, password: 'a different passphrase', role: 'editor' }),
    ).toBe('updated');
    const [updated] = await db.select().from(users).where(eq(users.email, email));
    expect(updated).toMatchObject({ role: 'editor', name: 'First' });
    // A new password ends every session the account had.
    expect(await getCurrentSession(session)).toBeNull();
    expect(await verifyPassword(updated!.passwordHash!, 'a long first passphrase')).toBe(false);
    expect(await verifyPassword(updated!.passwordHash!, 'a different passphrase')).toBe(true);
  });
});
