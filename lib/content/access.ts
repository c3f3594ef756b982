import { and, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';
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

/**
 * The one rule for the body: a members-only body is read from the database only for a reader
 * who may see it, so it cannot reach a page, feed, snippet or cache entry for anyone else.
 */
export function readableBody(reader: Reader): SQL<string | null> {
  if (reader.membersOnly) return sql<string | null>`${articles.body}`;
  return sql<string | null>`case when ${articles.visibility} = 'public' then ${articles.body} end`;
}

/** The search document a reader may match against: a withheld body must not be searchable. */
export function readableSearchVector(reader: Reader): SQL {
  if (reader.membersOnly) return sql`${articles.searchVector}`;
  return sql`case when ${articles.visibility} = 'public' then ${articles.searchVector} else ${articles.summaryVector} end`;
}

/**
 * `readableSearchVector(reader) @@ query`, spelt so the planner can use the GIN indexes: none
 * covers the CASE expression, so that form scans every article, while each half here is one
 * indexed vector under a plain condition.
 */
export function readableSearchMatch(reader: Reader, query: SQL): SQL {
  if (reader.membersOnly) return sql`${articles.searchVector} @@ ${query}`;
  return sql`((${articles.visibility} = 'public' and ${articles.searchVector} @@ ${query}) or (${articles.visibility} <> 'public' and ${articles.summaryVector} @@ ${query}))`;
}
