import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rowsOf } from '@/db/migrate';

/**
 * A reader's words as the text of a tsquery, or null when nothing in them can be searched for
 * (stop words, punctuation). Parsed in the database by search_query(), which reads them as
 * websearch_to_tsquery does (quotes, "or", a minus) and matches British and American
 * spellings alike through the table spelling_variants. Asked for on its own, so that the
 * searches it feeds are planned with the query as a constant.
 */
export async function toSearchQuery(words: string): Promise<string | null> {
  if (!words) return null;
  const result = await getDb().execute(sql`select search_query(${words})::text as query`);
  const query = rowsOf<{ query: string }>(result)[0]?.query ?? '';
  return query === '' ? null : query;
}
