import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articles,
  articleTopics,
  auditLog,
  homeSettings,
  homeTopics,
  topics,
  users,
  type ArticleKind,
  type ArticleStatus,
  type UserRole,
} from '@/db/schema';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import { readHomeSections } from '@/lib/content/queries/home';
import { readHomeChoices, saveHomeChoices } from '@/lib/editorial/home';
import type { Revalidator } from '@/lib/editorial/revalidate';

let counter = 0;
let editor: Actor;
let member: Actor;
const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `home-${role}-${++counter}@example.org`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

const day = 24 * 60 * 60 * 1000;

async function piece(
  title: string,
  daysAgo: number,
  kind: ArticleKind = 'analysis',
  status: ArticleStatus = 'published',
): Promise<string> {
  const [row] = await getDb()
    .insert(articles)
    .values({
      slug: `home-${++counter}`,
      title,
      kind,
      status,
      publishedAt: status === 'draft' ? null : new Date(Date.now() - daysAgo * day),
    })
    .returning({ id: articles.id });
  return row!.id;
}

async function topic(name: string): Promise<string> {
  const [row] = await getDb()
    .insert(topics)
    .values({ slug: `home-topic-${++counter}`, name })
    .returning({ id: topics.id });
  return row!.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  [editor, member] = await Promise.all([makeUser('editor'), makeUser('member')]);
  ids.newest = await piece('Newest analysis', 1);
  ids.older = await piece('Older analysis', 5);
  ids.release = await piece('A press release', 0, 'press-release');
  ids.report = await piece('Annual energy report', 10, 'report');
  ids.briefing = await piece('Trade briefing', 3, 'briefing');
  ids.draft = await piece('A draft', 0, 'analysis', 'draft');
  ids.scheduled = await piece('Coming tomorrow', -1, 'analysis', 'scheduled');
  ids.energy = await topic('Energy');
  ids.empty = await topic('Nothing here');
  await getDb()
    .insert(articleTopics)
    .values([
      { articleId: ids.older!, topicId: ids.energy! },
      { articleId: ids.report!, topicId: ids.energy! },
    ]);
});

beforeEach(async () => {
  revalidated.length = 0;
  await getDb().delete(homeTopics);
  await getDb().delete(homeSettings);
});

const titles = (list: { title: string }[]) => list.map((item) => item.title);

describe('home page sections', () => {
  it('leads with the newest work and features the newest publication when nothing is chosen', async () => {
    const sections = await readHomeSections();
    expect(sections.lead?.title).toBe('Newest analysis');
    expect(sections.featuredPublication?.title).toBe('Trade briefing');
    // Neither repeated below, press releases and unpublished pieces never shown.
    expect(titles(sections.latest)).toEqual(['Older analysis', 'Annual energy report']);
    expect(sections.topics).toEqual([]);
  });

  it('shows what an editor chose, in the order chosen, and records who chose it', async () => {
    const saved = await saveHomeChoices(
      editor,
      {
        leadArticleId: ids.older,
        featuredPublicationId: ids.report,
        topic1: ids.empty,
        topic2: ids.energy,
        topic3: '',
        topic4: '',
      },
      record,
    );
    expect(saved).toEqual({ ok: true });
    expect(revalidated).toEqual([['articles']]);
    const sections = await readHomeSections();
    expect(sections.lead?.title).toBe('Older analysis');
    expect(sections.featuredPublication?.title).toBe('Annual energy report');
    expect(titles(sections.latest)).toEqual(['Newest analysis', 'Trade briefing']);
    // A topic with nothing left to show is left out; what leads is not repeated in its section.
    expect(sections.topics).toEqual([]);

    await saveHomeChoices(editor, { leadArticleId: ids.newest, topic1: ids.energy }, record);
    const again = await readHomeSections();
    expect(again.topics.map((section) => [section.name, titles(section.articles)])).toEqual([
      ['Energy', ['Older analysis', 'Annual energy report']],
    ]);
    const choices = await readHomeChoices();
    expect(choices.values).toMatchObject({ leadArticleId: ids.newest, topic1: ids.energy });

    const audit = await getDb()
      .select({ actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'home.updated'));
    expect(audit.at(-1)).toEqual({
      actorId: editor.id,
      detail: { leadArticleId: ids.newest, featuredPublicationId: null, topicIds: [ids.energy] },
    });
  });

  it('falls back to the newest piece when the chosen lead is unpublished, and uses it again once live', async () => {
    const lead = await piece('Lead for a while', 20);
    await saveHomeChoices(editor, { leadArticleId: lead }, record);
    expect((await readHomeSections()).lead?.title).toBe('Lead for a while');
    await getDb()
      .update(articles)
      .set({ status: 'draft', publishedAt: null })
      .where(eq(articles.id, lead));
    expect((await readHomeSections()).lead?.title).toBe('Newest analysis');
  });

  it('offers published and scheduled pieces only, and publications for the featured slot', async () => {
    const choices = await readHomeChoices();
    const offered = choices.pieces.map((choice) => choice.title);
    expect(offered).toContain('Coming tomorrow');
    expect(offered).not.toContain('A draft');
    expect(choices.publications.map((choice) => choice.title)).toEqual([
      'Trade briefing',
      'Annual energy report',
    ]);
  });

  it('refuses drafts, non-publications, repeated and unknown topics, and changes nothing', async () => {
    await saveHomeChoices(editor, { leadArticleId: ids.newest, topic1: ids.energy }, record);
    revalidated.length = 0;
    const refused = await saveHomeChoices(
      editor,
      {
        leadArticleId: ids.draft,
        featuredPublicationId: ids.older,
        topic1: ids.energy,
        topic2: ids.energy,
      },
      record,
    );
    expect(refused).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { topic2: 'This topic is chosen above.' },
    });
    const wrongPieces = await saveHomeChoices(
      editor,
      {
        leadArticleId: ids.draft,
        featuredPublicationId: ids.older,
        topic1: '00000000-0000-4000-8000-000000000000',
      },
      record,
    );
    expect(wrongPieces).toMatchObject({
      ok: false,
      fieldErrors: {
        leadArticleId: expect.stringContaining('not published'),
        featuredPublicationId: expect.stringContaining('report, briefing or paper'),
        topic1: expect.stringContaining('deleted'),
      },
    });
    expect(await saveHomeChoices(editor, { leadArticleId: 'not-an-id' }, record)).toMatchObject({
      ok: false,
      fieldErrors: { leadArticleId: 'Choose a piece from the list.' },
    });
    expect(revalidated).toEqual([]);
    const sections = await readHomeSections();
    expect(sections.lead?.title).toBe('Newest analysis');
    expect(sections.topics.map((section) => section.name)).toEqual(['Energy']);
  });

  it('lets only editors and admins choose', async () => {
    await expect(saveHomeChoices(member, { leadArticleId: ids.older }, record)).rejects.toThrow(
      ForbiddenError,
    );
    expect((await readHomeSections()).lead?.title).toBe('Newest analysis');
  });
});
