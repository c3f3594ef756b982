import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, authors, media, series, topics, users, type UserRole } from '@/db/schema';
import { listExperts, listTopics } from '@/lib/content/queries/taxonomy';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import { createArticle } from '@/lib/editorial/articles';
import type { Revalidator } from '@/lib/editorial/revalidate';
import {
  createExpert,
  createSeries,
  createTopic,
  deleteExpert,
  deleteSeries,
  deleteTopic,
  updateExpert,
  updateSeries,
  updateTopic,
  type TermSaveResult,
} from '@/lib/editorial/taxonomy';

let counter = 0;
let editor: Actor;
let member: Actor;
let photoId: string;
const missing = '00000000-0000-4000-8000-000000000000';

const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}-${++counter}@example.org`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

function idOf(result: TermSaveResult): string {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

async function auditFor(subjectId: string) {
  return getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(asc(auditLog.id));
}

beforeAll(async () => {
  [editor, member] = await Promise.all([makeUser('editor'), makeUser('member')]);
  const [photo] = await getDb()
    .insert(media)
    .values({
      storageKey: 'images/test/portrait.jpg',
      mimeType: 'image/jpeg',
      width: 800,
      height: 800,
      bytes: 1000,
    })
    .returning({ id: media.id });
  photoId = photo!.id;
});

beforeEach(() => {
  revalidated.length = 0;
});

describe('experts', () => {
  it('creates with a slug made from the name, audits, and revalidates the public lists', async () => {
    const result = await createExpert(
      editor,
      {
        name: '  Amara   Okafor ',
        jobTitle: 'Senior fellow, energy',
        bio: 'Works on grids.\r\n\r\nAnd on ports.\n',
        photoId,
      },
      record,
    );
    expect(result).toEqual({ ok: true, id: expect.any(String), slug: 'amara-okafor' });
    const id = idOf(result);
    const [row] = await getDb().select().from(authors).where(eq(authors.id, id));
    expect(row).toMatchObject({
      name: 'Amara Okafor',
      bio: 'Works on grids.\n\nAnd on ports.',
      photoId,
    });
    expect(await auditFor(id)).toEqual([
      {
        action: 'expert.created',
        actorId: editor.id,
        detail: { slug: 'amara-okafor', name: 'Amara Okafor' },
      },
    ]);
    expect(revalidated).toEqual([['taxonomy', 'articles']]);
    expect((await listExperts()).map((expert) => expert.slug)).toContain('amara-okafor');

    expect(await createExpert(editor, { name: 'Amara Okafor' }, record)).toMatchObject({
      slug: 'amara-okafor-2',
    });
    expect(await createExpert(editor, { name: 'Someone', slug: 'amara-okafor' }, record)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { slug: 'Another person already uses this slug. Choose another.' },
    });
  });

  it('answers every problem with a field error', async () => {
    expect(
      await createExpert(
        editor,
        {
          name: ' ',
          slug: 'Bad Slug',
          photoId: 'x',
          jobTitle: 'j'.repeat(161),
        },
        record,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        name: 'Give the person’s name.',
        slug: expect.stringContaining('lower-case letters'),
        photoId: 'Choose the photo from the library, or none.',
        jobTitle: 'Keep the job title to 160 characters or fewer.',
      },
    });
    expect(await createExpert(editor, { name: 'Photo missing', photoId: missing }, record)).toEqual(
      {
        ok: false,
        reason: 'invalid',
        fieldErrors: {
          photoId: 'This photo is no longer in the library. Choose another, or none.',
        },
      },
    );
  });

  it('updates, keeping the slug unless a new one is typed', async () => {
    const id = idOf(await createExpert(editor, { name: 'Tomasz Wren' }, record));
    expect(await updateExpert(editor, id, { name: 'Tomasz J. Wren' }, record)).toEqual({
      ok: true,
      id,
      slug: 'tomasz-wren',
    });
    expect(
      await updateExpert(editor, id, { name: 'Tomasz Wren', slug: 'tom-wren' }, record),
    ).toMatchObject({
      slug: 'tom-wren',
    });
    expect((await auditFor(id)).map((row) => [row.action, row.detail])).toEqual([
      ['expert.created', { slug: 'tomasz-wren', name: 'Tomasz Wren' }],
      ['expert.updated', { slug: 'tomasz-wren', name: 'Tomasz J. Wren' }],
      ['expert.updated', { slug: 'tom-wren', name: 'Tomasz Wren', previousSlug: 'tomasz-wren' }],
    ]);
    expect(revalidated).toEqual(Array(3).fill(['taxonomy', 'articles']));
    expect(await updateExpert(editor, missing, { name: 'Nobody' }, record)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('series and topics', () => {
  it('creates a column with its columnist, and topics and regions', async () => {
    const columnist = idOf(await createExpert(editor, { name: 'Priya Raman' }, record));
    const column = await createSeries(
      editor,
      {
        name: 'The Raman Report',
        description: 'Monthly.',
        columnistId: columnist,
      },
      record,
    );
    expect(column).toMatchObject({ ok: true, slug: 'the-raman-report' });
    expect(
      await createSeries(editor, { name: 'Orphan', columnistId: missing }, record),
    ).toMatchObject({
      fieldErrors: { columnistId: 'This expert has been removed. Choose another, or none.' },
    });
    expect(
      await updateSeries(editor, idOf(column), { name: 'The Raman Review' }, record),
    ).toMatchObject({
      ok: true,
      slug: 'the-raman-report',
    });

    expect(
      await createTopic(editor, { name: 'Asia & Pacific', kind: 'region' }, record),
    ).toMatchObject({
      slug: 'asia-and-pacific',
    });
    expect(await createTopic(editor, { name: 'Trade', kind: 'sector' as never }, record)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { kind: 'Choose whether this is a topic or a region.' },
    });
    const trade = idOf(await createTopic(editor, { name: 'Trade', kind: 'topic' }, record));
    expect(
      await updateTopic(
        editor,
        trade,
        { name: 'Trade', kind: 'region', slug: 'asia-and-pacific' },
        record,
      ),
    ).toMatchObject({
      fieldErrors: { slug: 'Another topic or region already uses this slug. Choose another.' },
    });
    const regions = (await listTopics()).filter((topic) => topic.kind === 'region');
    expect(regions.map((region) => region.slug)).toContain('asia-and-pacific');
  });
});

describe('deleting', () => {
  it('refuses, with the reason, to delete anything in use, and deletes what is not', async () => {
    const expert = idOf(await createExpert(editor, { name: 'Busy Expert' }, record));
    const column = idOf(
      await createSeries(editor, { name: 'Busy Column', columnistId: expert }, record),
    );
    const topic = idOf(await createTopic(editor, { name: 'Busy Topic', kind: 'topic' }, record));
    const region = idOf(await createTopic(editor, { name: 'Busy Region', kind: 'region' }, record));
    for (const title of ['One piece', 'Another piece']) {
      const article = await createArticle(editor, {
        title,
        kind: 'analysis',
        authorIds: [expert],
        seriesId: column,
        topicIds: [topic],
        regionIds: [region],
        visibility: 'public',
      });
      expect(article.ok).toBe(true);
    }

    revalidated.length = 0;
    expect(await deleteExpert(editor, expert, record)).toEqual({
      ok: false,
      reason: 'in-use',
      message:
        'This person is on the byline of 2 articles and the columnist of “Busy Column”. Take them off first.',
    });
    expect(await deleteSeries(editor, column, record)).toEqual({
      ok: false,
      reason: 'in-use',
      message: 'This series has 2 articles. Move them to another series, or none, first.',
    });
    expect(await deleteTopic(editor, topic, record)).toMatchObject({
      message: 'This topic is on 2 articles. Take it off them first.',
    });
    expect(await deleteTopic(editor, region, record)).toMatchObject({
      message: 'This region is on 2 articles. Take it off them first.',
    });
    expect(revalidated).toEqual([]);
    expect(await getDb().select().from(authors).where(eq(authors.id, expert))).toHaveLength(1);

    const spare = idOf(await createTopic(editor, { name: 'Spare Topic', kind: 'topic' }, record));
    revalidated.length = 0;
    expect(await deleteTopic(editor, spare, record)).toEqual({ ok: true });
    expect(await getDb().select().from(topics).where(eq(topics.id, spare))).toEqual([]);
    expect((await auditFor(spare)).map((row) => row.action)).toEqual([
      'topic.created',
      'topic.deleted',
    ]);
    expect(revalidated).toEqual([['taxonomy', 'articles']]);
    expect(await deleteTopic(editor, spare, record)).toEqual({ ok: false, reason: 'not-found' });
    expect(await deleteSeries(editor, 'not-an-id', record)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

it('refuses anyone but editors and admins, and changes nothing', async () => {
  const id = idOf(await createExpert(editor, { name: 'Guarded Expert' }, record));
  const seriesId = idOf(await createSeries(editor, { name: 'Guarded Series' }, record));
  revalidated.length = 0;
  const attempts = [
    () => createExpert(member, { name: 'Intruder' }, record),
    () => updateExpert(member, id, { name: 'Defaced' }, record),
    () => deleteExpert(member, id, record),
    () => updateSeries(member, seriesId, { name: 'Defaced' }, record),
    () => deleteSeries(member, seriesId, record),
    () => createTopic(member, { name: 'Intruder', kind: 'topic' }, record),
  ];
  for (const attempt of attempts) {
    await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
  }
  const [expert] = await getDb().select().from(authors).where(eq(authors.id, id));
  expect(expert!.name).toBe('Guarded Expert');
  const [column] = await getDb().select().from(series).where(eq(series.id, seriesId));
  expect(column!.name).toBe('Guarded Series');
  expect(await getDb().select().from(auditLog).where(eq(auditLog.actorId, member.id))).toEqual([]);
  expect(revalidated).toEqual([]);
});
