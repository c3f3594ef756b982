import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, auditLog, authors, media, type Media } from '@/db/schema';
import { mediaUrl } from '@/lib/content/media';
import { requestLogger } from '@/lib/platform/request-log';
import { getStorage } from '@/lib/storage';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { mayManageMedia, mediaRefusal, type MediaActor } from './access';
import { mediaDetailsSchema, type MediaDetails } from './details';
import { isUploadKey } from './keys';

export interface MediaItem extends Media {
  url: string;
}

export interface MediaPage {
  items: MediaItem[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

const pagingSchema = z.object({
  page: z.number().int().min(1).catch(1),
  pageSize: z.number().int().min(1).max(100).catch(24),
});

const gone = 'That image is no longer in the library.';

/** One page of the media library, newest first. */
export async function listMedia(paging: { page: number; pageSize: number }): Promise<MediaPage> {
  const { page, pageSize } = pagingSchema.parse(paging);
  const db = getDb();
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(media)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(media),
  ]);
  const total = totals?.value ?? 0;
  return {
    items: rows.map((row) => ({ ...row, url: mediaUrl(row.storageKey) })),
    page,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export type UpdateMediaResult =
  { ok: true; media: Media } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** Changes an image's alt text and credit, for an editor or administrator, with an audit entry. */
export async function updateMediaDetails(
  actor: MediaActor,
  id: string,
  input: MediaDetails,
): Promise<UpdateMediaResult> {
  if (!(await mayManageMedia(actor.id))) return { ok: false, error: mediaRefusal };
  if (!z.uuid().safeParse(id).success) return { ok: false, error: gone };
  const parsed = mediaDetailsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'Check the alt text and credit.',
      fieldErrors: fieldErrors(parsed.error),
    };
  }
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(media).where(eq(media.id, id)).for('update');
    if (!before) return { ok: false, error: gone };
    const [after] = await tx.update(media).set(parsed.data).where(eq(media.id, id)).returning();
    if (!after) return { ok: false, error: gone };
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'media.updated',
      subjectType: 'media',
      subjectId: id,
      detail: {
        from: { alt: before.alt, credit: before.credit },
        to: { alt: after.alt, credit: after.credit },
      },
    });
    return { ok: true, media: after };
  });
}

function quoted(titles: string[], total: number): string {
  const named = titles.map((title) => `“${title}”`).join(', ');
  return total > titles.length ? `${named} and ${total - titles.length} more` : named;
}

function usageReason(articleTitles: string[], articleCount: number, experts: string[]): string {
  const uses: string[] = [];
  if (articleCount > 0) {
    const noun = articleCount === 1 ? 'article' : 'articles';
    uses.push(`the hero image of the ${noun} ${quoted(articleTitles, articleCount)}`);
  }
  if (experts.length > 0) {
    uses.push(`the photo of ${experts.join(', ')}`);
  }
  return `This image is still ${uses.join(' and ')}. Choose another image there first.`;
}

export type DeleteMediaResult = { ok: true } | { ok: false; error: string };

/**
 * Removes an image from the library, for an editor or administrator, unless an article or an
 * expert still shows it. The uploaded file goes once the row is gone; seeded images under
 * public/ belong to the code and stay.
 */
export async function deleteMedia(actor: MediaActor, id: string): Promise<DeleteMediaResult> {
  if (!(await mayManageMedia(actor.id))) return { ok: false, error: mediaRefusal };
  if (!z.uuid().safeParse(id).success) return { ok: false, error: gone };
  const outcome = await getDb().transaction(async (tx) => {
    // The row lock makes a concurrent "use this image" wait for the outcome, so nothing can
    // start using the image between the check below and the delete.
    const [row] = await tx.select().from(media).where(eq(media.id, id)).for('update');
    if (!row) return { ok: false as const, error: gone };
    const heroOf = await tx
      .select({ title: articles.title })
      .from(articles)
      .where(eq(articles.heroImageId, id))
      .orderBy(desc(articles.updatedAt))
      .limit(3);
    const [heroCount] = await tx
      .select({ value: count() })
      .from(articles)
      .where(eq(articles.heroImageId, id));
    const photoOf = await tx
      .select({ name: authors.name })
      .from(authors)
      .where(eq(authors.photoId, id))
      .orderBy(authors.name);
    const articleCount = heroCount?.value ?? 0;
    if (articleCount > 0 || photoOf.length > 0) {
      const reason = usageReason(
        heroOf.map((article) => article.title),
        articleCount,
        photoOf.map((author) => author.name),
      );
      return { ok: false as const, error: reason };
    }
    await tx.delete(media).where(eq(media.id, id));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'media.deleted',
      subjectType: 'media',
      subjectId: id,
      detail: { storageKey: row.storageKey, alt: row.alt, credit: row.credit },
    });
    return { ok: true as const, storageKey: row.storageKey };
  });
  if (!outcome.ok) return outcome;
  if (isUploadKey(outcome.storageKey)) {
    try {
      await getStorage().delete(outcome.storageKey);
    } catch (error) {
      // The image is gone from the library either way; a file left behind is only wasted space.
      const log = await requestLogger();
      log.error(
        { mediaId: id, storageKey: outcome.storageKey, err: error },
        'media file not removed',
      );
    }
  }
  return { ok: true };
}
