import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, authors, media, series } from '@/db/schema';
import { mediaUrl } from '../media';
import type { ArticleSummary, Byline } from '../types';

/** The columns every listing selects: never the body. */
export const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  kind: articles.kind,
  title: articles.title,
  standfirst: articles.standfirst,
  visibility: articles.visibility,
  publishedAt: articles.publishedAt,
  heroAlt: articles.heroAlt,
  heroCaption: articles.heroCaption,
  heroCredit: articles.heroCredit,
  seriesSlug: series.slug,
  seriesName: series.name,
  heroKey: media.storageKey,
  heroWidth: media.width,
  heroHeight: media.height,
};

/** Starts a select of summary columns with the joins they need. */
export function selectSummaries() {
  return getDb()
    .select(summaryColumns)
    .from(articles)
    .leftJoin(series, eq(series.id, articles.seriesId))
    .leftJoin(media, eq(media.id, articles.heroImageId));
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

export async function listBylines(articleIds: string[]): Promise<Map<string, Byline[]>> {
  const bylines = new Map<string, Byline[]>();
  if (articleIds.length === 0) return bylines;
  const rows = await getDb()
    .select({
      articleId: articleAuthors.articleId,
      slug: authors.slug,
      name: authors.name,
      jobTitle: authors.jobTitle,
    })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.position));
  for (const { articleId, ...byline } of rows) {
    const list = bylines.get(articleId) ?? [];
    list.push(byline);
    bylines.set(articleId, list);
  }
  return bylines;
}

export function toSummary(row: SummaryRow, bylines: Map<string, Byline[]>): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    standfirst: row.standfirst,
    visibility: row.visibility,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
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
            caption: row.heroCaption,
            credit: row.heroCredit,
          }
        : null,
  };
}

export async function toSummaries(rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const bylines = await listBylines(rows.map((row) => row.id));
  return rows.map((row) => toSummary(row, bylines));
}
