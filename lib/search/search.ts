import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, media, series } from '@/db/schema';
import {
  readableBody,
  readableDocumentText,
  readableSearchMatch,
  readableSearchVector,
} from '@/lib/content/access';
import type { Reader } from '@/lib/auth/who';
import { filterConditions, listingKeyset } from '@/lib/content/queries/articles';
import { keysetOrder } from '@/lib/content/queries/keyset';
import { summaryColumns, toSummaries } from '@/lib/content/queries/summaries';
import type { ArticleSummary, Page } from '@/lib/content/types';
import { matchEnd, matchStart, passageBreak } from './markers';
import type { SearchParams } from './query';
import { toSearchQuery } from './search-query';
import { pdfSnippetText, snippetText } from './snippet-text';

export interface SearchResult extends ArticleSummary {
  /** Plain text with matches between matchStart and matchEnd. */
  snippet: string;
  /** Whence the snippet is quoted: the piece, or its PDF when only the PDF holds the words. */
  snippetFrom: 'article' | 'pdf';
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

/**
 * How many matches are ranked: the newest this many. Ranking reads each match's whole search
 * document; for a word in a third of 100,000 articles that is most of the table, hundreds of
 * milliseconds, while the newest few hundred matches are found by walking the listing index
 * (lib/content/queries/keyset.ts) until enough match. Filters narrow the window to older work.
 */
export const rankingWindow = 200;

export interface SearchPage extends Page<SearchResult> {
  /** More articles match than the ranking window holds: `total` is a lower bound. */
  moreMatches: boolean;
}

/** Full-text search over live articles for a reader's words (see articlesMatching). */
export async function searchArticles(params: SearchParams, reader: Reader): Promise<SearchPage> {
  return articlesMatching(await toSearchQuery(params.q), params, reader);
}

/**
 * The live articles that match `textQuery` (from toSearchQuery): the newest `rankingWindow`
 * matches, ranked. The title weighs most, then the experts' and series' names, then the
 * standfirst, then the body and a publication's PDF text; a body or PDF the reader may not
 * read is neither matched nor quoted.
 */
export async function articlesMatching(
  textQuery: string | null,
  params: SearchParams,
  reader: Reader,
): Promise<SearchPage> {
  const empty = {
    items: [],
    page: params.page,
    pageSize,
    total: 0,
    pageCount: 1,
    moreMatches: false,
  };
  if (!textQuery) return empty;
  const query = sql`${textQuery}::tsquery`;
  const vector = readableSearchVector(reader);
  const where = and(
    ...filterConditions({
      kind: params.kind,
      topicSlug: params.topic,
      authorSlug: params.author,
      // Search finds everything published, the press office's releases included.
      includePressReleases: true,
    }),
    ...dateConditions(params),
    readableSearchMatch(reader, query),
  );
  const rank = sql<number>`ts_rank_cd(${vector}, ${query}, 32)`;
  const snippetSource = sql`coalesce(${readableBody(reader)}, ${articles.standfirst})`;
  // Highlight any matched word, even where the passage does not hold all of them.
  const anyWord = sql`(replace(${query}::text, ' & ', ' | '))::tsquery`;
  const headline = (source: SQL) =>
    sql<string>`ts_headline('english', ${source}, ${anyWord}, ${`StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=${passageBreak}`})`;
  const snippet = headline(snippetSource);
  // The PDF's passage, only where the piece's own text holds none of the words (they are in its
  // PDF, or its title alone): a PDF's text runs to 200,000 characters, too long to read for a
  // passage nobody is shown.
  const pdfText = readableDocumentText(reader);
  const onlyInPdf = sql`${pdfText} <> '' and not (to_tsvector('english', ${snippetSource}) @@ ${anyWord})`;
  const pdfSnippet = sql<string | null>`case when ${onlyInPdf} then ${headline(pdfText)} end`;

  const db = getDb();
  // One more than the window tells whether more articles match than are ranked.
  const candidates = db.$with('candidates').as(
    db
      .select({
        id: articles.id,
        position:
          sql<number>`row_number() over (order by ${articles.publishedAt} desc, ${articles.id} desc)`.as(
            'position',
          ),
      })
      .from(articles)
      .where(where)
      .orderBy(...keysetOrder(listingKeyset))
      .limit(rankingWindow + 1),
  );
  const matchedCount = sql<number>`(select count(*) from ${candidates})::int`;
  const rows = await db
    .with(candidates)
    .select({ ...summaryColumns, rank, snippet, pdfSnippet, matched: matchedCount })
    .from(candidates)
    .innerJoin(articles, eq(articles.id, candidates.id))
    .leftJoin(series, eq(series.id, articles.seriesId))
    .leftJoin(media, eq(media.id, articles.heroImageId))
    .where(lte(candidates.position, rankingWindow))
    .orderBy(desc(rank), ...keysetOrder(listingKeyset))
    .limit(pageSize)
    .offset((params.page - 1) * pageSize);
  // Every row of the page carries the count; a page past the end has no row to carry it.
  const countPastTheEnd = async () => {
    const [row] = await db.with(candidates).select({ value: matchedCount }).from(candidates);
    return row?.value ?? 0;
  };
  const matched = rows[0]?.matched ?? (params.page > 1 ? await countPastTheEnd() : 0);
  const total = Math.min(matched, rankingWindow);
  const summaries = await toSummaries(rows);
  return {
    items: summaries.map((summary, index) => ({ ...summary, ...quoted(rows[index]!) })),
    page: params.page,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    moreMatches: matched > rankingWindow,
  };
}

/** The piece's passage where it holds a matched word, else its PDF's where that does. */
function quoted(row: {
  snippet: string;
  pdfSnippet: string | null;
}): Pick<SearchResult, 'snippet' | 'snippetFrom'> {
  const fromArticle = snippetText(row.snippet);
  if (fromArticle.includes(matchStart) || !row.pdfSnippet?.includes(matchStart)) {
    return { snippet: fromArticle, snippetFrom: 'article' };
  }
  return { snippet: pdfSnippetText(row.pdfSnippet), snippetFrom: 'pdf' };
}
