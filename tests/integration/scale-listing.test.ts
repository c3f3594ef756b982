import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { generateArticles, generatedSlugPrefix } from '@/db/seed/generate';
import { seedDatabase } from '@/db/seed/seed';
import { listArticles, type ArticleFilter } from '@/lib/content/queries/articles';
import { listArticlesForAdmin } from '@/lib/editorial/article-list';

const generated = 3000;

async function ids(query: SQL): Promise<string[]> {
  const rows = (await getDb().execute(query)) as unknown as
    { id: string }[] | { rows: { id: string }[] };
  return (Array.isArray(rows) ? rows : rows.rows).map((row) => row.id);
}

// What plain OFFSET pagination returns, written by hand so it cannot share a bug with lib/.
const live = sql`a.status in ('published', 'scheduled') and a.published_at <= now()`;
// Listings leave press releases out unless a kind is asked for.
const research = sql`a.kind <> 'press-release'`;
const referenceFilters: [ArticleFilter, SQL][] = [
  [{}, research],
  [{ kind: 'report' }, sql`a.kind = 'report'`],
  [
    { seriesSlug: 'fiscal-watch' },
    sql`${research} and a.series_id = (select id from series where slug = 'fiscal-watch')`,
  ],
  [
    { topicSlug: 'energy-climate' },
    sql`${research} and exists (select 1 from article_topics t join topics o on o.id = t.topic_id
        where t.article_id = a.id and o.slug = 'energy-climate')`,
  ],
  [
    { authorSlug: 'amara-okafor' },
    sql`${research} and exists (select 1 from article_authors w join authors p on p.id = w.author_id
      where w.article_id = a.id and p.slug = 'amara-okafor')`,
  ],
];

beforeAll(async () => {
  await seedDatabase(getDb());
  expect(await generateArticles(getDb(), generated)).toMatchObject({ created: generated });
  // Whole months rather than hours: dozens of articles share each timestamp, so every page
  // boundary falls inside a tie and only the id can keep the order total.
  await getDb().execute(sql`
    update articles set published_at = date_trunc('month', published_at),
      updated_at = date_trunc('month', updated_at)
    where slug like ${`${generatedSlugPrefix}%`} and status = 'published'`);
}, 180_000);

describe('generateArticles', () => {
  it('adds only what is missing when run again', async () => {
    expect(await generateArticles(getDb(), generated)).toEqual({
      requested: generated,
      existing: generated,
      created: 0,
    });
    const [row] = await ids(
      sql`select count(*)::text as id from articles where slug like ${`${generatedSlugPrefix}%`}`,
    );
    expect(Number(row)).toBe(generated);
  });
});

describe('listArticles at depth', () => {
  it.each(referenceFilters)(
    'returns exactly the OFFSET pages, ties included (%j)',
    async (filter, condition) => {
      const expected = await ids(sql`
      select a.id from articles a where ${live} and (${condition})
      order by a.published_at desc, a.id desc`);
      expect(expected.length).toBeGreaterThan(100);
      const pageSize = 37;
      const pageCount = Math.ceil(expected.length / pageSize);
      const seen: string[] = [];
      for (let page = 1; page <= pageCount; page += 1) {
        const result = await listArticles(filter, page, pageSize);
        expect(result.total).toBe(expected.length);
        expect(result.items.map((item) => item.id)).toEqual(
          expected.slice((page - 1) * pageSize, page * pageSize),
        );
        seen.push(...result.items.map((item) => item.id));
      }
      expect(new Set(seen).size).toBe(expected.length);
      expect((await listArticles(filter, pageCount + 1, pageSize)).items).toEqual([]);
    },
  );
});

describe('listArticlesForAdmin at depth', () => {
  it('returns exactly the OFFSET pages, drafts and ties included', async () => {
    const expected = await ids(
      sql`select a.id from articles a order by a.updated_at desc, a.id desc`,
    );
    const pageSize = 100;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / pageSize); page += 1) {
      const result = await listArticlesForAdmin({ page, pageSize });
      expect(result.items.map((item) => item.id)).toEqual(
        expected.slice((page - 1) * pageSize, page * pageSize),
      );
      seen.push(...result.items.map((item) => item.id));
    }
    expect(seen).toEqual(expected);
  });

  it('pages a filtered list the same way', async () => {
    const expected = await ids(
      sql`select a.id from articles a where a.status = 'draft' order by a.updated_at desc, a.id desc`,
    );
    const first = await listArticlesForAdmin({ status: 'draft', page: 1, pageSize: 20 });
    const second = await listArticlesForAdmin({ status: 'draft', page: 2, pageSize: 20 });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected.slice(0, 40));
    expect(first.total).toBe(expected.length);
  });
});
