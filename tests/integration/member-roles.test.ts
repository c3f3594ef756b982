import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import {
  changeRole,
  LastAdminError,
  listMembers,
  OwnAccountError,
  setAccountDisabled,
} from '@/lib/admin/members';
import { getCurrentSession, openSession } from '@/lib/auth/sessions';
import { getSessionUser, signInWithPassword } from '@/lib/auth/sign-in';

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
  const writersSession = await openSession(writer);

  await changeRole(admin, writer, 'editor');
  const [promoted] = await db.select().from(users).where(eq(users.id, writer));
  expect(promoted).toMatchObject({ role: 'editor' });
  expect(await getCurrentSession(writersSession)).toBeNull();
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

it('disables an account, ending its sessions, but never the actor’s own or the last admin', async () => {
  const db = getDb();
  await upsertAccount(db, {
    email: 'chair@example.org',
    password: 'a long chair passphrase',
    role: 'admin',
  });
  await upsertAccount(db, {
    email: 'troll@example.org',
    password: 'a long troll passphrase',
    role: 'member',
  });
  const chair = await idOf('chair@example.org');
  const troll = await idOf('troll@example.org');
  const trollsSession = await openSession(troll);

  await setAccountDisabled(chair, troll, true);
  const [disabled] = await db.select().from(users).where(eq(users.id, troll));
  expect(disabled!.disabledAt).toBeInstanceOf(Date);
  expect(await getCurrentSession(trollsSession)).toBeNull();
  expect(await getSessionUser(troll)).toBeNull();
  expect(
    await signInWithPassword('troll@example.org', 'a long troll passphrase', '203.0.113.9'),
  ).toMatchObject({ ok: false });
  const actions = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.subjectId, troll));
  expect(actions).toEqual([{ action: 'member.disabled' }]);

  await setAccountDisabled(chair, troll, false);
  expect(await getSessionUser(troll)).toMatchObject({ id: troll, email: 'troll@example.org' });
  expect(
    await signInWithPassword('troll@example.org', 'a long troll passphrase', '203.0.113.9'),
  ).toMatchObject({ ok: true, user: { id: troll } });
  // Enabling it again does not bring back the sessions it had.
  expect(await getCurrentSession(trollsSession)).toBeNull();

  await expect(setAccountDisabled(chair, chair, true)).rejects.toBeInstanceOf(OwnAccountError);
  const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
  for (const admin of admins.filter((row) => row.id !== chair)) {
    await setAccountDisabled(chair, admin.id, true);
  }
  await upsertAccount(db, {
    email: 'deputy@example.org',
    password: 'a long deputy passphrase',
    role: 'admin',
  });
  const deputy = await idOf('deputy@example.org');
  await setAccountDisabled(deputy, chair, true);
  await expect(setAccountDisabled(chair, deputy, true)).rejects.toBeInstanceOf(LastAdminError);
});
