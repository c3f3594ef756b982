import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import {
  articleAuthors,
  articleRevisions,
  articles,
  articleTiers,
  articleTopics,
  authors,
  documents,
  media,
  membershipTiers,
  series,
  topics,
  type NewArticle,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import {
  chosenTiers,
  publicationFields,
  toSnapshot,
  type ArticleFields,
  type ArticleSnapshot,
} from './article-input';
import { isId, loadEditableArticle, type EditableArticle } from './article-record';
import { recordAudit } from './audit';
import { violatedConstraint } from '@/db/errors';
import { invalid, type FieldErrors, type Invalid, type NotFound } from './results';
import { articleTags } from './revalidate';
import { claimSlug } from './unique-slug';

export type Saved = { ok: true; article: EditableArticle };
export type Conflict = { ok: false; reason: 'conflict'; conflict: { current: EditableArticle } };
export type SaveResult = Saved | Invalid | Conflict | NotFound;

export const conflict = (current: EditableArticle): Conflict => ({
  ok: false,
  reason: 'conflict',
  conflict: { current },
});

const slugMessages = {
  taken: 'Another article already uses this web address. Choose another.',
  unsluggable:
    'Type a web address for this article: its title has no letters or numbers to make one from.',
};

/**
 * What a write can still meet after its own checks, when another editor commits in between:
 * the same slug, or an expert, topic or image removed. Both come back as field errors.
 */
export async function catchRaces<T>(write: Promise<T>): Promise<T | Invalid> {
  try {
    return await write;
  } catch (error) {
    if (violatedConstraint(error, '23505') === 'articles_slug_unique') {
      return invalid({ slug: slugMessages.taken });
    }
    if (violatedConstraint(error, '23503') !== null) {
      return invalid({
        form: 'Something you chose was removed while you were editing. Check the byline, series, topics and image, then save again.',
      });
    }
    throw error;
  }
}

/** Locks the article row for the rest of the transaction and reads it. */
export async function lockForEditing(tx: Transaction, id: string) {
  if (!isId(id)) return null;
  const [row] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.id, id))
    .for('update');
  return row ? loadEditableArticle(tx, id) : null;
}

export async function mustLoad(tx: Transaction, id: string): Promise<EditableArticle> {
  const article = await loadEditableArticle(tx, id);
  if (!article) throw new Error(`Article ${id} vanished inside its own transaction.`);
  return article;
}

async function checkReferences(
  tx: Transaction,
  fields: ArticleFields,
  articleId: string | null,
): Promise<{ errors: FieldErrors; documentText: string }> {
  const tagIds = [...fields.topicIds, ...fields.regionIds];
  const tierIds = chosenTiers(fields);
  const { documentId, coverImageId } = publicationFields(fields);
  const [bylines, seriesRows, tags, images, tiers, covers, pdfs, carriers] = await Promise.all([
    tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, fields.authorIds)),
    fields.seriesId
      ? tx.select({ id: series.id }).from(series).where(eq(series.id, fields.seriesId))
      : [],
    tagIds.length
      ? tx
          .select({ id: topics.id, kind: topics.kind })
          .from(topics)
          .where(inArray(topics.id, tagIds))
      : [],
    fields.heroImageId
      ? tx.select({ id: media.id }).from(media).where(eq(media.id, fields.heroImageId))
      : [],
    tierIds.length
      ? tx
          .select({ id: membershipTiers.id })
          .from(membershipTiers)
          .where(inArray(membershipTiers.id, tierIds))
      : [],
    coverImageId ? tx.select({ id: media.id }).from(media).where(eq(media.id, coverImageId)) : [],
    documentId
      ? tx.select({ text: documents.text }).from(documents).where(eq(documents.id, documentId))
      : [],
    documentId
      ? tx
          .select({ title: articles.title })
          .from(articles)
          .where(
            and(
              eq(articles.documentId, documentId),
              articleId ? ne(articles.id, articleId) : undefined,
            ),
          )
      : [],
  ]);
  const kinds = new Map(tags.map((tag) => [tag.id, tag.kind]));
  const errors: FieldErrors = {};
  if (bylines.length < fields.authorIds.length) {
    errors.authorIds = 'One of these experts has been removed. Choose the byline again.';
  }
  if (fields.seriesId && seriesRows.length === 0) {
    errors.seriesId = 'This series has been removed. Choose another, or none.';
  }
  if (fields.topicIds.some((id) => kinds.get(id) !== 'topic')) {
    errors.topicIds = 'One of these is not a topic, or has been removed. Choose the topics again.';
  }
  if (fields.regionIds.some((id) => kinds.get(id) !== 'region')) {
    errors.regionIds =
      'One of these is not a region, or has been removed. Choose the regions again.';
  }
  if (tiers.length < tierIds.length) {
    errors.tierIds = 'One of these tiers has been removed. Choose the tiers again.';
  }
  if (fields.heroImageId && images.length === 0) {
    errors.heroImageId = 'This image is no longer in the library. Choose another, or none.';
  }
  if (coverImageId && covers.length === 0) {
    errors.coverImageId = 'This image is no longer in the library. Choose another, or none.';
  }
  if (documentId && pdfs.length === 0) {
    errors.documentId = 'This PDF has been removed. Upload it again, or choose another.';
  }
  if (carriers[0]) {
    errors.documentId = `This PDF is already the PDF of “${carriers[0].title}”. A PDF belongs to one publication, so that who may download it follows that publication: choose another, or remove it from that one first.`;
  }
  // The PDF's text goes into the article's own row, where its search vector reads it.
  return { errors, documentText: pdfs[0]?.text ?? '' };
}

