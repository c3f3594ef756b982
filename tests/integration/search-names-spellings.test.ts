import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articles,
  authors,
  series,
  spellingVariants,
  users,
  type NewArticle,
} from '@/db/schema';
import { anonymousReader, type Reader } from '@/lib/auth/who';
import type { Actor } from '@/lib/auth/who';
import type { Revalidator } from '@/lib/editorial/revalidate';
import { getArticleForEditing } from '@/lib/editorial/article-record';
import { createArticle, updateArticle } from '@/lib/editorial/articles';
import { publishArticle } from '@/lib/editorial/publishing';
import { updateExpert, updateSeries } from '@/lib/editorial/taxonomy';
import { matchEnd, matchStart } from '@/lib/search/markers';
import { parseSearchParams } from '@/lib/search/query';
import { searchSite } from '@/lib/search/site-search';

const ids = {} as Record<'imogen' | 'otto' | 'harbour' | 'ledger', string>;
let editor: Actor;
// Outside a Next.js request there is no cache to tell.
const revalidate: Revalidator = () => {};

async function search(q: string, reader: Reader = anonymousReader) {
  return searchSite(parseSearchParams({ q }), reader);
}

async function slugsFor(q: string, reader?: Reader) {
  return (await search(q, reader)).articles.items.map((item) => item.slug);
}

const live = { status: 'published' as const, publishedAt: new Date('2026-03-01T09:00:00Z') };

// One article in British spelling and one in American for each family of differences.
const spellings: [family: string, british: string, american: string][] = [
  ['-our/-or', 'colour', 'color'],
  ['-our/-or', 'labour', 'labor'],
  ['-ise/-ize', 'organise', 'organize'],
  ['-isation/-ization', 'realisation', 'realization'],
  ['-yse/-yze', 'analyse', 'analyze'],
  ['-ence/-ense', 'defence', 'defense'],
  ['-ence/-ense', 'licence', 'license'],
  ['-ence/-ense', 'offence', 'offense'],
  ['-re/-er', 'centre', 'center'],
  ['-re/-er', 'metre', 'meter'],
  ['-ogue/-og', 'catalogue', 'catalog'],
  ['doubled l', 'travelled', 'traveled'],
  ['doubled l', 'modelling', 'modeling'],
  ['doubled l', 'counsellor', 'counselor'],
  ['single l', 'fulfil', 'fulfill'],
  ['ae/e', 'paediatric', 'pediatric'],
  ['ae/e', 'anaemia', 'anemia'],
  ['oe/e', 'oestrogen', 'estrogen'],
  ['oe/e', 'manoeuvre', 'maneuver'],
  ['irregular', 'programme', 'program'],
];

