import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, documents } from '@/db/schema';
import type { Reader } from '@/lib/auth/who';
import { isLive, mayReadBody } from '@/lib/content/access';
import { getStorage, type StoredFile } from '@/lib/storage';
import { documentVersion } from './keys';
import { publicationKindList } from './kinds';

export type PdfDecision =
  | { outcome: 'not-found' }
  /** The publication exists and has a PDF, which this reader may not read, as its body. */
  | { outcome: 'refused' }
  | {
      outcome: 'allowed';
      /** Whether everyone may read it, so that shared caches may keep it. */
      public: boolean;
      /** The short hash the address carries. */
      version: string;
      storageKey: string;
      filename: string;
    };

/**
 * Whether the reader may download a live publication's PDF: the same rule as its body
 * (lib/content/access.ts), decided in the database, so a PDF is refused exactly when the body is.
 */
export async function decidePdfAccess(slug: string, reader: Reader): Promise<PdfDecision> {
  const [row] = await getDb()
    .select({
      storageKey: documents.storageKey,
      filename: documents.filename,
      visibility: articles.visibility,
      mayRead: sql<boolean>`${mayReadBody(reader)}`,
    })
    .from(articles)
    .innerJoin(documents, eq(documents.id, articles.documentId))
    .where(and(isLive(), eq(articles.slug, slug), inArray(articles.kind, [...publicationKindList])))
    .limit(1);
  if (!row) return { outcome: 'not-found' };
  if (!row.mayRead) return { outcome: 'refused' };
  return {
    outcome: 'allowed',
    public: row.visibility === 'public',
    version: documentVersion(row.storageKey),
    storageKey: row.storageKey,
    filename: row.filename,
  };
}

/** The PDF's bytes, read only once access has been decided. */
export async function readPdfFile(storageKey: string): Promise<StoredFile | null> {
  return getStorage().get(storageKey);
}

/** A Content-Disposition naming the file safely: ASCII for old clients, UTF-8 for the rest. */
export function pdfDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '')
      .trim() || 'publication.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
