import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { listAuditActions, listAuditLog } from '@/lib/admin/audit';
import { AdminOnlyError } from '@/lib/auth/who';
import { giftAidClaimCsv } from '@/lib/admin/donations/gift-aid-claim';
import { verifiedUser } from '../support/verified-user';

const people: Record<'admin' | 'editor' | 'member' | 'leaver', { id: string }> = {
  admin: { id: '' },
  editor: { id: '' },
  member: { id: '' },
  leaver: { id: '' },
};

async function entry(actorId: string | null, action: string, at: string, subjectId = 'x') {
  await getDb()
    .insert(auditLog)
    .values({
      actorId,
      action,
      subjectType: action.split('.')[0]!,
      subjectId,
      detail: { note: action },
      createdAt: new Date(at),
    });
}

beforeAll(async () => {
  people.admin = await verifiedUser('admin@example.org', 'admin');
  people.editor = await verifiedUser('editor@example.org', 'editor');
  people.member = await verifiedUser('member@example.org', 'member');
  people.leaver = await verifiedUser('leaver@example.org', 'admin');
  await entry(people.editor.id, 'article.published', '2025-01-01T10:00:00Z', 'article-1');
  await entry(people.admin.id, 'member.role_changed', '2025-01-02T10:00:00Z', people.editor.id);
  await entry(people.editor.id, 'article.updated', '2025-01-03T10:00:00Z', 'article-1');
  await entry(people.leaver.id, 'member.role_changed', '2025-01-04T10:00:00Z', people.member.id);
  await entry(people.editor.id, 'article.published', '2025-01-05T10:00:00Z', 'article-2');
  // Deleting an account keeps what it did, without saying who.
  await getDb().delete(users).where(eq(users.id, people.leaver.id));
});

it('lists the log newest first, with who acted, and filters by action and actor', async () => {
  const log = await listAuditLog(people.admin, {});
  expect(log).toMatchObject({ page: 1, pageSize: 50, total: 5, pageCount: 1 });
  expect(log.items.map((item) => [item.action, item.actorEmail, item.subjectId])).toEqual([
    ['article.published', 'editor@example.org', 'article-2'],
    ['member.role_changed', null, people.member.id],
    ['article.updated', 'editor@example.org', 'article-1'],
    ['member.role_changed', 'admin@example.org', people.editor.id],
    ['article.published', 'editor@example.org', 'article-1'],
  ]);
  expect(log.items[0]).toMatchObject({
    actorId: people.editor.id,
    subjectType: 'article',
    detail: { note: 'article.published' },
    createdAt: '2025-01-05T10:00:00.000Z',
  });
  expect(log.items[1]!.actorId).toBeNull();

  const published = await listAuditLog(people.admin, { action: 'article.published' });
  expect(published.items.map((item) => item.subjectId)).toEqual(['article-2', 'article-1']);
  const byAdmin = await listAuditLog(people.admin, { actorId: people.admin.id });
  expect(byAdmin.items.map((item) => item.action)).toEqual(['member.role_changed']);
  const both = await listAuditLog(people.admin, {
    actorId: people.editor.id,
    action: 'article.updated',
  });
  expect(both.total).toBe(1);
});

it('pages, and ignores parameters that do not fit', async () => {
  const second = await listAuditLog(people.admin, { page: '2', pageSize: '2' });
  expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
  expect(second.items.map((item) => item.subjectId)).toEqual(['article-1', people.editor.id]);
  const odd = await listAuditLog(people.admin, { page: '-3', pageSize: 'lots', action: '' });
  expect(odd).toMatchObject({ page: 1, pageSize: 50, total: 5 });
  expect(odd.query.action).toBeUndefined();
});

it('offers every recorded action as a filter', async () => {
  expect(await listAuditActions(people.admin)).toEqual([
    'article.published',
    'article.updated',
    'member.role_changed',
  ]);
});

it('shows an export at the top of the log, with its period', async () => {
  await giftAidClaimCsv(people.admin, { from: '2025-04-06', to: '2026-04-05' });
  const [latest] = (await listAuditLog(people.admin, { pageSize: 1 })).items;
  expect(latest).toMatchObject({
    action: 'gift_aid.claim_exported',
    actorEmail: 'admin@example.org',
    detail: { from: '2025-04-06', to: '2026-04-05', rows: 0, totalMinor: 0 },
  });
});

it('is only for administrators', async () => {
  const before = (await getDb().select({ value: count() }).from(auditLog))[0]!.value;
  for (const actor of [people.member, people.editor, people.leaver]) {
    await expect(listAuditLog(actor, {})).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(listAuditActions(actor)).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(
      giftAidClaimCsv(actor, { from: '2025-04-06', to: '2026-04-05' }),
    ).rejects.toBeInstanceOf(AdminOnlyError);
  }
  expect((await getDb().select({ value: count() }).from(auditLog))[0]!.value).toBe(before);
});
