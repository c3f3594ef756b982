import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { newsletterLists, series, topics, type NewsletterList } from '@/db/schema';

export type PublicList = Pick<
  NewsletterList,
  'id' | 'slug' | 'name' | 'description' | 'cadence' | 'kind' | 'softOptIn'
> & {
  /** The series or topic whose new pieces it sends, for a list of that kind. */
  seriesSlug: string | null;
  topicSlug: string | null;
};

const publicColumns = {
  id: newsletterLists.id,
  slug: newsletterLists.slug,
  name: newsletterLists.name,
  description: newsletterLists.description,
  cadence: newsletterLists.cadence,
  kind: newsletterLists.kind,
  softOptIn: newsletterLists.softOptIn,
  seriesSlug: series.slug,
  topicSlug: topics.slug,
};

function selectLists(db: Database | Transaction) {
  return db
    .select(publicColumns)
    .from(newsletterLists)
    .leftJoin(series, eq(series.id, newsletterLists.seriesId))
    .leftJoin(topics, eq(topics.id, newsletterLists.topicId));
}

/** The lists readers may join, in the editors' order. */
export async function readOpenLists(db: Database | Transaction = getDb()): Promise<PublicList[]> {
  return selectLists(db)
    .where(eq(newsletterLists.archived, false))
    .orderBy(asc(newsletterLists.position), asc(newsletterLists.name));
}

/** Those of `ids` that are open lists; unknown and archived ids are left out. */
export async function openListsAmong(
  db: Database | Transaction,
  ids: string[],
): Promise<PublicList[]> {
  if (!ids.length) return [];
  return selectLists(db)
    .where(and(inArray(newsletterLists.id, ids), eq(newsletterLists.archived, false)))
    .orderBy(asc(newsletterLists.position), asc(newsletterLists.name));
}
