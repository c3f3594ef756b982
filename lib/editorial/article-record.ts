import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTiers,
  articleTopics,
  topics,
  type Article,
} from '@/db/schema';
import { isLive } from '@/lib/content/access';
import type { ArticleSnapshot } from './article-input';

/** An article as the editing form needs it: saved fields plus where it stands. */
export interface EditableArticle extends Pick<
  Article,
  'id' | 'version' | 'status' | 'publishedAt' | 'revisedAt' | 'createdAt' | 'updatedAt'
> {
  /** Whether the public can see it now (published, or scheduled and its time has come). */
  live: boolean;
  fields: ArticleSnapshot;
}

/** Ids come from URLs and forms; anything but a UUID would make PostgreSQL throw. */
export const isId = (value: string) => z.guid().safeParse(value).success;

export async function loadEditableArticle(
  db: Database | Transaction,
  id: string,
): Promise<EditableArticle | null> {
  const [row] = await db
    .select({
      id: articles.id,
      version: articles.version,
      status: articles.status,
      publishedAt: articles.publishedAt,
      revisedAt: articles.revisedAt,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
      live: sql<boolean>`coalesce(${isLive()}, false)`,
      title: articles.title,
      slug: articles.slug,
      kind: articles.kind,
      standfirst: articles.standfirst,
      body: articles.body,
      seriesId: articles.seriesId,
      visibility: articles.visibility,
      externalSourceName: articles.externalSourceName,
      externalSourceUrl: articles.externalSourceUrl,
      externalPublishedAt: articles.externalPublishedAt,
      heroImageId: articles.heroImageId,
      heroAlt: articles.heroAlt,
      heroCaption: articles.heroCaption,
      heroCredit: articles.heroCredit,
      documentId: articles.documentId,
      coverImageId: articles.coverImageId,
      coverAlt: articles.coverAlt,
      keyFindings: articles.keyFindings,
      isbn: articles.isbn,
      doi: articles.doi,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) return null;
  const [bylines, tags, tiers] = await Promise.all([
    db
      .select({ authorId: articleAuthors.authorId })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position)),
    db
      .select({ id: articleTopics.topicId, kind: topics.kind })
      .from(articleTopics)
      .innerJoin(topics, eq(topics.id, articleTopics.topicId))
      .where(eq(articleTopics.articleId, id))
      .orderBy(asc(articleTopics.topicId)),
    db
      .select({ id: articleTiers.tierId })
      .from(articleTiers)
      .where(eq(articleTiers.articleId, id))
      .orderBy(asc(articleTiers.tierId)),
  ]);
  const {
    id: _id,
    version,
    status,
    publishedAt,
    revisedAt,
    createdAt,
    updatedAt,
    live,
    ...rest
  } = row;
  return {
    id,
    version,
    status,
    publishedAt,
    revisedAt,
    createdAt,
    updatedAt,
    live: Boolean(live),
    fields: {
      ...rest,
      externalPublishedAt: rest.externalPublishedAt?.toISOString() ?? null,
      authorIds: bylines.map((byline) => byline.authorId),
      topicIds: tags.filter((tag) => tag.kind === 'topic').map((tag) => tag.id),
      regionIds: tags.filter((tag) => tag.kind === 'region').map((tag) => tag.id),
      tierIds: tiers.map((tier) => tier.id),
    },
  };
}

/** An article with every saved field, drafts included, for the editing form; null if none. */
export async function getArticleForEditing(id: string): Promise<EditableArticle | null> {
  return isId(id) ? loadEditableArticle(getDb(), id) : null;
}

/** The id of the article at a slug, whatever its status, for an editor's link to edit it. */
export async function getArticleIdBySlug(slug: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, slug))
    .limit(1);
  return row?.id ?? null;
}
