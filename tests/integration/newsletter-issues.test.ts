import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articles,
  auditLog,
  emailOutbox,
  newsletterDeliveries,
  newsletterIssues,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
  type UserRole,
} from '@/db/schema';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import { readIssueContent } from '@/lib/newsletters/delivery';
import {
  deleteIssue,
  getIssue,
  listIssues,
  pieceChoices,
  previewIssue,
  saveIssue,
  scheduleIssue,
  sendIssueNow,
  sendTestIssue,
  unscheduleIssue,
} from '@/lib/newsletters/issue-admin';
import type { IssueInput } from '@/lib/newsletters/issue-input';
import { toLondonInput } from '@/lib/time/london';

process.env.SITE_URL = 'https://northgate.example';

let editor: Actor;
let member: Actor;
let listId: string;
let retiredListId: string;
let openPiece: string;
let membersPiece: string;
let draftPiece: string;

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}@issues.example`, role, emailVerified: new Date() })
    .returning({ id: users.id });
  return { id: row!.id };
}

// What the form posts, as text, checked by the lib as an unknown input would be.
const input = (fields: Partial<Record<keyof IssueInput, unknown>> = {}) =>
  ({
    listId,
    subject: 'The week in policy',
    preheader: 'Three pieces worth your time',
    intro: 'Welcome to **this week**.',
    articleIds: [openPiece, membersPiece],
    ...fields,
  }) as IssueInput;

async function subscribe(email: string) {
  const db = getDb();
  const [row] = await db.insert(newsletterSubscribers).values({ email }).returning();
  await db.insert(newsletterSubscriptions).values({
    subscriberId: row!.id,
    listId,
    status: 'subscribed',
    source: 'form',
    consentText: 'Yes please',
    consentAt: new Date(),
    confirmedAt: new Date(),
  });
}

async function draft(fields: Parameters<typeof input>[0] = {}): Promise<string> {
  const result = await saveIssue(editor, null, input(fields));
  if (!result.ok) throw new Error(`draft not saved: ${JSON.stringify(result)}`);
  return result.id;
}

const inAnHour = () => toLondonInput(new Date(Date.now() + 60 * 60_000));

beforeAll(async () => {
  [editor, member] = await Promise.all([makeUser('editor'), makeUser('member')]);
  const db = getDb();
  const lists = await db
    .insert(newsletterLists)
    .values([
      { slug: 'week', name: 'The Week', kind: 'issues' },
      { slug: 'old', name: 'Old Notes', kind: 'issues', archived: true },
    ])
    .returning();
  listId = lists.find((list) => list.slug === 'week')!.id;
  retiredListId = lists.find((list) => list.slug === 'old')!.id;
  const yesterday = new Date(Date.now() - 86_400_000);
  const pieces = await db
    .insert(articles)
    .values([
      {
        slug: 'issue-open',
        title: 'Open to all',
        standfirst: 'Everyone reads this.',
        body: 'The open body.',
        status: 'published',
        publishedAt: yesterday,
      },
      {
        slug: 'issue-members',
        title: 'For members',
        standfirst: 'Members read this.',
        body: 'The members body is secret.',
        status: 'published',
        visibility: 'members',
        publishedAt: yesterday,
      },
      { slug: 'issue-draft', title: 'Not yet', body: 'Unfinished.', status: 'draft' },
    ])
    .returning({ id: articles.id, slug: articles.slug });
  const idOf = (slug: string) => pieces.find((piece) => piece.slug === slug)!.id;
  openPiece = idOf('issue-open');
  membersPiece = idOf('issue-members');
  draftPiece = idOf('issue-draft');
});

beforeEach(async () => {
  const db = getDb();
  await db.delete(newsletterIssues);
  await db.delete(newsletterSubscribers);
  await db.delete(newsletterSuppressions);
  await db.delete(emailOutbox);
  await db.update(articles).set({ status: 'published' }).where(eq(articles.id, openPiece));
});

describe('writing an issue', () => {
  it('saves a draft with its pieces in the editor’s order, audited', async () => {
    const id = await draft({ articleIds: [membersPiece, openPiece] });
    const issue = await getIssue(id);
    expect(issue).toMatchObject({
      status: 'draft',
      subject: 'The week in policy',
      listName: 'The Week',
      articleIds: [membersPiece, openPiece],
    });
    const content = await readIssueContent(getDb(), id);
    expect(content?.pieces.map((piece) => piece.title)).toEqual(['For members', 'Open to all']);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'newsletter_issue.created')));
    expect(entry?.actorId).toBe(editor.id);
  });

  it('refuses bad input with a message per field and saves nothing', async () => {
    const cases: [Parameters<typeof input>[0], string][] = [
      [{ subject: '   ' }, 'subject'],
      [{ listId: 'not-an-id' }, 'listId'],
      [{ listId: retiredListId }, 'listId'],
      [{ listId: '00000000-0000-4000-8000-000000000000' }, 'listId'],
      [{ articleIds: [draftPiece] }, 'articleIds'],
      [{ articleIds: [openPiece, openPiece] }, 'articleIds'],
      [{ articleIds: ['nonsense'] }, 'articleIds'],
      [{ articleIds: Array.from({ length: 13 }, () => crypto.randomUUID()) }, 'articleIds'],
      [{ articleIds: [], intro: '  ' }, 'articleIds'],
      [{ subject: 'x'.repeat(151) }, 'subject'],
    ];
    for (const [fields, field] of cases) {
      const result = await saveIssue(editor, null, input(fields));
      expect(result.ok, JSON.stringify(fields).slice(0, 80)).toBe(false);
      if (!result.ok && result.reason === 'invalid')
        expect(result.fieldErrors).toHaveProperty(field);
    }
    expect(await getDb().select().from(newsletterIssues)).toEqual([]);
  });

  it('lets only editors and admins write', async () => {
    await expect(saveIssue(member, null, input())).rejects.toBeInstanceOf(ForbiddenError);
    const id = await draft();
    await expect(sendIssueNow(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sendTestIssue(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteIssue(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getIssue(id))?.status).toBe('draft');
  });

  it('offers live pieces, and a chosen piece unpublished since, marked', async () => {
    const choices = await pieceChoices([draftPiece]);
    expect(choices.find((piece) => piece.id === openPiece)?.live).toBe(true);
    expect(choices.find((piece) => piece.id === draftPiece)?.live).toBe(false);
    expect((await pieceChoices()).some((piece) => piece.id === draftPiece)).toBe(false);
  });
});

describe('previews and tests', () => {
  it('shows members the members’ piece and others a card inviting them to join', async () => {
    const id = await draft();
    const preview = await previewIssue(id);
    const asMember = preview?.member;
    const asReader = preview?.reader;
    expect(asReader).not.toBeNull();
    expect(asMember?.html).toContain('The members body is secret.');
    expect(asReader?.html).not.toContain('The members body is secret.');
    expect(asReader?.html).toContain('Members read it in full.');
    expect(asReader?.text).toContain('Members read it in full.');
    expect(asMember?.html).toContain('<base target="_blank">');
    expect(asMember?.html).toContain('<strong>this week</strong>');
  });

  it('sends the editor both versions as a test, and no subscriber anything', async () => {
    await subscribe('reader@example.org');
    const id = await draft();
    const result = await sendTestIssue(editor, id);
    expect(result).toMatchObject({ ok: true, to: 'editor@issues.example' });
    const queued = await getDb().select().from(emailOutbox);
    expect(queued.map((row) => [row.purpose, row.recipient, row.subject]).sort()).toEqual([
      ['newsletter_test', 'editor@issues.example', '[Test as a member] The week in policy'],
      ['newsletter_test', 'editor@issues.example', '[Test as a non-member] The week in policy'],
    ]);
    expect(queued.find((row) => row.subject.includes('non-member'))?.text).not.toContain('secret');
    expect(await getDb().select().from(newsletterDeliveries)).toEqual([]);
    expect((await getIssue(id))?.status).toBe('draft');
  });

  it('sends one test when every piece is public', async () => {
    const id = await draft({ articleIds: [openPiece] });
    const result = await sendTestIssue(editor, id);
    expect(result.ok && result.emails).toHaveLength(1);
  });
});

describe('scheduling', () => {
  it('sets a time on a London clock, and takes it back', async () => {
    const id = await draft();
    const when = inAnHour();
    const result = await scheduleIssue(editor, id, when);
    expect(result.ok).toBe(true);
    const issue = await getIssue(id);
    expect(issue?.status).toBe('scheduled');
    expect(toLondonInput(issue!.scheduledAt!)).toBe(when);
    // Editing keeps it scheduled.
    expect((await saveIssue(editor, id, input({ subject: 'Changed' }))).ok).toBe(true);
    expect((await getIssue(id))?.status).toBe('scheduled');
    expect((await unscheduleIssue(editor, id)).ok).toBe(true);
    expect(await getIssue(id)).toMatchObject({ status: 'draft', scheduledAt: null });
  });

  it('refuses a time past, too near, too far or not a time', async () => {
    const id = await draft();
    const now = Date.now();
    for (const sendAt of [
      toLondonInput(new Date(now - 60 * 60_000)),
      toLondonInput(new Date(now + 30_000)),
      toLondonInput(new Date(now + 400 * 86_400_000)),
      'tomorrow',
      '2026-02-30T09:00',
      '',
    ]) {
      const result = await scheduleIssue(editor, id, sendAt);
      expect(result.ok, sendAt).toBe(false);
      if (!result.ok && result.reason === 'invalid')
        expect(result.fieldErrors).toHaveProperty('sendAt');
    }
    expect((await getIssue(id))?.status).toBe('draft');
  });

  it('refuses to schedule an issue whose piece was unpublished since', async () => {
    const id = await draft();
    await getDb().update(articles).set({ status: 'draft' }).where(eq(articles.id, openPiece));
    const result = await scheduleIssue(editor, id, inAnHour());
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    // Were it sent anyway (its time came first), the piece would be left out, not linked.
    expect((await readIssueContent(getDb(), id))?.pieces.map((piece) => piece.id)).toEqual([
      membersPiece,
    ]);
  });
});

describe('sending now', () => {
  it('counts its recipients, fixes them once, and then refuses every change', async () => {
    await subscribe('one@example.org');
    await subscribe('two@example.org');
    await subscribe('gone@example.org');
    await getDb()
      .insert(newsletterSuppressions)
      .values({ email: 'gone@example.org', reason: 'bounced' });
    const id = await draft();
    expect((await getIssue(id))?.recipients).toBe(2);

    const [first, second] = await Promise.all([sendIssueNow(editor, id), sendIssueNow(editor, id)]);
    const results = [first, second];
    expect(results.filter((result) => result.ok)).toEqual([
      { ok: true, recipients: 2, suppressed: 1 },
    ]);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: 'already-started' },
    ]);

    const [summary] = await listIssues({ listId });
    expect(summary).toMatchObject({
      status: 'sending',
      counts: { queued: 2, sending: 0, sent: 0, failed: 0, suppressed: 1 },
    });
    expect(await saveIssue(editor, id, input({ subject: 'Too late' }))).toEqual({
      ok: false,
      reason: 'started',
    });
    expect(await scheduleIssue(editor, id, inAnHour())).toEqual({ ok: false, reason: 'started' });
    expect(await deleteIssue(editor, id)).toEqual({ ok: false, reason: 'started' });
    expect((await getIssue(id))?.subject).toBe('The week in policy');
  });

  it('refuses an issue whose newsletter was retired since', async () => {
    const id = await draft();
    await getDb()
      .update(newsletterLists)
      .set({ archived: true })
      .where(eq(newsletterLists.id, listId));
    try {
      const result = await sendIssueNow(editor, id);
      expect(result).toMatchObject({ ok: false, reason: 'unsendable' });
    } finally {
      await getDb()
        .update(newsletterLists)
        .set({ archived: false })
        .where(eq(newsletterLists.id, listId));
    }
    expect(await getDb().select().from(newsletterDeliveries)).toEqual([]);
  });

  it('deletes a draft, and says so of one deleted meanwhile', async () => {
    const id = await draft();
    expect(await deleteIssue(editor, id)).toEqual({ ok: true });
    expect(await getIssue(id)).toBeNull();
    expect(await deleteIssue(editor, id)).toEqual({ ok: false, reason: 'not-found' });
    expect(await sendIssueNow(editor, id)).toEqual({ ok: false, reason: 'not-found' });
  });
});
