import { and, asc, count, desc, eq, exists, ne, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTiers,
  articleTopics,
  authors,
  media,
  membershipTiers,
  series,
  topics,
  type ArticleKind,
} from '@/db/schema';
import { getPublication } from '@/lib/publications/details';
import { isPublicationKind } from '@/lib/publications/kinds';
import { isLive, readableBody } from '../access';
import type { Reader } from '@/lib/auth/who';
import { listingPageCount } from '../listing';
import type { ArticleDetail, ArticleSummary, Page } from '../types';
import { keysetOrder, pageStart, type Keyset } from './keyset';
import { selectSummaries, summaryColumns, toSummaries } from './summaries';

export interface ArticleFilter {
  kind?: ArticleKind;
  seriesSlug?: string;
  topicSlug?: string;
  authorSlug?: string;
  /**
   * Press releases belong to the press office (/press/releases), not the research: a listing
   * leaves them out unless it asks for that kind, or for them alongside the rest (a person's
   * work).
   */
  includePressReleases?: boolean;
}

export function filterConditions(filter: ArticleFilter): SQL[] {
  const conditions: SQL[] = [isLive()];
  if (filter.kind) conditions.push(eq(articles.kind, filter.kind));
  else if (!filter.includePressReleases) conditions.push(ne(articles.kind, 'press-release'));
  // A scalar subquery rather than a condition on a joined series row, so a query needs no join
  // to filter and the planner can use the (series_id, published_at) index.
  if (filter.seriesSlug) {
    conditions.push(
      eq(
        articles.seriesId,
        getDb().select({ id: series.id }).from(series).where(eq(series.slug, filter.seriesSlug)),
      ),
    );
  }
  if (filter.topicSlug) {
    conditions.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(articleTopics)
          .innerJoin(topics, eq(topics.id, articleTopics.topicId))
          .where(and(eq(articleTopics.articleId, articles.id), eq(topics.slug, filter.topicSlug))),
      ),
    );
  }
  if (filter.authorSlug) {
    conditions.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(articleAuthors)
          .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
          .where(
            and(eq(articleAuthors.articleId, articles.id), eq(authors.slug, filter.authorSlug)),
          ),
      ),
    );
  }
  return conditions;
}

/** Listings run newest first; the id breaks ties between articles published at one moment. */
export const listingKeyset: Keyset = { columns: [articles.publishedAt, articles.id] };

/** One page of live articles, newest first. Deep pages seek rather than skip (see keyset.ts). */
export async function listArticles(
  filter: ArticleFilter,
  page: number,
  pageSize: number,
): Promise<Page<ArticleSummary>> {
  const where = and(...filterConditions(filter));
  const [rows, total] = await Promise.all([
    selectSummaries()
      .where(and(where, pageStart(listingKeyset, where, (page - 1) * pageSize)))
      .orderBy(...keysetOrder(listingKeyset))
      .limit(pageSize),
    countArticles(filter),
  ]);
  return {
    items: await toSummaries(rows),
    page,
    pageSize,
    total,
    pageCount: listingPageCount(total, pageSize),
  };
}

/** How many live articles a listing holds. */
export async function countArticles(filter: ArticleFilter): Promise<number> {
  const [total] = await getDb()
    .select({ value: count() })
    .from(articles)
    .where(and(...filterConditions(filter)));
  return total?.value ?? 0;
}

