import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed';
import { anonymousReader, type Reader } from '@/lib/auth/who';
import {
  getArticle,
  listArticles,
  listFeedArticles,
  listRelatedArticles,
  listSitemapArticles,
} from '@/lib/content/queries/articles';
import { listExperts, listSeries, listTopics } from '@/lib/content/queries/taxonomy';

const member: Reader = { membersOnly: true, tiers: [] };
const membersSlug = 'spending-review-in-five-charts';

beforeAll(async () => {
  await seedDatabase(getDb());
});

describe('listArticles', () => {
  it('pages through live articles, newest first, with stable totals', async () => {
    const first = await listArticles({}, 1, 5);
    const second = await listArticles({}, 2, 5);
    expect(first.total).toBe(16);
    expect(first.pageCount).toBe(4);
    expect(first.items).toHaveLength(5);
    expect(second.items[0]!.publishedAt < first.items[4]!.publishedAt).toBe(true);
    const beyond = await listArticles({}, 9, 5);
    expect(beyond.items).toEqual([]);
    expect(beyond.pageCount).toBe(4);
  });

  it('filters by kind, series, topic and author', async () => {
    const reports = await listArticles({ kind: 'report' }, 1, 50);
    expect(reports.items.map((item) => item.kind)).toEqual(['report', 'report', 'report']);
    const column = await listArticles({ seriesSlug: 'the-wren-dispatch' }, 1, 50);
    expect(column.items.map((item) => item.slug)).toEqual([
      'deterrence-on-a-budget',
      'europes-ammunition-gap-a-year-on',
    ]);
    const health = await listArticles({ topicSlug: 'health' }, 1, 50);
    expect(health.total).toBe(3);
    const amara = await listArticles({ authorSlug: 'amara-okafor' }, 1, 50);
    expect(amara.items.map((item) => item.slug)).toEqual([
      'primary-care-africas-growing-cities',
      'heat-health-cost-of-doing-nothing',
      'vaccine-manufacturing-africa-pledges-to-plants',
    ]);
    expect(amara.items.every((item) => item.authors.some((a) => a.slug === 'amara-okafor'))).toBe(
      true,
    );
    expect(await listArticles({ topicSlug: 'no-such-topic' }, 1, 50)).toMatchObject({ total: 0 });
  });

  it('never lists drafts, future scheduled pieces, or any body', async () => {
    const all = await listArticles({}, 1, 100);
    const slugs = all.items.map((item) => item.slug);
    expect(slugs).toHaveLength(16);
    expect(slugs).toContain('spending-review-in-five-charts');
    expect(slugs).not.toContain('housing-supply-and-the-planning-system');
    expect(slugs).not.toContain('what-to-watch-at-the-defence-ministerial');
    expect(JSON.stringify(all)).not.toContain('Members’ note');
  });

  it('shows a scheduled article once its time has come', async () => {
    const db = getDb();
    await db
      .update(articles)
      .set({ publishedAt: new Date(Date.now() - 60_000) })
      .where(eq(articles.slug, 'what-to-watch-at-the-defence-ministerial'));
    const all = await listArticles({}, 1, 100);
    expect(all.items[0]!.slug).toBe('what-to-watch-at-the-defence-ministerial');
    await db
      .update(articles)
      .set({ publishedAt: new Date('2099-01-01T00:00:00Z') })
      .where(eq(articles.slug, 'what-to-watch-at-the-defence-ministerial'));
  });
});