beforeAll(async () => {
  const db = getDb();
  const [user] = await db
    .insert(users)
    .values({ email: 'search-editor@example.org', role: 'editor' })
    .returning({ id: users.id });
  editor = { id: user!.id };
  const [imogen, otto] = await db
    .insert(authors)
    .values([
      { slug: 'imogen-quarrington', name: 'Imogen Quarrington', jobTitle: 'Senior fellow' },
      { slug: 'otto-vell', name: 'Otto Vell' },
    ])
    .returning({ id: authors.id });
  const [harbour, ledger] = await db
    .insert(series)
    .values([
      { slug: 'harbour-watch', name: 'Harbour Watch', description: 'Ports, weekly.' },
      { slug: 'the-ledger', name: 'The Ledger' },
    ])
    .returning({ id: series.id });
  Object.assign(ids, { imogen: imogen!.id, otto: otto!.id, harbour: harbour!.id });
  ids.ledger = ledger!.id;

  const pieces: (NewArticle & { byline: string[] })[] = [
    {
      slug: 'by-quarrington',
      title: 'Notes on ports',
      publishedAt: new Date('2026-03-02T09:00:00Z'),
      body: 'Cranes and quays.',
      byline: [ids.imogen],
    },
    {
      slug: 'mentions-quarrington',
      title: 'Other matters',
      body: 'As Quarrington argued last year, cranes matter.',
      byline: [ids.otto],
    },
    {
      slug: 'in-harbour-watch',
      title: 'Tidal barriers',
      body: 'Sluices and gates.',
      seriesId: ids.harbour,
      byline: [ids.otto],
    },
    {
      slug: 'members-by-quarrington',
      title: 'A private briefing',
      standfirst: 'For members.',
      body: 'Withheld sandpiper detail.',
      visibility: 'members',
      byline: [ids.imogen],
    },
    {
      slug: 'flavour-in-title',
      title: 'The flavour of money',
      body: 'Banknotes.',
      byline: [ids.otto],
    },
    {
      slug: 'flavor-in-body',
      title: 'Printing presses',
      body: 'Ink and flavor and paper.',
      byline: [ids.otto],
    },
    {
      slug: 'blocks',
      title: 'Shipyards',
      body: [
        '## Dredging spending',
        'The review found that silt costs more each year.',
        '- Watch the dredging contracts.',
        '- Count the berths.',
      ].join('\n\n'),
      byline: [ids.otto],
    },
    ...spellings.flatMap(([, british, american]) => [
      {
        slug: `spelt-${british}`,
        title: `Piece ${british}`,
        body: `A note on ${british} here.`,
        byline: [ids.otto],
      },
      {
        slug: `spelt-${american}`,
        title: `Piece ${american}`,
        body: `A note on ${american} here.`,
        byline: [ids.otto],
      },
    ]),
  ];
  const rows = await db
    .insert(articles)
    .values(pieces.map(({ byline: _byline, ...piece }) => ({ ...live, ...piece })))
    .returning({ id: articles.id, slug: articles.slug });
  await db.insert(articleAuthors).values(
    pieces.flatMap((piece, index) =>
      piece.byline.map((authorId, position) => ({
        articleId: rows[index]!.id,
        authorId,
        position,
      })),
    ),
  );
});

