import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authors, media, series } from '@/db/schema';
import { mediaUrl } from '@/lib/content/media';

export interface ExpertMatch {
  slug: string;
  name: string;
  jobTitle: string | null;
  photo: { src: string; width: number; height: number } | null;
}

export interface SeriesMatch {
  slug: string;
  name: string;
  description: string;
}

// A few of each: the section points the way to a page; the articles below are the results.
const limit = 4;

const nameMatch = (name: typeof authors.name | typeof series.name, textQuery: string) => ({
  matches: sql`to_tsvector('english', ${name}) @@ ${textQuery}::tsquery`,
  rank: sql`ts_rank(to_tsvector('english', ${name}), ${textQuery}::tsquery)`,
});

/** The experts whose names match `textQuery` (from toSearchQuery), best match first. */
export async function findExperts(textQuery: string): Promise<ExpertMatch[]> {
  const { matches, rank } = nameMatch(authors.name, textQuery);
  const rows = await getDb()
    .select({
      slug: authors.slug,
      name: authors.name,
      jobTitle: authors.jobTitle,
      photoKey: media.storageKey,
      photoWidth: media.width,
      photoHeight: media.height,
    })
    .from(authors)
    .leftJoin(media, eq(media.id, authors.photoId))
    .where(matches)
    .orderBy(desc(rank), asc(authors.name))
    .limit(limit);
  return rows.map(({ photoKey, photoWidth, photoHeight, ...expert }) => ({
    ...expert,
    photo:
      photoKey && photoWidth && photoHeight
        ? { src: mediaUrl(photoKey), width: photoWidth, height: photoHeight }
        : null,
  }));
}

/** The series whose names match `textQuery` (from toSearchQuery), best match first. */
export async function findSeries(textQuery: string): Promise<SeriesMatch[]> {
  const { matches, rank } = nameMatch(series.name, textQuery);
  return getDb()
    .select({ slug: series.slug, name: series.name, description: series.description })
    .from(series)
    .where(matches)
    .orderBy(desc(rank), asc(series.name))
    .limit(limit);
}
