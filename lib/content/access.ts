import { and, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { articles, articleTiers } from '@/db/schema';
import type { Reader } from '@/lib/auth/who';

/**
 * The one rule for what the public may see of an article at all: published, or scheduled
 * with its time come. Every public read composes this into its where clause.
 */
export function isLive(): SQL {
  return and(
    inArray(articles.status, ['published', 'scheduled']),
    lte(articles.publishedAt, sql`now()`),
  )!;
}

/** Whether the reader may read everything, so no rule needs to be spelt out. */
const readsEverything = (reader: Reader) => reader.membersOnly && reader.tiers === 'all';

/**
 * The one rule for who may read an article's body: everyone a public piece; a verified member
 * a members' piece; a member of one of its tiers a tier-only piece.
 */
export function mayReadBody(reader: Reader): SQL<boolean> {
  const members = reader.membersOnly ? sql`${articles.visibility} = 'members'` : sql`false`;
  const tiers =
    reader.tiers === 'all'
      ? sql`${articles.visibility} = 'tiers'`
      : reader.tiers.length === 0
        ? sql`false`
        : sql`(${articles.visibility} = 'tiers' and exists (select 1 from ${articleTiers} where ${articleTiers.articleId} = ${articles.id} and ${inArray(articleTiers.tierId, [...reader.tiers])}))`;
  return sql<boolean>`(${articles.visibility} = 'public' or ${members} or ${tiers})`;
}

/**
 * The body as the reader may see it: a body they may not read is never read from the database,
 * so it cannot reach a page, feed, snippet or cache entry for anyone else.
 */
export function readableBody(reader: Reader): SQL<string | null> {
  if (readsEverything(reader)) return sql<string | null>`${articles.body}`;
  return sql<string | null>`case when ${mayReadBody(reader)} then ${articles.body} end`;
}

/**
 * A publication's PDF text as the reader may see it: the PDF follows the body's rule, so text
 * from a PDF they may not download is never read from the database either.
 */
export function readableDocumentText(reader: Reader): SQL<string | null> {
  if (readsEverything(reader)) return sql<string | null>`${articles.documentText}`;
  return sql<string | null>`case when ${mayReadBody(reader)} then ${articles.documentText} end`;
}

/** The search document a reader may match against: a withheld body must not be searchable. */
export function readableSearchVector(reader: Reader): SQL {
  if (readsEverything(reader)) return sql`${articles.searchVector}`;
  return sql`case when ${mayReadBody(reader)} then ${articles.searchVector} else ${articles.summaryVector} end`;
}

/**
 * `readableSearchVector(reader) @@ query`, spelt so the planner can use the GIN indexes: none
 * covers the CASE expression, so that form scans every article, while each half here is one
 * indexed vector under a plain condition.
 */
export function readableSearchMatch(reader: Reader, query: SQL): SQL {
  if (readsEverything(reader)) return sql`${articles.searchVector} @@ ${query}`;
  const may = mayReadBody(reader);
  return sql`((${may} and ${articles.searchVector} @@ ${query}) or (not ${may} and ${articles.summaryVector} @@ ${query}))`;
}
