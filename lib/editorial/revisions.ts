import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleRevisions, users, type User } from '@/db/schema';
import { fieldErrors } from '@/lib/validation/form';
import type { Actor } from '@/lib/auth/who';
import { articleInputSchema, type ArticleSnapshot } from './article-input';
import { isId } from './article-record';
import {
  catchRaces,
  conflict,
  lockForEditing,
  saveNewVersion,
  type SaveResult,
} from './article-writes';
import { invalid, notFound } from './results';
import type { Revalidator } from './revalidate';
import { editorialWrite } from './transaction';

export interface RevisionEntry {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: Pick<User, 'id' | 'name' | 'email'> | null;
  snapshot: ArticleSnapshot;
}

/** Every saved version of an article, newest first. */
export async function listRevisions(articleId: string): Promise<RevisionEntry[]> {
  if (!isId(articleId)) return [];
  const rows = await getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      createdAt: articleRevisions.createdAt,
      snapshot: articleRevisions.snapshot,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdById))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    createdBy:
      row.userId && row.userEmail
        ? { id: row.userId, name: row.userName, email: row.userEmail }
        : null,
    // Written only by this module, from a validated form.
    snapshot: row.snapshot as ArticleSnapshot,
  }));
}

/**
 * Saves an earlier revision's fields as the next version; history is never rewritten. The
 * fields are checked as a fresh save would be: an expert removed or a slug taken since then
 * comes back as a field error.
 */
export async function restoreRevision(
  actor: Actor,
  articleId: string,
  revisionId: string,
  expectedVersion: number,
  revalidate?: Revalidator,
): Promise<SaveResult> {
  return catchRaces(
    editorialWrite(
      actor,
      async (tx, stale): Promise<SaveResult> => {
        const current = await lockForEditing(tx, articleId);
        if (!current || !isId(revisionId)) return notFound;
        const [revision] = await tx
          .select({ version: articleRevisions.version, snapshot: articleRevisions.snapshot })
          .from(articleRevisions)
          .where(
            and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)),
          );
        if (!revision) return notFound;
        if (current.version !== expectedVersion) return conflict(current);
        const parsed = articleInputSchema.safeParse(revision.snapshot);
        if (!parsed.success) return invalid(fieldErrors(parsed.error));
        return saveNewVersion(
          tx,
          actor,
          current,
          parsed.data,
          {
            action: 'article.restored',
            markRevised: false,
            detail: { restoredVersion: revision.version },
          },
          stale,
        );
      },
      revalidate,
    ),
  );
}
