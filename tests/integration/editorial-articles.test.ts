import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articleRevisions,
  articles,
  auditLog,
  authors,
  media,
  series,
  topics,
  users,
  type UserRole,
} from '@/db/schema';
import { readContentVersion } from '@/lib/cache/content-watch';
import { anonymousReader } from '@/lib/auth/who';
import { getArticle, listArticles } from '@/lib/content/queries/articles';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import type { ArticleInput, ArticleUpdateInput } from '@/lib/editorial/article-input';
import { listArticlesForAdmin } from '@/lib/editorial/article-list';
import { getArticleForEditing, type EditableArticle } from '@/lib/editorial/article-record';
import { createArticle, updateArticle } from '@/lib/editorial/articles';
import { publishArticle, scheduleArticle, unpublishArticle } from '@/lib/editorial/publishing';
import { revalidateContent, type Revalidator } from '@/lib/editorial/revalidate';
import { listRevisions, restoreRevision } from '@/lib/editorial/revisions';

let counter = 0;
let editor: Actor;
let admin: Actor;
let member: Actor;
let formerEditor: Actor;
const ids = {} as Record<'amara' | 'tomasz' | 'energy' | 'europe' | 'column' | 'image', string>;

const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole, disabled = false): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({
      email: `${role}-${++counter}@example.org`,
      role,
      disabledAt: disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  return { id: row!.id };
}

function form(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: `Grid connections are the new bottleneck ${++counter}`,
    kind: 'analysis',
    standfirst: 'Projects wait a decade for a connection.',
    body: 'The queue is **long**.\n\n    indented code stays indented',
    authorIds: [ids.amara],
    topicIds: [ids.energy],
    regionIds: [ids.europe],
    visibility: 'public',
    ...overrides,
  };
}

function editOf(
  article: EditableArticle,
  overrides: Partial<ArticleUpdateInput> = {},
): ArticleUpdateInput {
  return { ...article.fields, expectedVersion: article.version, ...overrides };
}

async function created(overrides: Partial<ArticleInput> = {}): Promise<EditableArticle> {
  const result = await createArticle(editor, form(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.article;
}

async function auditActions(articleId: string) {
  const rows = await getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.subjectId, articleId))
    .orderBy(asc(auditLog.id));
  return rows;
}

async function revisionCount(articleId: string) {
  const [row] = await getDb()
    .select({ n: count() })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId));
  return row!.n;
}

async function articleCount() {
  const [row] = await getDb().select({ n: count() }).from(articles);
  return row!.n;
}

beforeAll(async () => {
  const db = getDb();
  [editor, admin, member, formerEditor] = await Promise.all([
    makeUser('editor'),
    makeUser('admin'),
    makeUser('member'),
    makeUser('editor', true),
  ]);
  const [amara, tomasz] = await db
    .insert(authors)
    .values([
      { slug: 'amara-okafor', name: 'Amara Okafor' },
      { slug: 'tomasz-wren', name: 'Tomasz Wren' },
    ])
    .returning({ id: authors.id });
  const [energy, europe] = await db
    .insert(topics)
    .values([
      { slug: 'energy', name: 'Energy', kind: 'topic' },
      { slug: 'europe', name: 'Europe', kind: 'region' },
    ])
    .returning({ id: topics.id });
  const [column] = await db
    .insert(series)
    .values({ slug: 'the-wren-dispatch', name: 'The Wren Dispatch' })
    .returning({ id: series.id });
  const [image] = await db
    .insert(media)
    .values({
      storageKey: 'images/test/grid.jpg',
      mimeType: 'image/jpeg',
      width: 1600,
      height: 900,
      bytes: 1000,
    })
    .returning({ id: media.id });
  Object.assign(ids, {
    amara: amara!.id,
    tomasz: tomasz!.id,
    energy: energy!.id,
    europe: europe!.id,
    column: column!.id,
    image: image!.id,
  });
});

beforeEach(() => {
  revalidated.length = 0;
});

