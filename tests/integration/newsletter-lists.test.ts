import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, newsletterLists, topics, users, type UserRole } from '@/db/schema';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import type { Revalidator } from '@/lib/editorial/revalidate';
import {
  listNewsletterLists,
  nextListPosition,
  saveNewsletterList,
} from '@/lib/newsletters/list-admin';
import type { ListInput } from '@/lib/newsletters/list-input';
import { readOpenLists } from '@/lib/newsletters/lists';
import { listSubscribers, subscribersCsv } from '@/lib/newsletters/subscriber-admin';
import { savePreferences, subscriberForAccount } from '@/lib/newsletters/subscriptions';

let editor: Actor;
let member: Actor;
let admin: Actor;
let topicId: string;
const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}@lists.example`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

// What the form posts: every field as text, checked by the lib as an unknown input would be.
const input = (fields: Record<string, string> = {}) =>
  ({
    name: 'Trade Notes',
    slug: '',
    description: 'Everything on trade.',
    cadence: 'When a new piece appears',
    kind: 'issues',
    position: '',
    ...fields,
  }) as unknown as ListInput;

beforeAll(async () => {
  [editor, member, admin] = await Promise.all([
    makeUser('editor'),
    makeUser('member'),
    makeUser('admin'),
  ]);
  const [topic] = await getDb()
    .insert(topics)
    .values({ slug: 'trade', name: 'Trade' })
    .returning({ id: topics.id });
  topicId = topic!.id;
});

describe('newsletter lists in the admin', () => {
  it('creates a list with a slug from its name, audited, and offers it to readers', async () => {
    const saved = await saveNewsletterList(editor, null, input(), record);
    expect(saved).toMatchObject({ ok: true, slug: 'trade-notes' });
    expect(revalidated.at(-1)).toEqual(['newsletters']);
    expect((await readOpenLists()).map((list) => list.name)).toContain('Trade Notes');
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'newsletter_list.created'), eq(auditLog.actorId, editor.id)));
    expect(audit?.detail).toMatchObject({ name: 'Trade Notes', slug: 'trade-notes' });
    // A second list of the same name takes the next free slug.
    expect(await saveNewsletterList(editor, null, input(), record)).toMatchObject({
      slug: 'trade-notes-2',
    });
    expect(await nextListPosition()).toBe(1);
  });

  it('asks for the topic of a topic list, and forgets it when the list becomes another kind', async () => {
    expect(await saveNewsletterList(editor, null, input({ kind: 'topic' }), record)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { topicId: 'Choose which topic it follows.' },
    });
    const saved = await saveNewsletterList(
      editor,
      null,
      input({ name: 'Trade topic', kind: 'topic', topicId, seriesId: topicId }),
      record,
    );
    if (!saved.ok) throw new Error('not saved');
    const open = await readOpenLists();
    expect(open.find((list) => list.id === saved.id)).toMatchObject({
      topicSlug: 'trade',
      seriesSlug: null,
    });
    await saveNewsletterList(
      editor,
      saved.id,
      input({ name: 'Trade topic', kind: 'issues', topicId }),
      record,
    );
    const [row] = await getDb()
      .select()
      .from(newsletterLists)
      .where(eq(newsletterLists.id, saved.id));
    expect(row).toMatchObject({ kind: 'issues', topicId: null, seriesId: null });
  });

  it('retires a list: no longer offered, still listed for the admin', async () => {
    const saved = await saveNewsletterList(editor, null, input({ name: 'Short-lived' }), record);
    if (!saved.ok) throw new Error('not saved');
    await saveNewsletterList(
      editor,
      saved.id,
      input({ name: 'Short-lived', archived: 'on' }),
      record,
    );
    expect((await readOpenLists()).map((list) => list.id)).not.toContain(saved.id);
    expect((await listNewsletterLists()).find((list) => list.id === saved.id)).toMatchObject({
      archived: true,
      subscribed: 0,
    });
  });

  it('refuses a taken slug, a bad kind and a member', async () => {
    expect(
      await saveNewsletterList(editor, null, input({ slug: 'trade-notes' }), record),
    ).toMatchObject({
      ok: false,
      fieldErrors: { slug: 'Another newsletter has this slug. Choose another.' },
    });
    expect(await saveNewsletterList(editor, null, input({ kind: 'weekly' }), record)).toMatchObject(
      {
        ok: false,
        fieldErrors: { kind: 'Choose how it is sent.' },
      },
    );
    await expect(saveNewsletterList(member, null, input(), record)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await saveNewsletterList(editor, crypto.randomUUID(), input(), record)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('subscribers in the admin', () => {
  it('are listed and exported by filter, to administrators alone, the export audited', async () => {
    const saved = await saveNewsletterList(editor, null, input({ name: 'Exported' }), record);
    if (!saved.ok) throw new Error('not saved');
    const emails = ['=cmd@example.org', 'plain@example.org'];
    for (const email of emails) {
      const subscriberId = await subscriberForAccount({ id: crypto.randomUUID(), email });
      await savePreferences(subscriberId, [saved.id], 'form');
    }
    const listed = await listSubscribers(admin, { list: 'exported', status: 'subscribed' });
    expect(listed).toMatchObject({ ok: true, total: 2, pages: 1 });
    if (!listed.ok) throw new Error('not listed');
    expect(listed.rows.map((row) => row.email).sort()).toEqual(emails);
    expect(await listSubscribers(admin, { list: 'exported', status: 'pending' })).toMatchObject({
      total: 0,
    });
    expect(await listSubscribers(admin, { status: 'lapsed' })).toMatchObject({ ok: false });
    expect(await listSubscribers(admin, { list: 'a"b' })).toMatchObject({ ok: false });

    const exported = await subscribersCsv(admin, { list: 'exported' });
    if (!exported.ok) throw new Error('not exported');
    expect(exported.rowCount).toBe(2);
    expect(exported.filename).toMatch(/^newsletter-subscribers-exported-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = exported.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'E-mail,List,Status,Source,Consent wording,Consent at (UTC),Confirmed at (UTC),Unsubscribed at (UTC)',
    );
    // A cell a spreadsheet would run as a formula is written as text.
    expect(lines[1]).toMatch(/^'=cmd@example\.org,exported,subscribed,form,/);
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'newsletter_subscribers.exported'));
    expect(audit?.detail).toMatchObject({ rows: 2 });

    await expect(listSubscribers(editor, {})).rejects.toThrow();
    await expect(subscribersCsv(editor, {})).rejects.toThrow();
  });
});
