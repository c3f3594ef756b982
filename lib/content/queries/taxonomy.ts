import { and, asc, count, desc, eq, max, ne } from 'drizzle-orm';
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
} from '@/db/schema';
import { isLive } from '../access';
import { mediaUrl } from '../media';
import type { PersonRole } from '../people';
import type { TopicKind } from '../types';

export interface SeriesInfo {
  slug: string;
  name: string;
  description: string;
  columnist: { slug: string; name: string } | null;
  articleCount: number;
  latestAt: string | null;
}

export interface TopicInfo {
  slug: string;
  name: string;
  kind: TopicKind;
  description: string;
  articleCount: number;
}

export interface ExpertInfo {
  slug: string;
  name: string;
  jobTitle: string | null;
  bio: string;
  photo: { src: string; width: number; height: number } | null;
  role: PersonRole;
  /** Their areas of work, topics before regions. */
  areas: { slug: string; name: string; kind: TopicKind }[];
  /** How journalists reach them: only for people who accept media requests. */
  media: { email: string | null; phone: string | null } | null;
  articleCount: number;
}

export async function listSeries(): Promise<SeriesInfo[]> {
  const db = getDb();
  const counts = db
    .select({
      seriesId: articles.seriesId,
      articleCount: count().as('article_count'),
      latestAt: max(articles.publishedAt).as('latest_at'),
    })
    .from(articles)
    .where(isLive())
    .groupBy(articles.seriesId)
    .as('counts');
  const rows = await db
    .select({
      slug: series.slug,
      name: series.name,
      description: series.description,
      columnistSlug: authors.slug,
      columnistName: authors.name,
      articleCount: counts.articleCount,
      latestAt: counts.latestAt,
    })
    .from(series)
    .leftJoin(authors, eq(authors.id, series.columnistId))
    .leftJoin(counts, eq(counts.seriesId, series.id))
    .orderBy(desc(counts.latestAt), asc(series.name));
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    columnist:
      row.columnistSlug && row.columnistName
        ? { slug: row.columnistSlug, name: row.columnistName }
        : null,
    articleCount: Number(row.articleCount ?? 0),
    latestAt: row.latestAt ? new Date(row.latestAt).toISOString() : null,
  }));
}

export async function listTopics(): Promise<TopicInfo[]> {
  const db = getDb();
  const counts = db
    .select({ topicId: articleTopics.topicId, articleCount: count().as('article_count') })
    .from(articleTopics)
    .innerJoin(articles, eq(articles.id, articleTopics.articleId))
    // As the topic's listing counts them: press releases are listed on /press/releases.
    .where(and(isLive(), ne(articles.kind, 'press-release')))
    .groupBy(articleTopics.topicId)
    .as('counts');
  const rows = await db
    .select({
      slug: topics.slug,
      name: topics.name,
      kind: topics.kind,
      description: topics.description,
      articleCount: counts.articleCount,
    })
    .from(topics)
    .leftJoin(counts, eq(counts.topicId, topics.id))
    .orderBy(asc(topics.kind), asc(topics.name));
  return rows.map((row) => ({ ...row, articleCount: Number(row.articleCount ?? 0) }));
}

export async function listExperts(): Promise<ExpertInfo[]> {
  const db = getDb();
  const counts = db
    .select({ authorId: articleAuthors.authorId, articleCount: count().as('article_count') })
    .from(articleAuthors)
    .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
    .where(isLive())
    .groupBy(articleAuthors.authorId)
    .as('counts');
  const [rows, areaRows] = await Promise.all([
    db
      .select({
        id: authors.id,
        slug: authors.slug,
        name: authors.name,
        jobTitle: authors.jobTitle,
        bio: authors.bio,
        role: authors.role,
        acceptsMedia: authors.acceptsMedia,
        mediaEmail: authors.mediaEmail,
        mediaPhone: authors.mediaPhone,
        photoKey: media.storageKey,
        photoWidth: media.width,
        photoHeight: media.height,
        articleCount: counts.articleCount,
      })
      .from(authors)
      .leftJoin(media, eq(media.id, authors.photoId))
      .leftJoin(counts, eq(counts.authorId, authors.id))
      .orderBy(asc(authors.name)),
    db
      .select({
        authorId: authorTopics.authorId,
        slug: topics.slug,
        name: topics.name,
        kind: topics.kind,
      })
      .from(authorTopics)
      .innerJoin(topics, eq(topics.id, authorTopics.topicId))
      .orderBy(asc(topics.kind), asc(topics.name)),
  ]);
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    jobTitle: row.jobTitle,
    bio: row.bio,
    photo:
      row.photoKey && row.photoWidth && row.photoHeight
        ? { src: mediaUrl(row.photoKey), width: row.photoWidth, height: row.photoHeight }
        : null,
    role: row.role,
    areas: areaRows
      .filter((area) => area.authorId === row.id)
      .map(({ slug, name, kind }) => ({ slug, name, kind })),
    // The contact details of someone who does not take media requests never leave the server.
    media: row.acceptsMedia ? { email: row.mediaEmail, phone: row.mediaPhone } : null,
    articleCount: Number(row.articleCount ?? 0),
  }));
}