describe('creating', () => {
  it('saves a draft at version 1 with a revision and an audit row; nothing goes public', async () => {
    const article = await created({ title: 'Ports and the energy transition' });
    expect(article).toMatchObject({ status: 'draft', version: 1, live: false, publishedAt: null });
    expect(article.fields).toMatchObject({
      slug: 'ports-and-the-energy-transition',
      authorIds: [ids.amara],
      topicIds: [ids.energy],
      regionIds: [ids.europe],
      body: 'The queue is **long**.\n\n    indented code stays indented',
    });
    expect(await getArticleForEditing(article.id)).toEqual(article);
    const revisions = await listRevisions(article.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, createdBy: { id: editor.id } });
    expect(revisions[0]!.snapshot).toEqual(article.fields);
    expect(await auditActions(article.id)).toEqual([
      {
        action: 'article.created',
        actorId: editor.id,
        detail: { version: 1, slug: 'ports-and-the-energy-transition' },
      },
    ]);
    expect(await getArticle(article.fields.slug, anonymousReader)).toBeNull();
  });

  it('makes a unique slug from the title, and refuses a typed slug that is taken', async () => {
    const first = await created({ title: 'Europe’s ammunition gap, a year on' });
    const second = await created({ title: 'Europe’s  ammunition gap: a year on!' });
    expect(first.fields.slug).toBe('europes-ammunition-gap-a-year-on');
    expect(second.fields.slug).toBe('europes-ammunition-gap-a-year-on-2');
    expect(await createArticle(editor, form({ slug: first.fields.slug }))).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { slug: 'Another article already uses this web address. Choose another.' },
    });
    expect(await createArticle(editor, form({ slug: 'Not a slug!' }))).toMatchObject({
      fieldErrors: { slug: expect.stringContaining('lower-case letters') },
    });
    expect(await createArticle(editor, form({ title: '¿…?' }))).toMatchObject({
      fieldErrors: { slug: expect.stringContaining('Type a web address') },
    });
    expect((await created({ slug: '  Typed-By-Hand ' })).fields.slug).toBe('typed-by-hand');
  });

  it('reports every field’s problem at once, in words', async () => {
    const result = await createArticle(editor, {
      ...form(),
      title: '   ',
      kind: 'essay' as never,
      authorIds: [],
      visibility: 'secret' as never,
      externalSourceName: 'The Meridian Review',
      externalSourceUrl: 'ftp://meridian.example/piece',
      heroImageId: ids.image,
      heroAlt: '  ',
      topicIds: ['not-an-id'],
    });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        title: 'Give the article a title.',
        kind: 'Choose what kind of piece this is.',
        authorIds: 'Add at least one expert to the byline.',
        visibility:
          'Choose who may read this piece: everyone, members, or members of chosen tiers.',
        externalSourceUrl:
          'Enter the full web address of the original, starting with https:// or http://.',
        heroAlt: 'Describe the image for readers who cannot see it.',
        topicIds: 'Choose topics from the list.',
      },
    });
    expect(
      await createArticle(editor, form({ externalSourceUrl: 'https://meridian.example/a' })),
    ).toMatchObject({
      fieldErrors: {
        externalSourceName: 'Name the publication this link goes to, or clear the link.',
      },
    });
    expect(await createArticle(editor, form({ authorIds: [ids.amara, ids.amara] }))).toMatchObject({
      fieldErrors: { authorIds: 'Each expert can appear once in the byline.' },
    });
  });

  it('refuses an expert that does not exist and a region offered as a topic', async () => {
    const result = await createArticle(
      editor,
      form({
        authorIds: [ids.amara, '00000000-0000-4000-8000-000000000000'],
        topicIds: [ids.europe],
        seriesId: '00000000-0000-4000-8000-000000000001',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        authorIds: expect.stringContaining('removed'),
        topicIds: expect.stringContaining('not a topic'),
        seriesId: expect.stringContaining('removed'),
      },
    });
  });

  it('tidies whitespace and keeps the whole form', async () => {
    const article = await created({
      title: '  Grid\n connections   explained ',
      standfirst: ' A  short\r\nguide. ',
      body: '\n\n\r\nFirst line  \r\nsecond line\n\n',
      authorIds: [ids.tomasz, ids.amara],
      seriesId: ids.column,
      visibility: 'members',
      externalSourceName: ' The  Meridian Review ',
      externalSourceUrl: 'HTTPS://meridian.example/grid',
      externalPublishedAt: '2026-10-27T18:00:00.000Z',
      heroImageId: ids.image,
      heroAlt: ' Pylons at dusk ',
      heroCaption: '',
      heroCredit: 'Photo: A. Nyman',
    });
    expect(article.fields).toMatchObject({
      title: 'Grid connections explained',
      standfirst: 'A short guide.',
      body: 'First line  \nsecond line',
      authorIds: [ids.tomasz, ids.amara],
      seriesId: ids.column,
      visibility: 'members',
      externalSourceName: 'The Meridian Review',
      externalSourceUrl: 'https://meridian.example/grid',
      externalPublishedAt: '2026-10-27T18:00:00.000Z',
      heroImageId: ids.image,
      heroAlt: 'Pylons at dusk',
      heroCaption: null,
      heroCredit: 'Photo: A. Nyman',
    });
  });
});

