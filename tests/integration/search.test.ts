import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, articles, articleTopics, authors, documents, topics } from '@/db/schema';
import { anonymousReader, type Reader } from '@/lib/auth/who';
import { matchEnd, matchStart } from '@/lib/search/markers';
import { parseSearchParams } from '@/lib/search/query';
import { rankingWindow, searchArticles } from '@/lib/search/search';

const member: Reader = { membersOnly: true, tiers: [] };
const canary = 'quillfeather';

const published = (date: string) => ({
  status: 'published' as const,
  publishedAt: new Date(date),
});

async function search(raw: Record<string, string>, reader: Reader = anonymousReader) {
  return searchArticles(parseSearchParams(raw), reader);
}

beforeAll(async () => {
  const db = getDb();
  const [author] = await db
    .insert(authors)
    .values({ slug: 'zara-search', name: 'Zara Search' })
    .returning();
  const [other] = await db
    .insert(authors)
    .values({ slug: 'otto-other', name: 'Otto Other' })
    .returning();
  const [topic] = await db.insert(topics).values({ slug: 'tides', name: 'Tides' }).returning();
  const rows = await db
    .insert(articles)
    .values([
      {
        slug: 'in-body',
        title: 'Harbour finance',
        standfirst: 'Ports and money.',
        body: 'The zephyrine current moves harbour silt every spring.',
        kind: 'report',
        ...published('2026-03-10T09:00:00Z'),
      },
      {
        slug: 'in-title',
        title: 'The zephyrine question',
        standfirst: 'Ports and money.',
        body: 'Nothing else here.',
        kind: 'analysis',
        ...published('2026-01-05T09:00:00Z'),
      },
      {
        slug: 'in-standfirst',
        title: 'Coastal budgets',
        standfirst: 'Why the zephyrine flow matters.',
        body: 'Tidal notes.',
        kind: 'commentary',
        ...published('2026-02-01T09:00:00Z'),
      },
      {
        slug: 'members-piece',
        title: 'Private tidal briefing',
        standfirst: 'For members about tides.',
        body: `Only members may read ${canary} here, with zephyrine detail.`,
        visibility: 'members',
        ...published('2026-04-01T09:00:00Z'),
      },
      {
        slug: 'draft-piece',
        title: 'Draft zephyrine',
        body: 'Unpublished zephyrine.',
        status: 'draft',
      },
    ])
    .returning({ id: articles.id, slug: articles.slug });
  const id = (slug: string) => rows.find((row) => row.slug === slug)!.id;
  await db.insert(articleAuthors).values([
    { articleId: id('in-body'), authorId: author!.id, position: 0 },
    { articleId: id('in-title'), authorId: other!.id, position: 0 },
    { articleId: id('in-standfirst'), authorId: author!.id, position: 0 },
  ]);
  await db.insert(articleTopics).values([{ articleId: id('in-standfirst'), topicId: topic!.id }]);
});