/** Checks what the form refers to and settles the slug: the slug to save, or field errors. */
export async function prepare(
  tx: Transaction,
  fields: ArticleFields,
  current: EditableArticle | null,
): Promise<{ ok: true; slug: string; documentText: string } | Invalid> {
  const { errors, documentText } = await checkReferences(tx, fields, current?.id ?? null);
  const claim = await claimSlug(tx, articles, {
    requested: fields.slug,
    source: fields.title,
    current: current && { id: current.id, slug: current.fields.slug },
    messages: slugMessages,
  });
  if (!claim.ok) return invalid({ ...errors, slug: claim.message });
  return Object.keys(errors).length > 0 ? invalid(errors) : { ...claim, documentText };
}

export function articleValues(fields: ArticleFields, slug: string, documentText: string) {
  return {
    slug,
    title: fields.title,
    kind: fields.kind,
    standfirst: fields.standfirst,
    body: fields.body,
    visibility: fields.visibility,
    seriesId: fields.seriesId,
    heroImageId: fields.heroImageId,
    heroAlt: fields.heroAlt,
    heroCaption: fields.heroCaption,
    heroCredit: fields.heroCredit,
    externalSourceName: fields.externalSourceName,
    externalSourceUrl: fields.externalSourceUrl,
    externalPublishedAt: fields.externalPublishedAt,
    ...publicationFields(fields),
    documentText,
  } satisfies Partial<NewArticle>;
}

export async function writeJoins(tx: Transaction, articleId: string, fields: ArticleFields) {
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  await tx.delete(articleTopics).where(eq(articleTopics.articleId, articleId));
  await tx.delete(articleTiers).where(eq(articleTiers.articleId, articleId));
  await tx
    .insert(articleAuthors)
    .values(fields.authorIds.map((authorId, position) => ({ articleId, authorId, position })));
  const topicIds = [...fields.topicIds, ...fields.regionIds];
  if (topicIds.length > 0) {
    await tx.insert(articleTopics).values(topicIds.map((topicId) => ({ articleId, topicId })));
  }
  const tierIds = chosenTiers(fields);
  if (tierIds.length > 0) {
    await tx.insert(articleTiers).values(tierIds.map((tierId) => ({ articleId, tierId })));
  }
}

export async function insertRevision(
  tx: Transaction,
  articleId: string,
  version: number,
  snapshot: ArticleSnapshot,
  createdById: string | null,
) {
  await tx.insert(articleRevisions).values({ articleId, version, snapshot, createdById });
}

function changedFields(before: ArticleSnapshot, after: ArticleSnapshot) {
  return (Object.keys(after) as (keyof ArticleSnapshot)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

interface VersionOptions {
  action: 'article.updated' | 'article.restored';
  markRevised: boolean;
  detail?: Record<string, unknown>;
}

/**
 * Saves new fields over a locked article as the next version, with its revision and audit
 * row. A save that changes nothing writes nothing.
 */
export async function saveNewVersion(
  tx: Transaction,
  actor: Actor,
  current: EditableArticle,
  fields: ArticleFields,
  options: VersionOptions,
  stale: Set<string>,
): Promise<Saved | Invalid> {
  const prepared = await prepare(tx, fields, current);
  if (!prepared.ok) return prepared;
  const snapshot = toSnapshot(fields, prepared.slug);
  const changed = changedFields(current.fields, snapshot);
  // "Updated" dates must follow publication, so only a live article can be marked revised.
  const revised = options.markRevised && current.live;
  if (changed.length === 0 && !revised) return { ok: true, article: current };

  // Articles saved before revisions were kept (the seed, imports) get their first one now,
  // so the state being replaced can always be restored.
  await tx
    .insert(articleRevisions)
    .values({ articleId: current.id, version: current.version, snapshot: current.fields })
    .onConflictDoNothing();
  const version = current.version + 1;
  await tx
    .update(articles)
    .set({
      ...articleValues(fields, prepared.slug, prepared.documentText),
      version,
      ...(revised ? { revisedAt: sql`now()` } : {}),
    })
    .where(eq(articles.id, current.id));
  await writeJoins(tx, current.id, fields);
  await insertRevision(tx, current.id, version, snapshot, actor.id);
  await recordAudit(tx, actor, options.action, current.id, {
    version,
    slug: prepared.slug,
    changed,
    ...(revised ? { revised: true } : {}),
    ...options.detail,
  });
  if (current.status !== 'draft') {
    for (const tag of articleTags(current.fields.slug, prepared.slug)) stale.add(tag);
  }
  return { ok: true, article: await mustLoad(tx, current.id) };
}
