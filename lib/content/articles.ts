import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, authors, media, series } from '@/db/schema';
import { isLive } from './access';
import { mediaUrl } from './media';

export interface ArticleSummary {
  id: string;
  slug: string;
  kind: (typeof articles.kind.enumValues)[number];
  title: string;
  standfirst: string;
  visibility: (typeof articles.visibility.enumValues)[number];
  publishedAt: Date;
  series: { slug: string; name: string } | null;
  authors: { slug: string; name: string }[];
  hero: { src: string; width: number; height: number; alt: string } | null;
}

/** The latest live articles, newest first, with what a listing shows and never the body. */
export async function listLatestArticles(limit = 12): Promise<ArticleSummary[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      kind: articles.kind,
      title: articles.title,
      standfirst: articles.standfirst,
      visibility: articles.visibility,
      publishedAt: articles.publishedAt,
      heroAlt: articles.heroAlt,
      seriesSlug: series.slug,
      seriesName: series.name,
      heroKey: media.storageKey,
      heroWidth: media.width,
      heroHeight: media.height,
    })
    .from(articles)
    .leftJoin(series, eq(series.id, articles.seriesId))
    .leftJoin(media, eq(media.id, articles.heroImageId))
    .where(isLive())
    .orderBy(desc(articles.publishedAt), asc(articles.id))
    .limit(limit);
  const bylines = await listBylines(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    standfirst: row.standfirst,
    visibility: row.visibility,
    publishedAt: row.publishedAt!,
    series:
      row.seriesSlug && row.seriesName ? { slug: row.seriesSlug, name: row.seriesName } : null,
    authors: bylines.get(row.id) ?? [],
    hero:
      row.heroKey && row.heroWidth && row.heroHeight
        ? {
            src: mediaUrl(row.heroKey),
            width: row.heroWidth,
            height: row.heroHeight,
            alt: row.heroAlt ?? '',
          }
        : null,
  }));
}

async function listBylines(articleIds: string[]) {
  const bylines = new Map<string, { slug: string; name: string }[]>();
  if (articleIds.length === 0) return bylines;
  const rows = await getDb()
    .select({ articleId: articleAuthors.articleId, slug: authors.slug, name: authors.name })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.position));
  for (const row of rows) {
    const list = bylines.get(row.articleId) ?? [];
    list.push({ slug: row.slug, name: row.name });
    bylines.set(row.articleId, list);
  }
  return bylines;
}