describe('editing', () => {
  it('bumps the version and writes a revision; a save that changes nothing writes nothing', async () => {
    const article = await created();
    const result = await updateArticle(
      editor,
      article.id,
      editOf(article, { title: 'A better title', authorIds: [ids.tomasz] }),
      record,
    );
    expect(result).toMatchObject({
      ok: true,
      article: { version: 2, fields: { title: 'A better title', authorIds: [ids.tomasz] } },
    });
    // A blank slug keeps the address it has: renaming must not move a page.
    expect(result.ok && result.article.fields.slug).toBe(article.fields.slug);
    expect((await listRevisions(article.id)).map((revision) => revision.version)).toEqual([2, 1]);
    expect((await auditActions(article.id)).at(-1)).toEqual({
      action: 'article.updated',
      actorId: editor.id,
      detail: { version: 2, slug: article.fields.slug, changed: ['title', 'authorIds'] },
    });
    expect(revalidated).toEqual([]);

    const saved = (await getArticleForEditing(article.id))!;
    expect(await updateArticle(editor, article.id, editOf(saved), record)).toEqual({
      ok: true,
      article: saved,
    });
    expect(await revisionCount(article.id)).toBe(2);
  });

  it('gives a stale save the current article as a conflict and changes nothing', async () => {
    const article = await created();
    const theirs = await updateArticle(admin, article.id, editOf(article, { body: 'Theirs.' }));
    expect(theirs.ok).toBe(true);
    const mine = await updateArticle(editor, article.id, editOf(article, { body: 'Mine.' }));
    const current = (await getArticleForEditing(article.id))!;
    expect(mine).toEqual({ ok: false, reason: 'conflict', conflict: { current } });
    expect(current).toMatchObject({ version: 2, fields: { body: 'Theirs.' } });
    expect(await revisionCount(article.id)).toBe(2);
    expect((await auditActions(article.id)).map((row) => row.action)).toEqual([
      'article.created',
      'article.updated',
    ]);
  });

  it('refuses a slug another article has, and a missing article', async () => {
    const taken = await created();
    const article = await created();
    expect(
      await updateArticle(editor, article.id, editOf(article, { slug: taken.fields.slug })),
    ).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringContaining('Another') } });
    expect(
      await updateArticle(editor, '00000000-0000-4000-8000-000000000000', editOf(article)),
    ).toEqual({ ok: false, reason: 'not-found' });
    expect(await updateArticle(editor, 'nonsense', editOf(article))).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await getArticleForEditing('nonsense')).toBeNull();
  });

  it('keeps the first version of an article saved before revisions existed', async () => {
    const db = getDb();
    const [row] = await db
      .insert(articles)
      .values({ slug: `imported-${++counter}`, title: 'Imported', body: 'Original body.' })
      .returning({ id: articles.id });
    await db
      .insert(articleAuthors)
      .values({ articleId: row!.id, authorId: ids.amara, position: 0 });
    const before = (await getArticleForEditing(row!.id))!;
    const result = await updateArticle(editor, row!.id, editOf(before, { body: 'Edited.' }));
    expect(result.ok).toBe(true);
    const revisions = await listRevisions(row!.id);
    expect(revisions.map((revision) => [revision.version, revision.snapshot.body])).toEqual([
      [2, 'Edited.'],
      [1, 'Original body.'],
    ]);
    expect(revisions[1]!.createdBy).toBeNull();
  });
});

