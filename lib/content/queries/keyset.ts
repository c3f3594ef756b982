import { desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';

/**
 * Page-number pagination without making the database assemble every skipped row.
 *
 * A listing orders by a date and then the id, both descending, so the pair is unique and
 * "at or after row N" is the row comparison `(date, id) <= (date, id) of row N`, which a btree
 * index on the pair answers by seeking. Row N itself is found by a narrow subquery (two
 * columns, no joins, no bylines) in the same statement: the skipping still happens, but over
 * index entries instead of finished summaries, and without a round trip that would carry the
 * timestamp through JavaScript's millisecond dates.
 *
 * Page URLs stay `?page=N`: they are what readers bookmark, crawlers follow and the cache is
 * keyed by, and every page number still resolves to exactly the rows OFFSET would return.
 */
export interface Keyset {
  /** The ordering columns: a timestamp, then the unique id as the tie-break. */
  columns: [AnyPgColumn, AnyPgColumn];
}

/** ORDER BY for the keyset: both columns descending, newest first. */
export function keysetOrder({ columns: [first, second] }: Keyset): SQL[] {
  return [desc(first), desc(second)];
}

/**
 * The condition that starts a page at `offset` rows into the listing of articles that match
 * `where`, in the keyset's order; none for the first page. Past the end the boundary subquery is
 * empty, the comparison is null, and the page is empty, as with OFFSET.
 */
export function pageStart(keyset: Keyset, where: SQL | undefined, offset: number): SQL | undefined {
  if (offset <= 0) return undefined;
  const [first, second] = keyset.columns;
  const boundary = getDb()
    .select({ first, second })
    .from(articles)
    .where(where)
    .orderBy(...keysetOrder(keyset))
    .limit(1)
    .offset(offset);
  return sql`(${first}, ${second}) <= (${boundary})`;
}
