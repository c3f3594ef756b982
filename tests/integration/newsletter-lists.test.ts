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

let editor: Actor;
let member: Actor;
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
  [editor, member] = await Promise.all([makeUser('editor'), makeUser('member')]);
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
