import 'server-only';
import { desc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import { mediaUrl } from '@/lib/content/media';
import { isId } from './article-record';

/** An image as a picker offers it: what the browser needs to show it, and nothing else. */
export interface MediaChoice {
  id: string;
  url: string;
  alt: string;
  credit: string | null;
  width: number;
  height: number;
}

const columns = {
  id: media.id,
  storageKey: media.storageKey,
  alt: media.alt,
  credit: media.credit,
  width: media.width,
  height: media.height,
};

/**
 * The most recent images in the library, plus any already chosen (however old), so a form
 * always offers the image it holds. Chosen ones come first.
 */
export async function listMediaChoices(
  chosen: (string | null)[],
  limit = 60,
): Promise<MediaChoice[]> {
  const chosenIds = [...new Set(chosen.filter((id): id is string => !!id && isId(id)))];
  const db = getDb();
  const [recent, held] = await Promise.all([
    db.select(columns).from(media).orderBy(desc(media.createdAt), desc(media.id)).limit(limit),
    chosenIds.length ? db.select(columns).from(media).where(inArray(media.id, chosenIds)) : [],
  ]);
  const seen = new Set<string>();
  return [...held, ...recent]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .map(({ storageKey, ...row }) => ({ ...row, url: mediaUrl(storageKey) }));
}
