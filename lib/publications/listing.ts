import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, documents, media, series } from '@/db/schema';
import { isLive } from '@/lib/content/access';
import { listingPageCount } from '@/lib/content/listing';
import { mediaUrl } from '@/lib/content/media';
import { listBylines, summaryColumns, toSummary } from '@/lib/content/queries/summaries';
import type { ArticleSummary, Page } from '@/lib/content/types';
import { publicationKindList, type PublicationKind } from './kinds';

export interface PublicationFilter {
  kind?: PublicationKind;
  year?: number;
}

export interface PublicationSummary extends ArticleSummary {
  cover: { src: string; width: number; height: number; alt: string } | null;
  /** Its PDF's size, when it has one: shown to everyone, as a catalogue would. */
  document: { pageCount: number; bytes: number } | null;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// As the other listings: a malformed value falls back rather than failing.
const paramsSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).catch(1)).default(1),
  kind: z.preprocess(first, z.enum(publicationKindList).optional().catch(undefined)),
  year: z.preprocess(
    first,
    z.coerce.number().int().min(1900).max(2999).optional().catch(undefined),
  ),
});

export type PublicationParams = z.infer<typeof paramsSchema>;

export function parsePublicationParams(
  raw: Record<string, string | string[] | undefined>,
): PublicationParams {
  return paramsSchema.parse(raw);
}

const londonYear = sql<number>`extract(year from ${articles.publishedAt} at time zone 'Europe/London')::int`;

function conditions(filter: PublicationFilter): SQL {
  return and(
    isLive(),
    filter.kind ? eq(articles.kind, filter.kind) : inArray(articles.kind, [...publicationKindList]),
    filter.year ? sql`${londonYear} = ${filter.year}` : undefined,
  )!;
}

const cover = alias(media, 'cover');

/** One page of live reports, briefings and papers, newest first. */
export async function listPublications(
  filter: PublicationFilter,
  page: number,
  pageSize: number,
): Promise<Page<PublicationSummary>> {
  const where = conditions(filter);
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...summaryColumns,
        coverKey: cover.storageKey,
        coverWidth: cover.width,
        coverHeight: cover.height,
        coverAlt: articles.coverAlt,
        pageCount: documents.pageCount,
        bytes: documents.bytes,
      })
      .from(articles)
      .leftJoin(series, eq(series.id, articles.seriesId))
      .leftJoin(media, eq(media.id, articles.heroImageId))
      .leftJoin(cover, eq(cover.id, articles.coverImageId))
      .leftJoin(documents, eq(documents.id, articles.documentId))
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(articles).where(where),
  ]);
  const bylines = await listBylines(rows.map((row) => row.id));
  const items = rows.map((row) => ({
    ...toSummary(row, bylines),
    cover:
      row.coverKey && row.coverWidth && row.coverHeight
        ? {
            src: mediaUrl(row.coverKey),
            width: row.coverWidth,
            height: row.coverHeight,
            alt: row.coverAlt ?? '',
          }
        : null,
    document: row.pageCount && row.bytes ? { pageCount: row.pageCount, bytes: row.bytes } : null,
  }));
  const value = total?.value ?? 0;
  return { items, page, pageSize, total: value, pageCount: listingPageCount(value, pageSize) };
}

/** The years, London time, in which live publications appeared, newest first. */
export async function listPublicationYears(): Promise<number[]> {
  const rows = await getDb()
    .selectDistinct({ year: londonYear })
    .from(articles)
    .where(conditions({}))
    .orderBy(desc(londonYear));
  return rows.map((row) => Number(row.year));
}

/** The one address of a page of /publications: filters, then the page past the first. */
export function publicationsPath({ kind, year, page = 1 }: Partial<PublicationParams>): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (year) query.set('year', String(year));
  if (page > 1) query.set('page', String(page));
  return query.size ? `/publications?${query}` : '/publications';
}
