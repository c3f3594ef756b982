import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, documents, type Document } from '@/db/schema';
import { mayManageMedia, type MediaActor } from '@/lib/media/access';
import { getStorage } from '@/lib/storage';
import { documentKeyFor } from './keys';
import { readPdf } from './pdf';

export const documentRefusal = 'Only editors and administrators can upload PDFs.';

export type DocumentUpload =
  { ok: true; document: Document; alreadyUploaded: boolean } | { ok: false; error: string };

/** What an editor's picker shows of a PDF, and the download's name. */
export interface DocumentChoice {
  id: string;
  filename: string;
  pageCount: number;
  bytes: number;
}

/**
 * The name on the editor's computer as a download may offer it: the last path segment, without
 * control characters, ending in .pdf.
 */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  const stem = base.replace(/\.pdf$/i, '').trim();
  return `${stem || 'publication'}.pdf`;
}

/**
 * Adds a PDF for an editor or administrator: checked to be a readable PDF by its content, its
 * page count and text read, stored under the hash of its bytes and recorded with an audit entry.
 * The same file uploaded again returns the row it already has.
 */
export async function uploadDocument(
  actor: MediaActor,
  input: { bytes: Uint8Array; filename: string },
): Promise<DocumentUpload> {
  if (!(await mayManageMedia(actor.id))) return { ok: false, error: documentRefusal };
  if (input.bytes.byteLength === 0) return { ok: false, error: 'That file is empty.' };
  const reading = await readPdf(input.bytes);
  if (!reading.ok) return reading;

  const storageKey = documentKeyFor(input.bytes);
  const filename = cleanFilename(input.filename);
  // Stored before the row exists, so no row points at a missing file (as lib/media/upload.ts).
  await getStorage().put(storageKey, input.bytes, 'application/pdf');

  return getDb().transaction(async (tx) => {
    const [inserted] = await tx
      .insert(documents)
      .values({
        storageKey,
        bytes: input.bytes.byteLength,
        pageCount: reading.pageCount,
        filename,
        text: reading.text,
        uploadedById: actor.id,
      })
      .onConflictDoNothing({ target: documents.storageKey })
      .returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(documents)
        .where(eq(documents.storageKey, storageKey));
      if (!existing) throw new Error(`Document row for ${storageKey} vanished during an upload.`);
      return { ok: true, document: existing, alreadyUploaded: true };
    }
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'document.uploaded',
      subjectType: 'document',
      subjectId: inserted.id,
      detail: {
        filename,
        storageKey,
        bytes: inserted.bytes,
        pageCount: inserted.pageCount,
        textCharacters: inserted.text.length,
      },
    });
    return { ok: true, document: inserted, alreadyUploaded: false };
  });
}

const choiceColumns = {
  id: documents.id,
  filename: documents.filename,
  pageCount: documents.pageCount,
  bytes: documents.bytes,
};

/** The most recent PDFs, plus the one already chosen, for the article form's picker. */
export async function listDocumentChoices(
  chosenId: string | null,
  limit = 30,
): Promise<DocumentChoice[]> {
  const db = getDb();
  const [recent, held] = await Promise.all([
    db
      .select(choiceColumns)
      .from(documents)
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(limit),
    chosenId
      ? db
          .select(choiceColumns)
          .from(documents)
          .where(inArray(documents.id, [chosenId]))
      : [],
  ]);
  const seen = new Set<string>();
  return [...held, ...recent].filter((row) => !seen.has(row.id) && seen.add(row.id));
}