describe('search by name', () => {
  it('finds an expert’s work by their name, their byline above a mention in a body', async () => {
    const found = await search('Quarrington');
    expect(found.articles.items.map((item) => item.slug)).toEqual([
      'by-quarrington',
      'members-by-quarrington',
      'mentions-quarrington',
    ]);
    expect(found.experts).toEqual([
      {
        slug: 'imogen-quarrington',
        name: 'Imogen Quarrington',
        jobTitle: 'Senior fellow',
        photo: null,
      },
    ]);
    expect(found.series).toEqual([]);
  });

  it('lets the public find a members-only piece by its byline without quoting its body', async () => {
    const found = await search('Imogen Quarrington');
    const members = found.articles.items.find((item) => item.slug === 'members-by-quarrington');
    expect(members).toBeDefined();
    expect(JSON.stringify(found)).not.toContain('sandpiper');
  });

  it('finds a series and its articles by the series title, in either spelling', async () => {
    for (const q of ['Harbour Watch', 'harbor watch']) {
      const found = await search(q);
      expect(found.series).toEqual([
        { slug: 'harbour-watch', name: 'Harbour Watch', description: 'Ports, weekly.' },
      ]);
      expect(found.articles.items.map((item) => item.slug)).toEqual(['in-harbour-watch']);
    }
  });

  it('shows people and series with the first page of articles only', async () => {
    const found = await searchSite(
      parseSearchParams({ q: 'Quarrington', page: '2' }),
      anonymousReader,
    );
    expect(found).toMatchObject({ experts: [], series: [] });
  });

  it('finds a renamed expert and a retitled series under the new names only', async () => {
    await updateExpert(editor, ids.imogen, { name: 'Imogen Fairbairn-Quarrington' }, revalidate);
    await updateExpert(editor, ids.otto, { name: 'Otto Lindqvist' }, revalidate);
    await updateSeries(
      editor,
      ids.harbour,
      { name: 'Estuary Watch', description: 'Ports, weekly.' },
      revalidate,
    );

    expect(await slugsFor('Lindqvist tidal')).toEqual(['in-harbour-watch']);
    expect(await slugsFor('Vell')).toEqual([]);
    expect((await search('Lindqvist')).experts.map((expert) => expert.name)).toEqual([
      'Otto Lindqvist',
    ]);
    expect(await slugsFor('Fairbairn')).toEqual(['by-quarrington', 'members-by-quarrington']);
    expect(await slugsFor('estuary')).toEqual(['in-harbour-watch']);
    expect(await slugsFor('harbour')).toEqual([]);
    expect((await search('estuary watch')).series.map((item) => item.slug)).toEqual([
      'harbour-watch',
    ]);
  });

  it('follows an editor’s change of byline and series', async () => {
    const created = await createArticle(editor, {
      title: 'Dock work',
      kind: 'analysis',
      standfirst: 'Who unloads.',
      body: 'Stevedores.',
      authorIds: [ids.imogen],
      topicIds: [],
      regionIds: [],
      visibility: 'public',
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.article.id;
    await publishArticle(editor, id, revalidate);
    expect(await slugsFor('Fairbairn')).toContain(created.article.fields.slug);

    const article = await getArticleForEditing(id);
    const saved = await updateArticle(
      editor,
      id,
      {
        ...article!.fields,
        expectedVersion: article!.version,
        authorIds: [ids.otto],
        seriesId: ids.ledger,
      },
      revalidate,
    );
    expect(saved.ok).toBe(true);
    expect(await slugsFor('Fairbairn')).not.toContain(created.article.fields.slug);
    expect(await slugsFor('Lindqvist ledger')).toEqual([created.article.fields.slug]);
  });
});

describe('search across spellings', () => {
  it.each(spellings)('%s: %s and %s find each other', async (_family, british, american) => {
    const both = [`spelt-${american}`, `spelt-${british}`].sort();
    expect((await slugsFor(british)).sort()).toEqual(both);
    expect((await slugsFor(american)).sort()).toEqual(both);
  });

  it('highlights the other spelling in the snippet', async () => {
    const [item] = (await search('defense')).articles.items.filter(
      (result) => result.slug === 'spelt-defence',
    );
    expect(item!.snippet).toContain(`${matchStart}defence${matchEnd}`);
  });

  it('keeps phrases and exclusions across spellings', async () => {
    expect(await slugsFor('"note on defense"')).toEqual(
      expect.arrayContaining(['spelt-defence', 'spelt-defense']),
    );
    expect(await slugsFor('note -defense')).not.toContain('spelt-defence');
  });

  it('ranks a title match above a body match, whichever the spelling', async () => {
    expect(await slugsFor('flavor')).toEqual(['flavour-in-title', 'flavor-in-body']);
    expect(await slugsFor('flavour')).toEqual(['flavour-in-title', 'flavor-in-body']);
  });

  it('holds several hundred pairs, each with lexemes of its own', async () => {
    const [row] = await getDb().select({ n: count() }).from(spellingVariants);
    expect(row!.n).toBeGreaterThan(300);
    const [defence] = await getDb()
      .select()
      .from(spellingVariants)
      .where(eq(spellingVariants.british, 'defence'));
    expect(defence).toMatchObject({
      american: 'defense',
      britishLexeme: "'defenc'",
      americanLexeme: "'defens'",
    });
  });
});

describe('snippets', () => {
  it('quotes a match in a paragraph without the heading before it', async () => {
    const [item] = (await search('silt')).articles.items;
    expect(item!.snippet).toBe(
      `The review found that ${matchStart}silt${matchEnd} costs more each year.`,
    );
  });

  it('keeps a heading and a list item apart when both match', async () => {
    const [item] = (await search('dredging')).articles.items;
    expect(item!.snippet).toBe(
      `${matchStart}Dredging${matchEnd} spending … Watch the ${matchStart}dredging${matchEnd} contracts.`,
    );
  });

  it('quotes the first paragraph, not a heading, when only the title matched', async () => {
    const [item] = (await search('shipyards')).articles.items;
    expect(item!.snippet).toBe('The review found that silt costs more each year.');
  });
});