describe('search', () => {
  it('ranks a title match above a standfirst match above a body match', async () => {
    const result = await search({ q: 'zephyrine' });
    expect(result.items.map((item) => item.slug)).toEqual(['in-title', 'in-standfirst', 'in-body']);
    expect(result.total).toBe(3);
  });

  it('highlights the matched words in a plain-text snippet', async () => {
    const result = await search({ q: 'zephyrine current' });
    const snippet = result.items.find((item) => item.slug === 'in-body')!.snippet;
    expect(snippet).toContain(`${matchStart}zephyrine${matchEnd}`);
    expect(snippet).toContain(`${matchStart}current${matchEnd}`);
    expect(snippet).not.toMatch(/<\/?b>/);
  });

  it('stems words, so a plural finds the singular', async () => {
    expect((await search({ q: 'currents' })).items.map((item) => item.slug)).toContain('in-body');
  });

  it('filters by kind, topic, author and date range', async () => {
    expect((await search({ q: 'zephyrine', kind: 'report' })).items.map((i) => i.slug)).toEqual([
      'in-body',
    ]);
    expect((await search({ q: 'zephyrine', topic: 'tides' })).items.map((i) => i.slug)).toEqual([
      'in-standfirst',
    ]);
    expect(
      (await search({ q: 'zephyrine', author: 'zara-search' })).items.map((i) => i.slug).sort(),
    ).toEqual(['in-body', 'in-standfirst']);
    const range = await search({ q: 'zephyrine', from: '2026-01-31', to: '2026-03-10' });
    expect(range.items.map((i) => i.slug).sort()).toEqual(['in-body', 'in-standfirst']);
  });

  it('never matches or quotes a members-only body for the public', async () => {
    const byBody = await search({ q: canary });
    expect(byBody.total).toBe(0);
    const byTitle = await search({ q: 'private tidal briefing' });
    expect(byTitle.items.map((item) => item.slug)).toEqual(['members-piece']);
    expect(JSON.stringify(byTitle)).not.toContain(canary);
    expect(byTitle.items[0]!.snippet).toContain('members');
  });

  it('lets a member find and read a members-only snippet', async () => {
    const result = await search({ q: canary }, member);
    expect(result.items.map((item) => item.slug)).toEqual(['members-piece']);
    expect(result.items[0]!.snippet).toContain(canary);
  });

  it('never finds drafts', async () => {
    expect(JSON.stringify(await search({ q: 'unpublished' }, member))).not.toContain('draft-piece');
    // The draft holds the word too: every live piece that does is found, the draft alone is not.
    const found = await search({ q: 'zephyrine' }, member);
    expect(found.items.map((item) => item.slug).sort()).toEqual([
      'in-body',
      'in-standfirst',
      'in-title',
      'members-piece',
    ]);
  });

  describe('a word found only in a publication’s PDF', () => {
    const pdfWord = 'marrowgale';
    const membersPdfWord = 'sablethorn';
    // Enough words before the match that the passage cannot be the text's opening.
    const opening = 'The opening pages set out the method at length. '.repeat(12);

    beforeAll(async () => {
      const db = getDb();
      const pdf = async (name: string, text: string) => {
        const [row] = await db
          .insert(documents)
          .values({
            storageKey: `documents/${name}.pdf`,
            bytes: 1,
            pageCount: 1,
            filename: name,
            text,
          })
          .returning({ id: documents.id });
        return { documentId: row!.id, documentText: text };
      };
      await db.insert(articles).values([
        {
          slug: 'pdf-only',
          title: 'Estuary barrages',
          kind: 'report',
          standfirst: 'What a barrage would cost.',
          body: 'A summary of the report.',
          ...(await pdf('pdf-only', `${opening}The ${pdfWord} reach floods twice a day.`)),
          ...published('2026-03-01T09:00:00Z'),
        },
        {
          slug: 'pdf-and-body',
          title: 'Saltmarsh accounts',
          kind: 'report',
          body: `The body names the ${pdfWord} reach too.`,
          ...(await pdf('pdf-and-body', `${opening}The PDF on the ${pdfWord} reach.`)),
          ...published('2026-02-20T09:00:00Z'),
        },
        {
          slug: 'members-pdf',
          title: 'Barrage finance for members',
          kind: 'briefing',
          standfirst: 'A briefing for members.',
          body: 'Members read the summary.',
          visibility: 'members',
          ...(await pdf(
            'members-pdf',
            `${opening}Only members see ${membersPdfWord} barrage sums.`,
          )),
          ...published('2026-02-10T09:00:00Z'),
        },
      ]);
    });

    it('quotes the PDF’s passage, highlighted and marked as the PDF’s', async () => {
      const result = await search({ q: pdfWord });
      const found = result.items.find((item) => item.slug === 'pdf-only')!;
      expect(found.snippetFrom).toBe('pdf');
      expect(found.snippet).toContain(`The ${matchStart}${pdfWord}${matchEnd} reach floods`);
      expect(found.snippet).not.toMatch(/^The opening pages/);
    });

    it('quotes the piece where it holds the words itself', async () => {
      const result = await search({ q: pdfWord });
      const found = result.items.find((item) => item.slug === 'pdf-and-body')!;
      expect(found).toMatchObject({
        snippetFrom: 'article',
        snippet: expect.stringContaining(`body names the ${matchStart}${pdfWord}${matchEnd} reach`),
      });
    });

    it('quotes the piece, not its PDF, when only the title matches', async () => {
      const [found] = (await search({ q: 'estuary barrages' })).items;
      expect(found).toMatchObject({
        slug: 'pdf-only',
        snippetFrom: 'article',
        snippet: 'A summary of the report.',
      });
    });

    it('never quotes a members-only PDF to the public, however the piece is found', async () => {
      expect((await search({ q: membersPdfWord })).items).toEqual([]);
      // Found by its title, and by its title when the search names a word of its PDF too.
      for (const q of ['barrage finance for members', `barrage or ${membersPdfWord}`]) {
        const result = await search({ q });
        const found = result.items.find((item) => item.slug === 'members-pdf')!;
        expect(found).toMatchObject({
          snippetFrom: 'article',
          snippet: expect.stringContaining('briefing'),
        });
        expect(JSON.stringify(result)).not.toContain(membersPdfWord);
      }
    });

    it('quotes a members-only PDF to a member', async () => {
      const [found] = (await search({ q: membersPdfWord }, member)).items;
      expect(found).toMatchObject({ slug: 'members-pdf', snippetFrom: 'pdf' });
      expect(found!.snippet).toContain(`see ${matchStart}${membersPdfWord}${matchEnd} barrage`);
    });
  });

  const everyMatch = ['in-title', 'in-standfirst', 'in-body'];
  it.each([
    ['quotes', '"zephyrine current', ['in-body']],
    ['operators', 'zephyrine & | ! :* ( ) <-> \\', everyMatch],
    ['a negation', 'zephyrine -current', ['in-title', 'in-standfirst']],
    ['or', 'zephyrine or nothing', everyMatch],
    ['SQL', "'; drop table articles; --", []],
    ['emoji', '🌊 zephyrine 🚢', everyMatch],
    // A control character splits the word: what is left matches nothing.
    ['NUL and control characters', 'zephy\u0000rine\u0007', []],
    ['only stop words', 'the and of', []],
    ['10 KB of text', 'zephyrine '.repeat(1024), everyMatch],
    ['unpaired surrogates', '\ud83d zephyrine \udc00', everyMatch],
  ])('answers any input without error: %s', async (_label, q, slugs) => {
    const result = await search({ q });
    expect(result.items.map((item) => item.slug)).toEqual(slugs);
    expect(result.total).toBe(slugs.length);
    // Whatever came before, the table is intact and search still works.
    expect((await search({ q: 'zephyrine' })).items.map((item) => item.slug)).toEqual(everyMatch);
  });

  it('treats an empty query as no search', async () => {
    expect(await search({ q: '   ' })).toMatchObject({ total: 0, items: [] });
  });

  describe('with more matches than the ranking window', () => {
    const word = 'brackwater';
    beforeAll(async () => {
      // The oldest holds the word in its title, the others only in the body.
      const day = (index: number) => new Date(Date.UTC(2020, 0, 1) + index * 86_400_000);
      await getDb()
        .insert(articles)
        .values(
          Array.from({ length: rankingWindow + 5 }, (_, index) => ({
            slug: `window-${index}`,
            title: index === 0 ? `The ${word} title` : `Window piece ${index}`,
            body: `Notes on ${word} and other things.`,
            status: 'published' as const,
            publishedAt: day(index),
          })),
        );
    });

    it('ranks the newest matches and says that more match', async () => {
      const first = await search({ q: word });
      expect(first).toMatchObject({ total: rankingWindow, moreMatches: true });
      expect(first.pageCount).toBe(rankingWindow / 10);
      expect(first.items.map((item) => item.slug)).not.toContain('window-0');
      const last = await search({ q: word, page: String(rankingWindow / 10) });
      expect(last.items).toHaveLength(10);
      const past = await search({ q: word, page: String(rankingWindow / 10 + 1) });
      expect(past).toMatchObject({ items: [], total: rankingWindow, moreMatches: true });
    });

    it('reaches older work through a date filter, ranked as ever', async () => {
      const result = await search({ q: word, to: '2020-01-10' });
      expect(result).toMatchObject({ total: 10, moreMatches: false });
      expect(result.items[0]!.slug).toBe('window-0');
    });

    it('counts exactly when the matches fit in the window', async () => {
      expect(await search({ q: 'zephyrine' })).toMatchObject({ moreMatches: false });
    });
  });
});
