import 'server-only';
import { articleRevisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { articleInputSchema, type ArticleSnapshot } from './article-input';
import {
  catchRaces,
  conflict,
  lockForEditing,
  saveNewVersion,
  type SaveResult,
} from './article-writes';
import type { Revalidator } from './revalidate';
import { revisionStore } from './revision-store';
import { editorialWrite } from './transaction';

const store = revisionStore<ArticleSnapshot>(articleRevisions, articleRevisions.articleId);

/** Every saved version of an article, newest first. */
export const listRevisions = (articleId: string) => store.list(articleId);

/**
 * Saves an earlier revision's fields as the next version. The fields are checked as a fresh
 * save would be: an expert removed or a slug taken since then comes back as a field error.
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
      (tx, stale) =>
        store.restore(
          tx,
          { ownerId: articleId, revisionId, expectedVersion },
          {
            lock: lockForEditing,
            schema: articleInputSchema,
            conflict,
            save: (current, fields, restoredVersion) =>
              saveNewVersion(
                tx,
                actor,
                current,
                fields,
                { action: 'article.restored', markRevised: false, detail: { restoredVersion } },
                stale,
              ),
          },
        ),
      revalidate,
    ),
  );
}
