import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { media, users, type UserRole } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { createArticle } from '@/lib/editorial/articles';
import { getAdminCounts } from '@/lib/editorial/dashboard';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import { publishArticle, scheduleArticle } from '@/lib/editorial/publishing';
import type { Revalidator } from '@/lib/editorial/revalidate';
import {
  createExpert,
  createSeries,
  createTopic,
  type TermSaveResult,
} from '@/lib/editorial/taxonomy';
import {
  getExpertForEditing,
  getSeriesForEditing,
  getTopicForEditing,
  listExpertsForAdmin,
  listSeriesForAdmin,
  listTopicsForAdmin,
} from '@/lib/editorial/term-reads';

let counter = 0;
let editor: Actor;
const ids = {} as Record<'amara' | 'tomasz' | 'column' | 'energy' | 'europe' | 'photo', string>;
const ignore: Revalidator = () => {};
const missing = '00000000-0000-4000-8000-000000000000';

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

// Each image a second newer than the last, so "newest first" never rests on a tie.
let uploads = 0;

async function addImage(name: string, alt: string) {
  uploads += 1;
  const [row] = await getDb()
    .insert(media)
    .values({
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, uploads)),
      storageKey: `images/test/${name}.jpg`,
      mimeType: 'image/jpeg',
      width: 1200,
      height: 800,
      bytes: 5000,
      alt,
    })
    .returning({ id: media.id });
  return row!.id;
}

const idOf = (result: TermSaveResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
};

async function draft(title: string, overrides: Record<string, unknown> = {}) {
  const result = await createArticle(editor, {
    title,
    kind: 'analysis',
    authorIds: [ids.amara],
    visibility: 'public',
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.article.id;
}

beforeAll(async () => {
  editor = await makeUser('editor');
  await Promise.all([
    makeUser('member'),
    makeUser('member'),
    makeUser('admin'),
    makeUser('member', true),
  ]);
  ids.photo = await addImage('portrait', 'Amara Okafor at a lectern');
  ids.amara = idOf(
    await createExpert(
      editor,
      { name: 'Amara Okafor', jobTitle: 'Senior fellow', bio: 'Grids.', photoId: ids.photo },
      ignore,
    ),
  );
  ids.tomasz = idOf(await createExpert(editor, { name: 'Tomasz Wren' }, ignore));
  ids.column = idOf(
    await createSeries(editor, { name: 'The Wren Dispatch', columnistId: ids.tomasz }, ignore),
  );
  ids.energy = idOf(
    await createTopic(editor, { name: 'Energy', kind: 'topic', description: 'Power.' }, ignore),
  );
  ids.europe = idOf(await createTopic(editor, { name: 'Europe', kind: 'region' }, ignore));

  await draft('A draft on grids', { topicIds: [ids.energy], regionIds: [ids.europe] });
  const published = await draft('A published dispatch', {
    authorIds: [ids.tomasz, ids.amara],
    seriesId: ids.column,
    topicIds: [ids.energy],
  });
  await publishArticle(editor, published, ignore);
  const later = await draft('A scheduled piece');
  await scheduleArticle(editor, later, new Date(Date.now() + 86_400_000));
});

describe('the editors’ lists of experts, series and topics', () => {
  it('lists every expert with ids, photos and how many articles of any status name them', async () => {
    const experts = await listExpertsForAdmin();
    expect(experts.map((expert) => expert.name)).toEqual(['Amara Okafor', 'Tomasz Wren']);
    expect(experts[0]).toMatchObject({
      id: ids.amara,
      slug: 'amara-okafor',
      jobTitle: 'Senior fellow',
      photo: {
        url: '/images/test/portrait.jpg',
        alt: 'Amara Okafor at a lectern',
        width: 1200,
        height: 800,
      },
      // Drafts count: they too stop a delete.
      articleCount: 3,
    });
    expect(experts[1]).toMatchObject({ photo: null, articleCount: 1 });
  });

  it('lists series with their columnist and article count', async () => {
    expect(await listSeriesForAdmin()).toEqual([
      {
        id: ids.column,
        slug: 'the-wren-dispatch',
        name: 'The Wren Dispatch',
        columnist: { id: ids.tomasz, name: 'Tomasz Wren' },
        articleCount: 1,
      },
    ]);
  });

  it('lists topics before regions, with counts', async () => {
    expect(await listTopicsForAdmin()).toEqual([
      { id: ids.energy, slug: 'energy', name: 'Energy', kind: 'topic', articleCount: 2 },
      { id: ids.europe, slug: 'europe', name: 'Europe', kind: 'region', articleCount: 1 },
    ]);
  });

  it('reads one for editing by id, and answers null for an unknown or malformed id', async () => {
    expect(await getExpertForEditing(ids.amara)).toEqual({
      id: ids.amara,
      slug: 'amara-okafor',
      name: 'Amara Okafor',
      jobTitle: 'Senior fellow',
      bio: 'Grids.',
      photoId: ids.photo,
      role: 'fellow',
      topicIds: [],
      acceptsMedia: false,
      mediaEmail: null,
      mediaPhone: null,
    });
    expect(await getSeriesForEditing(ids.column)).toEqual({
      id: ids.column,
      slug: 'the-wren-dispatch',
      name: 'The Wren Dispatch',
      description: '',
      columnistId: ids.tomasz,
    });
    expect(await getTopicForEditing(ids.energy)).toEqual({
      id: ids.energy,
      slug: 'energy',
      name: 'Energy',
      kind: 'topic',
      description: 'Power.',
    });
    for (const id of [missing, 'not-an-id', "'; drop table authors; --"]) {
      expect(await getExpertForEditing(id)).toBeNull();
      expect(await getSeriesForEditing(id)).toBeNull();
      expect(await getTopicForEditing(id)).toBeNull();
    }
  });
});

describe('media choices for the pickers', () => {
  it('offers the newest images, and the chosen one however old, with only what the browser needs', async () => {
    const newer = [];
    for (let index = 0; index < 3; index++)
      newer.push(await addImage(`newer-${index}`, `Newer ${index}`));
    const choices = await listMediaChoices([ids.photo, null, 'not-an-id'], 2);
    expect(choices.map((choice) => choice.id)).toEqual([ids.photo, newer[2], newer[1]]);
    expect(choices[0]).toEqual({
      id: ids.photo,
      url: '/images/test/portrait.jpg',
      alt: 'Amara Okafor at a lectern',
      credit: null,
      width: 1200,
      height: 800,
    });
    expect((await listMediaChoices([newer[2]!], 2)).map((choice) => choice.id)).toEqual([
      newer[2],
      newer[1],
    ]);
  });
});

describe('the dashboard’s counts', () => {
  it('counts articles by status, what is live, the taxonomy, images and active accounts by role', async () => {
    const counts = await getAdminCounts();
    expect(counts.articles).toEqual({ draft: 1, scheduled: 1, published: 1 });
    expect(counts.live).toBe(1);
    expect(counts).toMatchObject({ experts: 2, series: 1, topics: 1, regions: 1 });
    expect(counts.images).toBeGreaterThanOrEqual(1);
    // The disabled member is left out.
    expect(counts.accounts).toEqual({ member: 2, editor: 1, admin: 1 });
  });
});
