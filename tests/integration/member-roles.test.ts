import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import { changeRole, LastAdminError, listMembers } from '@/lib/admin/members';

async function idOf(email: string) {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

it('changes roles with an audit entry, ends sessions, and never leaves the site without an admin', async () => {
  const db = getDb();
  await upsertAccount(db, {
    email: 'only.admin@example.org',
    password: 'a long admin passphrase',
    role: 'admin',
  });
  await upsertAccount(db, {
    email: 'writer@example.org',
    password: 'a long writer passphrase',
    role: 'member',
  });
  const admin = await idOf('only.admin@example.org');
  const writer = await idOf('writer@example.org');

  await changeRole(admin, writer, 'editor');
  const [promoted] = await db.select().from(users).where(eq(users.id, writer));
  expect(promoted).toMatchObject({ role: 'editor', sessionVersion: 1 });
  const [entry] = await db.select().from(auditLog).where(eq(auditLog.subjectId, writer));
  expect(entry).toMatchObject({
    actorId: admin,
    action: 'member.role_changed',
    detail: { from: 'member', to: 'editor' },
  });

  await expect(changeRole(admin, admin, 'member')).rejects.toBeInstanceOf(LastAdminError);
  await changeRole(admin, writer, 'admin');
  await changeRole(writer, admin, 'member');
  const [demoted] = await db.select().from(users).where(eq(users.id, admin));
  expect(demoted!.role).toBe('member');

  expect((await listMembers('WRITER')).map((member) => member.email)).toEqual([
    'writer@example.org',
  ]);
  expect(await listMembers('%')).toEqual([]);
});
