import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTopics,
  authors,
  authorTopics,
  media,
  series,
  topics,
  type PersonRole,
} from '@/db/schema';
import { mediaUrl } from '@/lib/content/media';
import type { TopicKind } from '@/lib/content/types';
import { isId } from './article-record';

// The editors' reads of experts, series and topics: ids and every editable field, and how many
// articles of any status use each, since that is what stops a delete. Like the other editorial
// reads they do not check the role; the pages call checkRole first.

export interface Thumbnail {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface ExpertRow {
  id: string;
  slug: string;
  name: string;
  jobTitle: string | null;
  role: PersonRole;
  acceptsMedia: boolean;
  photo: Thumbnail | null;
  articleCount: number;
}

export interface EditableExpert {
  id: string;
  slug: string;
  name: string;
  jobTitle: string | null;
  bio: string;
  photoId: string | null;
  role: PersonRole;
  topicIds: string[];
  acceptsMedia: boolean;
  mediaEmail: string | null;
  mediaPhone: string | null;
}

export interface SeriesRow {
  id: string;
  slug: string;
  name: string;
  columnist: { id: string; name: string } | null;
  articleCount: number;
}

export interface EditableSeries {
  id: string;
  slug: string;
  name: string;
  description: string;
  columnistId: string | null;
}

export interface TopicRow {
  id: string;
  slug: string;
  name: string;
  kind: TopicKind;
  articleCount: number;
}

export interface EditableTopic {
  id: string;
  slug: string;
  name: string;
  kind: TopicKind;
  description: string;
}

export async function listExpertsForAdmin(): Promise<ExpertRow[]> {
  const db = getDb();
  const counts = db
    .select({ authorId: articleAuthors.authorId, n: count().as('n') })
    .from(articleAuthors)
    .groupBy(articleAuthors.authorId)
    .as('counts');
  const rows = await db
    .select({
      id: authors.id,
      slug: authors.slug,
      name: authors.name,
      jobTitle: authors.jobTitle,
      role: authors.role,
      acceptsMedia: authors.acceptsMedia,
      photoKey: media.storageKey,
      photoAlt: media.alt,
      photoWidth: media.width,
      photoHeight: media.height,
      articleCount: counts.n,
    })
    .from(authors)
    .leftJoin(media, eq(media.id, authors.photoId))
    .leftJoin(counts, eq(counts.authorId, authors.id))
    .orderBy(asc(authors.name), asc(authors.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    jobTitle: row.jobTitle,
    role: row.role,
    acceptsMedia: row.acceptsMedia,
    photo:
      row.photoKey && row.photoWidth && row.photoHeight
        ? {
            url: mediaUrl(row.photoKey),
            alt: row.photoAlt ?? '',
            width: row.photoWidth,
            height: row.photoHeight,
          }
        : null,
    articleCount: Number(row.articleCount ?? 0),
  }));
}

export async function getExpertForEditing(id: string): Promise<EditableExpert | null> {
  if (!isId(id)) return null;
  const [[row], areas] = await Promise.all([
    getDb()
      .select({
        id: authors.id,
        slug: authors.slug,
        name: authors.name,
        jobTitle: authors.jobTitle,
        bio: authors.bio,
        photoId: authors.photoId,
        role: authors.role,
        acceptsMedia: authors.acceptsMedia,
        mediaEmail: authors.mediaEmail,
        mediaPhone: authors.mediaPhone,
      })
      .from(authors)
      .where(eq(authors.id, id)),
    getDb()
      .select({ topicId: authorTopics.topicId })
      .from(authorTopics)
      .where(eq(authorTopics.authorId, id)),
  ]);
  return row ? { ...row, topicIds: areas.map((area) => area.topicId).sort() } : null;
}

export async function listSeriesForAdmin(): Promise<SeriesRow[]> {
  const db = getDb();
  const counts = db
    .select({ seriesId: articles.seriesId, n: count().as('n') })
    .from(articles)
    .groupBy(articles.seriesId)
    .as('counts');
  const rows = await db
    .select({
      id: series.id,
      slug: series.slug,
      name: series.name,
      columnistId: authors.id,
      columnistName: authors.name,
      articleCount: counts.n,
    })
    .from(series)
    .leftJoin(authors, eq(authors.id, series.columnistId))
    .leftJoin(counts, eq(counts.seriesId, series.id))
    .orderBy(asc(series.name), asc(series.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    columnist:
      row.columnistId && row.columnistName
        ? { id: row.columnistId, name: row.columnistName }
        : null,
    articleCount: Number(row.articleCount ?? 0),
  }));
}

export async function getSeriesForEditing(id: string): Promise<EditableSeries | null> {
  if (!isId(id)) return null;
  const [row] = await getDb()
    .select({
      id: series.id,
      slug: series.slug,
      name: series.name,
      description: series.description,
      columnistId: series.columnistId,
    })
    .from(series)
    .where(eq(series.id, id));
  return row ?? null;
}

/** Topics and regions together, topics first, each alphabetical. */
export async function listTopicsForAdmin(): Promise<TopicRow[]> {
  const db = getDb();
  const counts = db
    .select({ topicId: articleTopics.topicId, n: count().as('n') })
    .from(articleTopics)
    .groupBy(articleTopics.topicId)
    .as('counts');
  const rows = await db
    .select({
      id: topics.id,
      slug: topics.slug,
      name: topics.name,
      kind: topics.kind,
      articleCount: counts.n,
    })
    .from(topics)
    .leftJoin(counts, eq(counts.topicId, topics.id))
    .orderBy(asc(topics.kind), asc(topics.name), asc(topics.id));
  return rows.map((row) => ({ ...row, articleCount: Number(row.articleCount ?? 0) }));
}

export async function getTopicForEditing(id: string): Promise<EditableTopic | null> {
  if (!isId(id)) return null;
  const [row] = await getDb()
    .select({
      id: topics.id,
      slug: topics.slug,
      name: topics.name,
      kind: topics.kind,
      description: topics.description,
    })
    .from(topics)
    .where(eq(topics.id, id));
  return row ?? null;
}
