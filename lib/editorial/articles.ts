import 'server-only';
import { articles } from '@/db/schema';
import { fieldErrors } from '@/lib/validation/form';
import type { Actor } from '@/lib/auth/who';
import {
  articleInputSchema,
  articleUpdateSchema,
  toSnapshot,
  type ArticleInput,
  type ArticleUpdateInput,
} from './article-input';
import {
  articleValues,
  catchRaces,
  conflict,
  insertRevision,
  lockForEditing,
  mustLoad,
  prepare,
  saveNewVersion,
  writeJoins,
  type SaveResult,
  type Saved,
} from './article-writes';
import { recordAudit } from './audit';
import { invalid, notFound, type Invalid } from './results';
import type { Revalidator } from './revalidate';
import { editorialWrite } from './transaction';

export type { SaveResult };

/** Creates a draft, version 1, with its first revision. Nothing public changes. */
export async function createArticle(actor: Actor, input: ArticleInput): Promise<Saved | Invalid> {
  return catchRaces(
    editorialWrite(actor, async (tx): Promise<Saved | Invalid> => {
      const parsed = articleInputSchema.safeParse(input);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const fields = parsed.data;
      const prepared = await prepare(tx, fields, null);
      if (!prepared.ok) return prepared;
      const [row] = await tx
        .insert(articles)
        .values({
          ...articleValues(fields, prepared.slug, prepared.documentText),
          createdById: actor.id,
        })
        .returning({ id: articles.id });
      const id = row!.id;
      await writeJoins(tx, id, fields);
      await insertRevision(tx, id, 1, toSnapshot(fields, prepared.slug), actor.id);
      await recordAudit(tx, actor, 'article.created', id, { version: 1, slug: prepared.slug });
      return { ok: true, article: await mustLoad(tx, id) };
    }),
  );
}

/**
 * Saves the form over the version the editor started from. If someone saved since, nothing
 * changes and the result carries the article as it now stands, for the editor to compare.
 */
export async function updateArticle(
  actor: Actor,
  id: string,
  input: ArticleUpdateInput,
  revalidate?: Revalidator,
): Promise<SaveResult> {
  return catchRaces(
    editorialWrite(
      actor,
      async (tx, stale): Promise<SaveResult> => {
        const parsed = articleUpdateSchema.safeParse(input);
        if (!parsed.success) return invalid(fieldErrors(parsed.error));
        const current = await lockForEditing(tx, id);
        if (!current) return notFound;
        if (current.version !== parsed.data.expectedVersion) return conflict(current);
        return saveNewVersion(
          tx,
          actor,
          current,
          parsed.data,
          { action: 'article.updated', markRevised: parsed.data.markRevised },
          stale,
        );
      },
      revalidate,
    ),
  );
}