describe('publishing', () => {
  it('publishes at once, revalidating its pages; a live edit revalidates the old and new address', async () => {
    const article = await created();
    const result = await publishArticle(editor, article.id, record);
    expect(result).toMatchObject({ ok: true, article: { status: 'published', live: true } });
    expect(await getArticle(article.fields.slug, anonymousReader)).toMatchObject({
      title: article.fields.title,
    });
    expect(revalidated).toEqual([['articles', `article:${article.fields.slug}`]]);

    revalidated.length = 0;
    const published = (await getArticleForEditing(article.id))!;
    const renamed = await updateArticle(
      editor,
      article.id,
      editOf(published, { slug: `renamed-${counter}`, markRevised: true }),
      record,
    );
    expect(renamed).toMatchObject({ ok: true, article: { version: 2 } });
    expect(revalidated).toEqual([
      ['articles', `article:${article.fields.slug}`, `article:renamed-${counter}`],
    ]);
    const page = await getArticle(`renamed-${counter}`, anonymousReader);
    expect(page!.revisedAt).not.toBeNull();
    expect(await getArticle(article.fields.slug, anonymousReader)).toBeNull();
  });

  it('moves the content version with each change readers see, and not with a refused one', async () => {
    const article = await created();
    const before = await readContentVersion();
    await publishArticle(editor, article.id, record);
    expect(await readContentVersion()).toBe(before + 1);
    await expect(unpublishArticle(member, article.id, record)).rejects.toThrow(ForbiddenError);
    expect(await readContentVersion()).toBe(before + 1);
    await unpublishArticle(editor, article.id, record);
    expect(await readContentVersion()).toBe(before + 2);
  });

  it('refuses a time in the past; a scheduled article stays hidden until its time, then appears by itself', async () => {
    const article = await created();
    expect(await scheduleArticle(editor, article.id, new Date(Date.now() - 60_000))).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { at: 'Choose a time in the future.' },
    });
    expect(await scheduleArticle(editor, article.id, new Date('nonsense'))).toMatchObject({
      fieldErrors: { at: 'Enter a valid date and time.' },
    });
    expect((await getArticleForEditing(article.id))!.status).toBe('draft');

    const at = new Date(Date.now() + 1500);
    const scheduled = await scheduleArticle(editor, article.id, at);
    expect(scheduled).toMatchObject({
      ok: true,
      article: { status: 'scheduled', publishedAt: at, live: false },
    });
    expect(await getArticle(article.fields.slug, anonymousReader)).toBeNull();
    const before = await listArticles({}, 1, 100);
    expect(before.items.map((item) => item.id)).not.toContain(article.id);

    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 250));
    expect(await getArticle(article.fields.slug, anonymousReader)).toMatchObject({
      id: article.id,
    });
    const after = await listArticles({}, 1, 100);
    expect(after.items.map((item) => item.id)).toContain(article.id);
    expect(await scheduleArticle(editor, article.id, new Date(Date.now() + 3_600_000))).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        at: 'This article is already live. Unpublish it first to schedule it for later.',
      },
    });
    expect((await auditActions(article.id)).map((row) => row.action)).toEqual([
      'article.created',
      'article.scheduled',
    ]);
  });

  it('unpublishes to a draft, and publishing again keeps the first date', async () => {
    const article = await created();
    const first = await publishArticle(editor, article.id, record);
    const publishedAt = first.ok ? first.article.publishedAt : null;
    revalidated.length = 0;

    const result = await unpublishArticle(editor, article.id, record);
    expect(result).toMatchObject({ ok: true, article: { status: 'draft', live: false } });
    expect(revalidated).toEqual([['articles', `article:${article.fields.slug}`]]);
    expect(await getArticle(article.fields.slug, anonymousReader)).toBeNull();
    expect(await unpublishArticle(editor, article.id, record)).toMatchObject({ ok: true });
    expect(revalidated).toHaveLength(1);

    const again = await publishArticle(editor, article.id, record);
    expect(again).toMatchObject({ ok: true, article: { status: 'published', publishedAt } });
    expect((await auditActions(article.id)).map((row) => row.action)).toEqual([
      'article.created',
      'article.published',
      'article.unpublished',
      'article.published',
    ]);
    expect(await revisionCount(article.id)).toBe(1);
  });
});

