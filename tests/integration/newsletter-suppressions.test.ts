import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, newsletterSuppressions, users, type UserRole } from '@/db/schema';
import { AdminOnlyError, type Actor } from '@/lib/auth/who';
import {
  addSuppression,
  listSuppressions,
  removeSuppression,
  suppressionsPageSize,
} from '@/lib/newsletters/suppressions';
import { readPreferences, subscriberForAccount } from '@/lib/newsletters/subscriptions';

let admin: Actor;
let editor: Actor;

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}@suppressions.example`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

const auditsOf = (action: string) =>
  getDb().select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  [admin, editor] = await Promise.all([makeUser('admin'), makeUser('editor')]);
});

describe('the suppression list', () => {
  it('takes an address with a note, once, audited', async () => {
    expect(
      await addSuppression(admin, { email: ' Asked.Never@Example.org ', note: ' By phone ' }),
    ).toEqual({ ok: true, email: 'asked.never@example.org' });
    const [row] = await getDb()
      .select()
      .from(newsletterSuppressions)
      .where(eq(newsletterSuppressions.email, 'asked.never@example.org'));
    expect(row).toMatchObject({ reason: 'admin', detail: 'By phone' });
    expect((await auditsOf('newsletter_suppressions.added')).at(-1)).toMatchObject({
      actorId: admin.id,
      subjectType: 'newsletter_suppressions',
      detail: { email: 'asked.never@example.org', note: 'By phone' },
    });

    expect(await addSuppression(admin, { email: 'asked.never@example.org', note: '' })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { email: 'asked.never@example.org is already on the suppression list.' },
    });
    expect(await addSuppression(admin, { email: 'not an address', note: 'x'.repeat(501) })).toEqual(
      {
        ok: false,
        reason: 'invalid',
        fieldErrors: {
          email: 'Enter an e-mail address like name@example.org.',
          note: 'Keep the note to 500 characters.',
        },
      },
    );
    expect(await auditsOf('newsletter_suppressions.added')).toHaveLength(1);
  });

  it('is searched by any part of an address, in any case, and paginated newest first', async () => {
    const base = new Date('2025-01-01T00:00:00Z').getTime();
    await getDb()
      .insert(newsletterSuppressions)
      .values(
        Array.from({ length: suppressionsPageSize + 5 }, (_, i) => ({
          email: `bulk${i}@bounce.example`,
          reason: 'bounced' as const,
          detail: '550 No such user',
          createdAt: new Date(base + i * 60_000),
        })),
      );
    await getDb()
      .insert(newsletterSuppressions)
      .values({ email: 'per%cent_under@example.org', reason: 'complained' });

    const first = await listSuppressions(admin, { search: 'BOUNCE.Example' });
    expect(first).toMatchObject({ total: suppressionsPageSize + 5, page: 1, pages: 2 });
    expect(first.rows[0]).toMatchObject({
      email: `bulk${suppressionsPageSize + 4}@bounce.example`,
      reason: 'bounced',
      detail: '550 No such user',
    });
    const second = await listSuppressions(admin, { search: 'bounce.example', page: '2' });
    expect(second.rows.map((row) => row.email)).toEqual(
      [4, 3, 2, 1, 0].map((i) => `bulk${i}@bounce.example`),
    );
    expect((await listSuppressions(admin, { search: 'bounce', page: '99' })).page).toBe(2);

    // The wildcards of LIKE match only themselves.
    expect((await listSuppressions(admin, { search: '%' })).rows.map((row) => row.email)).toEqual([
      'per%cent_under@example.org',
    ]);
    expect((await listSuppressions(admin, { search: 't_u' })).total).toBe(1);
    expect((await listSuppressions(admin, { search: 'nobody' })).total).toBe(0);
    expect((await listSuppressions(admin, {})).total).toBe(suppressionsPageSize + 7);
  });

  it('gives an address back, saying what the list held of it, audited', async () => {
    expect(await removeSuppression(admin, 'bulk0@bounce.example')).toEqual({
      ok: true,
      email: 'bulk0@bounce.example',
      reason: 'bounced',
    });
    expect((await listSuppressions(admin, { search: 'bulk0@' })).total).toBe(0);
    expect((await auditsOf('newsletter_suppressions.removed')).at(-1)).toMatchObject({
      actorId: admin.id,
      detail: { email: 'bulk0@bounce.example', reason: 'bounced', detail: '550 No such user' },
    });
    expect(await removeSuppression(admin, 'bulk0@bounce.example')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('tells a subscriber on it why nothing is sent, in their preferences', async () => {
    const subscriberId = await subscriberForAccount({
      id: crypto.randomUUID(),
      email: 'asked.never@example.org',
    });
    expect(await readPreferences(subscriberId)).toMatchObject({ suppression: 'admin' });
    await removeSuppression(admin, 'asked.never@example.org');
    expect(await readPreferences(subscriberId)).toMatchObject({ suppression: null });
  });

  it('is for administrators alone', async () => {
    await expect(listSuppressions(editor, {})).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(
      addSuppression(editor, { email: 'x@example.org', note: '' }),
    ).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(removeSuppression(editor, 'bulk1@bounce.example')).rejects.toBeInstanceOf(
      AdminOnlyError,
    );
    expect((await listSuppressions(admin, { search: 'bulk1@' })).total).toBe(1);
  });
});
