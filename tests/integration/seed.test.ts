import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rowsOf } from '@/db/migrate';
import { articles, authors, series, topics, users } from '@/db/schema';
import { isDatabaseEmpty, seedDatabase } from '@/db/seed/seed';
import { verifyPassword } from '@/lib/auth/password';
import { listArticles } from '@/lib/content/queries/articles';

const seededTables = [
  'media',
  'authors',
  'series',
  'topics',
  'articles',
  'article_authors',
  'article_topics',
  'users',
];

// A digest of every seeded row, so "seeding twice changes nothing" is checked to the byte.
async function fingerprint() {
  const db = getDb();
  const digests: Record<string, string> = {};
  for (const table of seededTables) {
    const result = await db.execute<{ digest: string }>(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`,
      ),
    );
    digests[table] = rowsOf<{ digest: string }>(result)[0]!.digest;
  }
  return digests;
}

describe('seed', () => {
  it('fills an empty database with a think tank’s worth of demo content', async () => {
    const db = getDb();
    expect(await isDatabaseEmpty(db)).toBe(true);
    const result = await seedDatabase(db);
    expect(await isDatabaseEmpty(db)).toBe(false);

    const [published] = await db
      .select({ value: count() })
      .from(articles)
      .where(sql`${articles.status} = 'published'`);
    expect(published!.value).toBeGreaterThanOrEqual(12);
    const [authorCount] = await db.select({ value: count() }).from(authors);
    expect(authorCount!.value).toBeGreaterThanOrEqual(4);
    const seriesRows = await db.select().from(series);
    expect(seriesRows.length).toBeGreaterThanOrEqual(2);
    expect(seriesRows.some((row) => row.columnistId !== null)).toBe(true);
    const [topicCount] = await db.select({ value: count() }).from(topics);
    expect(topicCount!.value).toBeGreaterThanOrEqual(6);

    const all = await db.select().from(articles);
    expect(all.some((row) => row.externalSourceName && row.externalSourceUrl)).toBe(true);
    expect(all.some((row) => row.visibility === 'members' && row.status === 'published')).toBe(
      true,
    );
    const months = new Set(
      all.filter((row) => row.publishedAt).map((row) => row.publishedAt!.toISOString().slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(4);

    expect(result.accounts.map((account) => account.role).sort()).toEqual([
      'admin',
      'editor',
      'member',
    ]);
    const admin = result.accounts.find((account) => account.role === 'admin')!;
    const [adminRow] = await db
      .select()
      .from(users)
      .where(sql`${users.email} = ${admin.email}`);
    expect(adminRow!.role).toBe('admin');
    expect(adminRow!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(adminRow!.passwordHash!, admin.password)).toBe(true);
  });

  it('changes nothing when run a second time', async () => {
    const db = getDb();
    const before = await fingerprint();
    const again = await seedDatabase(db);
    expect(again.accounts).toEqual([]);
    expect(Object.values(again.created).every((value) => value === 0)).toBe(true);
    expect(await fingerprint()).toEqual(before);
  });

  it('lists only live articles, newest first, without their bodies', async () => {
    const { items: latest } = await listArticles({}, 1, 50);
    const slugs = latest.map((article) => article.slug);
    expect(slugs).not.toContain('housing-supply-and-the-planning-system');
    expect(slugs).not.toContain('what-to-watch-at-the-defence-ministerial');
    expect(slugs[0]).toBe('fiscal-rules-need-a-stress-test');
    const times = latest.map((article) => Date.parse(article.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(latest.every((article) => !('body' in article))).toBe(true);
    const briefing = latest.find((article) => article.slug === 'spending-review-in-five-charts')!;
    expect(briefing.visibility).toBe('members');
    expect(briefing.authors.map((author) => author.name)).toEqual([
      'Daniel Achterberg',
      'Helen Orvik',
    ]);
    expect(briefing.hero?.alt).toBeTruthy();
  });
});