describe('revisions', () => {
  it('restores an earlier revision as a new version, and refuses a stale one', async () => {
    const article = await created({ title: 'The first title' });
    const second = await updateArticle(editor, article.id, editOf(article, { title: 'Second' }));
    if (!second.ok) throw new Error('second save failed');
    const [, original] = await listRevisions(article.id);

    const restored = await restoreRevision(editor, article.id, original!.id, 2, record);
    expect(restored).toMatchObject({
      ok: true,
      article: { version: 3, fields: { ...article.fields } },
    });
    expect((await auditActions(article.id)).at(-1)).toMatchObject({
      action: 'article.restored',
      detail: { version: 3, restoredVersion: 1, changed: ['title'] },
    });
    expect(await restoreRevision(editor, article.id, original!.id, 2)).toMatchObject({
      ok: false,
      reason: 'conflict',
      conflict: { current: { version: 3 } },
    });
    expect(
      await restoreRevision(editor, article.id, '00000000-0000-4000-8000-000000000000', 3),
    ).toEqual({ ok: false, reason: 'not-found' });
    expect((await listRevisions(article.id)).map((revision) => revision.version)).toEqual([
      3, 2, 1,
    ]);
  });
});

describe('who may edit', () => {
  it('refuses members, disabled editors and strangers, and changes nothing', async () => {
    const article = await created();
    const saved = (await getArticleForEditing(article.id))!;
    const [revision] = await listRevisions(article.id);
    const articlesBefore = await articleCount();
    for (const actor of [member, formerEditor, { id: 'no-such-user' }]) {
      const attempts = [
        () => createArticle(actor, form()),
        () => updateArticle(actor, article.id, editOf(saved, { title: 'Defaced' }), record),
        () => publishArticle(actor, article.id, record),
        () => scheduleArticle(actor, article.id, new Date(Date.now() + 3_600_000)),
        () => unpublishArticle(actor, article.id, record),
        () => restoreRevision(actor, article.id, revision!.id, 1, record),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    expect(await getArticleForEditing(article.id)).toEqual(saved);
    expect(await revisionCount(article.id)).toBe(1);
    expect(await auditActions(article.id)).toHaveLength(1);
    expect(await articleCount()).toBe(articlesBefore);
    expect(revalidated).toEqual([]);
  });

  it('lets an admin do what an editor does', async () => {
    const result = await createArticle(admin, form());
    expect(result.ok).toBe(true);
  });
});

describe('the editors’ list', () => {
  it('searches titles and slugs, filters, and pages with totals', async () => {
    const make = (title: string, overrides: Partial<ArticleInput> = {}) =>
      created({ title, authorIds: [ids.tomasz], ...overrides });
    const one = await make('Zebra crossings and road safety', { kind: 'report' });
    const two = await make('Zebra mussels in the Thames', { seriesId: ids.column });
    const three = await make('Quiet streets', { slug: `zebra-free-${counter}` });
    await publishArticle(editor, one.id, record);

    const all = await listArticlesForAdmin({ q: 'ZEBRA', pageSize: 2 });
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2, pageCount: 2 });
    // Most recently changed first: publishing was the last change.
    expect(all.items[0]).toMatchObject({
      id: one.id,
      status: 'published',
      live: true,
      authors: [{ id: ids.tomasz, name: 'Tomasz Wren' }],
    });
    const second = await listArticlesForAdmin({ q: 'zebra', page: '2', pageSize: '2' });
    expect(all.items.map((item) => item.id)).toEqual([one.id, three.id]);
    expect(second.items.map((item) => item.id)).toEqual([two.id]);

    expect(
      (await listArticlesForAdmin({ q: 'zebra', status: 'published' })).items.map((i) => i.id),
    ).toEqual([one.id]);
    expect((await listArticlesForAdmin({ q: 'zebra', kind: 'report' })).total).toBe(1);
    const inSeries = await listArticlesForAdmin({ q: 'zebra', seriesId: ids.column });
    expect(inSeries.items[0]!.series).toEqual({ id: ids.column, name: 'The Wren Dispatch' });
    expect((await listArticlesForAdmin({ authorId: ids.tomasz, q: 'zebra' })).total).toBe(3);
    expect((await listArticlesForAdmin({ q: '%' })).total).toBe(0);
    expect(
      await listArticlesForAdmin({ q: 'zebra', status: 'bogus', page: '-3', pageSize: '9999' }),
    ).toMatchObject({ total: 3, page: 1, pageSize: 25 });
  });
});

it('revalidates through Next only inside a request, which is why the revalidator is injected', () => {
  expect(() => revalidateContent(['articles'])).toThrow();
});
