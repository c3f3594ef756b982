import { and, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';

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
