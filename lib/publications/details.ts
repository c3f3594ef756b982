import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, documents, media } from '@/db/schema';
import type { Reader } from '@/lib/auth/who';
import { mayReadBody } from '@/lib/content/access';
import { mediaUrl } from '@/lib/content/media';
import type { Publication } from '@/lib/content/types';
import { documentVersion } from './keys';
import { pdfVersionPath } from './paths';

/**
 * A publication's cover, key findings, identifiers and PDF as the reader may see them. Everyone
 * learns that there is a PDF and its size (as a library catalogue would say); the findings are
 * read only for a reader who may read the body.
 */
export async function getPublication(
  articleId: string,
  slug: string,
  reader: Reader,
): Promise<Publication | null> {
  const [row] = await getDb()
    .select({
      coverKey: media.storageKey,
      coverWidth: media.width,
      coverHeight: media.height,
      coverAlt: articles.coverAlt,
      keyFindings: sql<
        string | null
      >`case when ${mayReadBody(reader)} then ${articles.keyFindings} end`,
      isbn: articles.isbn,
      doi: articles.doi,
      documentKey: documents.storageKey,
      pageCount: documents.pageCount,
      bytes: documents.bytes,
    })
    .from(articles)
    .leftJoin(media, eq(media.id, articles.coverImageId))
    .leftJoin(documents, eq(documents.id, articles.documentId))
    .where(eq(articles.id, articleId));
  if (!row) return null;
  return {
    cover:
      row.coverKey && row.coverWidth && row.coverHeight
        ? {
            src: mediaUrl(row.coverKey),
            width: row.coverWidth,
            height: row.coverHeight,
            alt: row.coverAlt ?? '',
          }
        : null,
    keyFindings: row.keyFindings,
    isbn: row.isbn,
    doi: row.doi,
    document:
      row.documentKey && row.pageCount && row.bytes
        ? {
            href: pdfVersionPath(slug, documentVersion(row.documentKey)),
            pageCount: row.pageCount,
            bytes: row.bytes,
          }
        : null,
  };
}