describe('getArticle', () => {
  it('returns a public article whole, with bylines in order, topics, hero and word count', async () => {
    const article = await getArticle('semiconductor-subsidies-race', anonymousReader);
    expect(article).not.toBeNull();
    expect(article!.body).toContain('Duplication is not resilience');
    expect(article!.authors.map((author) => author.name)).toEqual(['Priya Raman', 'Tomasz Wren']);
    expect(article!.topics.map((topic) => topic.slug)).toEqual(
      expect.arrayContaining(['technology', 'trade', 'asia-pacific', 'americas']),
    );
    expect(article!.revisedAt).toBe('2026-09-30T10:00:00.000Z');
    expect(article!.wordCount).toBeGreaterThan(100);
    expect(article!.hero).toMatchObject({ width: 1600, height: 900 });
  });

  it('withholds a members-only body from the public and gives it to members', async () => {
    const publicView = await getArticle(membersSlug, anonymousReader);
    expect(publicView!.body).toBeNull();
    expect(publicView!.title).toBe('The spending review in five charts');
    expect(JSON.stringify(publicView)).not.toContain('Members’ note');
    const memberView = await getArticle(membersSlug, member);
    expect(memberView!.body).toContain('Members’ note');
  });

  it('describes an excerpt’s original publication', async () => {
    const excerpt = await getArticle('pacific-trade-pact-middle-powers', anonymousReader);
    expect(excerpt!.externalSource).toEqual({
      name: 'The Meridian Review',
      url: 'https://www.meridianreview.example/2026/10/pacific-pact-middle-powers',
      publishedAt: '2026-10-27T18:00:00.000Z',
    });
  });

  it('finds nothing for drafts, scheduled pieces and unknown slugs', async () => {
    for (const slug of [
      'housing-supply-and-the-planning-system',
      'what-to-watch-at-the-defence-ministerial',
      'nope',
    ]) {
      expect(await getArticle(slug, member)).toBeNull();
    }
  });
});

describe('related articles', () => {
  it('prefers shared topics and never includes the article itself', async () => {
    const article = await getArticle('grid-connections-new-bottleneck', anonymousReader);
    const related = await listRelatedArticles(article!.id, 3);
    expect(related).toHaveLength(3);
    expect(related.map((item) => item.slug)).not.toContain('grid-connections-new-bottleneck');
    for (const item of related) {
      const full = await getArticle(item.slug, anonymousReader);
      const shared = full!.topics.filter((topic) =>
        article!.topics.some((t) => t.slug === topic.slug),
      );
      expect(shared.length).toBeGreaterThan(0);
    }
  });
});

describe('feeds and sitemap', () => {
  it('carry public bodies but never a members-only one', async () => {
    const items = await listFeedArticles({}, anonymousReader, 50);
    expect(items).toHaveLength(16);
    const briefing = items.find((item) => item.slug === membersSlug)!;
    expect(briefing.body).toBeNull();
    expect(items.find((item) => item.slug === 'deterrence-on-a-budget')!.body).toContain(
      'Money is not readiness',
    );
    expect(JSON.stringify(items)).not.toContain('Members’ note');
  });

  it('filter like listings', async () => {
    const items = await listFeedArticles({ seriesSlug: 'fiscal-watch' }, anonymousReader);
    expect(items.map((item) => item.slug)).toEqual([
      'fiscal-rules-need-a-stress-test',
      'spending-review-in-five-charts',
      'local-government-finance-hidden-crisis',
      'productivity-puzzle-what-the-data-says',
    ]);
    expect(items.map((item) => item.series?.slug)).toEqual(
      Array(items.length).fill('fiscal-watch'),
    );
  });

  it('list every live article for the sitemap', async () => {
    const entries = await listSitemapArticles();
    // The 14 pieces of research, the 2 demo publications and 3 press releases.
    expect(entries).toHaveLength(19);
    expect(
      entries.find((entry) => entry.slug === 'semiconductor-subsidies-race')!.lastModified,
    ).toBe('2026-09-30T10:00:00.000Z');
  });
});

describe('taxonomy', () => {
  it('counts live articles per series, topic and expert', async () => {
    const series = await listSeries();
    expect(series.find((item) => item.slug === 'the-wren-dispatch')).toMatchObject({
      articleCount: 2,
      columnist: { slug: 'tomasz-wren', name: 'Tomasz Wren' },
    });
    const topics = await listTopics();
    expect(topics.filter((topic) => topic.kind === 'region').length).toBeGreaterThanOrEqual(5);
    expect(topics.find((topic) => topic.slug === 'health')!.articleCount).toBe(3);
    const experts = await listExperts();
    expect(experts).toHaveLength(15);
    // The demo images hold the five writing fellows' portraits; the others show their initial.
    expect(experts.filter((expert) => expert.photo !== null).map((expert) => expert.role)).toEqual(
      Array(5).fill('fellow'),
    );
  });
});
