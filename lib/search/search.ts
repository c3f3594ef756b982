import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, media, series } from '@/db/schema';
import { readableBody, readableSearchVector, type Reader } from '@/lib/content/access';
import { filterConditions } from '@/lib/content/queries/articles';
import { summaryColumns, toSummaries } from '@/lib/content/queries/summaries';
import type { ArticleSummary, Page } from '@/lib/content/types';
import { matchEnd, matchStart } from './markers';
import type { SearchParams } from './query';

export interface SearchResult extends ArticleSummary {
  /** Plain text with matches between matchStart and matchEnd. */
  snippet: string;
}

const pageSize = 10;

function dateConditions(params: SearchParams): SQL[] {
  const conditions: SQL[] = [];
  if (params.from) conditions.push(gte(articles.publishedAt, new Date(`${params.from}T00:00:00Z`)));
  if (params.to) {
    const end = new Date(`${params.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(articles.publishedAt, end));
  }
  return conditions;
}

// Markdown punctuation in a snippet reads as noise; links keep their text.
function tidySnippet(snippet: string): string {
  return snippet
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]*\]:?/g, '')
    .replace(/(^|\s)(#{1,6}|>|[-*+]|\d+\.)\s/g, '$1')
    .replace(/[*_`|~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Full-text search over live articles. The title weighs more than the standfirst, which
 * weighs more than the body; a body the reader may not read is neither matched nor quoted.
 */
export async function searchArticles(
  params: SearchParams,
  reader: Reader,
): Promise<Page<SearchResult>> {
  const empty = { items: [], page: params.page, pageSize, total: 0, pageCount: 1 };
  if (!params.q) return empty;
  const query = sql`websearch_to_tsquery('english', ${params.q})`;
  const vector = readableSearchVector(reader);
  const where = and(
    ...filterConditions({ kind: params.kind, topicSlug: params.topic, authorSlug: params.author }),
    ...dateConditions(params),
    sql`${vector} @@ ${query}`,
  );
  const rank = sql<number>`ts_rank_cd(${vector}, ${query}, 32)`;
  const snippetSource = sql`coalesce(${readableBody(reader)}, ${articles.standfirst})`;
  // Highlight any matched word, even where the passage does not hold all of them.
  const anyWord = sql`(replace(${query}::text, ' & ', ' | '))::tsquery`;
  const snippet = sql<string>`ts_headline('english', ${snippetSource}, ${anyWord}, ${`StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})`;

  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...summaryColumns, rank, snippet })
      .from(articles)
      .leftJoin(series, eq(series.id, articles.seriesId))
      .leftJoin(media, eq(media.id, articles.heroImageId))
      .where(where)
      .orderBy(desc(rank), desc(articles.publishedAt))
      .limit(pageSize)
      .offset((params.page - 1) * pageSize),
    db
      .select({ value: sql<number>`count(*)::int` })
      .from(articles)
      .where(where),
  ]);
  const summaries = await toSummaries(rows);
  const totalCount = Number(total?.value ?? 0);
  return {
    items: summaries.map((summary, index) => ({
      ...summary,
      snippet: tidySnippet(rows[index]!.snippet),
    })),
    page: params.page,
    pageSize,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / pageSize)),
  };
}
