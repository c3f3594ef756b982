import { desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

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
 * The condition that starts a page at `offset` rows into the ordered set. `boundary` selects
 * exactly the two keyset columns, with the same filters and order as the listing, offset and
 * limited to one row; for the first page no condition is needed. Past the end the subquery
 * is empty, the comparison is null, and the page is empty, as with OFFSET.
 */
export function pageStart(keyset: Keyset, offset: number, boundary: SQLWrapper): SQL | undefined {
  if (offset <= 0) return undefined;
  const [first, second] = keyset.columns;
  return sql`(${first}, ${second}) <= (${boundary})`;
}