/** A live article as the given reader may see it, or null when there is none. */
export async function getArticle(slug: string, reader: Reader): Promise<ArticleDetail | null> {
  const [row] = await getDb()
    .select({
      ...summaryColumns,
      body: readableBody(reader),
      wordCount: sql<number>`coalesce(array_length(regexp_split_to_array(btrim(${articles.body}), '\\s+'), 1), 0)::int`,
      revisedAt: articles.revisedAt,
      externalSourceName: articles.externalSourceName,
      externalSourceUrl: articles.externalSourceUrl,
      externalPublishedAt: articles.externalPublishedAt,
    })
    .from(articles)
    .leftJoin(series, eq(series.id, articles.seriesId))
    .leftJoin(media, eq(media.id, articles.heroImageId))
    .where(and(isLive(), eq(articles.slug, slug)))
    .limit(1);
  if (!row) return null;
  const [[summary], topicRows, tierRows, publication] = await Promise.all([
    toSummaries([row]),
    getDb()
      .select({ slug: topics.slug, name: topics.name, kind: topics.kind })
      .from(articleTopics)
      .innerJoin(topics, eq(topics.id, articleTopics.topicId))
      .where(eq(articleTopics.articleId, row.id))
      .orderBy(asc(topics.kind), asc(topics.name)),
    row.visibility === 'tiers'
      ? getDb()
          .select({ slug: membershipTiers.slug, name: membershipTiers.name })
          .from(articleTiers)
          .innerJoin(membershipTiers, eq(membershipTiers.id, articleTiers.tierId))
          // Hidden tiers are by invitation: their names are not shown to readers.
          .where(and(eq(articleTiers.articleId, row.id), eq(membershipTiers.visible, true)))
          .orderBy(asc(membershipTiers.position), asc(membershipTiers.name))
      : [],
    isPublicationKind(row.kind) ? getPublication(row.id, row.slug, reader) : null,
  ]);
  return {
    ...summary!,
    body: row.body,
    wordCount: Number(row.wordCount),
    revisedAt: row.revisedAt?.toISOString() ?? null,
    topics: topicRows,
    tiers: tierRows,
    externalSource:
      row.externalSourceName && row.externalSourceUrl
        ? {
            name: row.externalSourceName,
            url: row.externalSourceUrl,
            publishedAt: row.externalPublishedAt?.toISOString() ?? null,
          }
        : null,
    publication,
  };
}

/** Live articles sharing the most topics (then the series) with the given one, newest first. */
export async function listRelatedArticles(articleId: string, limit = 3): Promise<ArticleSummary[]> {
  const shared = sql<number>`(
    select count(*) from ${articleTopics} as mine
    join ${articleTopics} as theirs on theirs.topic_id = mine.topic_id
    where mine.article_id = ${articleId} and theirs.article_id = ${articles.id}
  )`;
  const sameSeries = sql<number>`case when ${articles.seriesId} is not null and ${articles.seriesId} = (select series_id from ${articles} as a where a.id = ${articleId}) then 1 else 0 end`;
  const rows = await selectSummaries()
    .where(and(isLive(), ne(articles.id, articleId), sql`${shared} + ${sameSeries} > 0`))
    .orderBy(desc(sql`${shared} + ${sameSeries}`), desc(articles.publishedAt))
    .limit(limit);
  return toSummaries(rows);
}

export interface FeedArticle extends ArticleSummary {
  /** The body only where the public may read it. */
  body: string | null;
  topicNames: string[];
}

/** The newest live articles for a feed; members-only bodies are never read. */
export async function listFeedArticles(
  filter: ArticleFilter,
  reader: Reader,
  limit = 30,
): Promise<FeedArticle[]> {
  const rows = await getDb()
    .select({ ...summaryColumns, body: readableBody(reader) })
    .from(articles)
    .leftJoin(series, eq(series.id, articles.seriesId))
    .leftJoin(media, eq(media.id, articles.heroImageId))
    .where(and(...filterConditions(filter)))
    .orderBy(...keysetOrder(listingKeyset))
    .limit(limit);
  const [summaries, topicRows] = await Promise.all([
    toSummaries(rows),
    rows.length
      ? getDb()
          .select({ articleId: articleTopics.articleId, name: topics.name })
          .from(articleTopics)
          .innerJoin(topics, eq(topics.id, articleTopics.topicId))
          .where(sql`${articleTopics.articleId} in ${rows.map((row) => row.id)}`)
      : Promise.resolve([]),
  ]);
  return summaries.map((summary, index) => ({
    ...summary,
    body: rows[index]!.body,
    topicNames: topicRows.filter((row) => row.articleId === summary.id).map((row) => row.name),
  }));
}

export interface SitemapArticle {
  slug: string;
  lastModified: string;
}

export async function listSitemapArticles(): Promise<SitemapArticle[]> {
  const rows = await getDb()
    .select({
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      revisedAt: articles.revisedAt,
    })
    .from(articles)
    .where(isLive())
    .orderBy(desc(articles.publishedAt));
  return rows.map((row) => ({
    slug: row.slug,
    lastModified: (row.revisedAt ?? row.publishedAt ?? new Date(0)).toISOString(),
  }));
}
