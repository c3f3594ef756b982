import 'server-only';
import { and, asc, count, eq, exists, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articleKinds,
  articles,
  articleStatuses,
  authors,
  series,
  type Article,
  type Author,
  type Series,
} from '@/db/schema';
import { isLive } from '@/lib/content/access';
import { keysetOrder, pageStart, type Keyset } from '@/lib/content/queries/keyset';
import type { Page } from '@/lib/content/types';
import { squash } from './fields';

// From URL search parameters: anything malformed falls back to "no filter" or the first page.
const adminArticleQuerySchema = z.object({
  q: z.string().overwrite(squash).max(200).catch(''),
  status: z.enum(articleStatuses).optional().catch(undefined),
  kind: z.enum(articleKinds).optional().catch(undefined),
  authorId: z.guid().optional().catch(undefined),
  seriesId: z.guid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25),
});

/** As read from the URL; values that do not fit are ignored. */
export interface AdminArticleQuery {
  q?: string;
  status?: string;
  kind?: string;
  authorId?: string;
  seriesId?: string;
  page?: number | string;
  pageSize?: number | string;
}

export interface AdminArticleRow extends Pick<
  Article,
  | 'id'
  | 'slug'
  | 'title'
  | 'kind'
  | 'status'
  | 'visibility'
  | 'publishedAt'
  | 'updatedAt'
  | 'version'
> {
  live: boolean;
  series: Pick<Series, 'id' | 'name'> | null;
  authors: Pick<Author, 'id' | 'name'>[];
}

// Most recently changed first; the id breaks ties. Deep pages seek rather than skip (keyset.ts).
const adminKeyset: Keyset = { columns: [articles.updatedAt, articles.id] };

/** Every article, drafts included, most recently changed first, for the editors' list. */
export async function listArticlesForAdmin(
  query: AdminArticleQuery = {},
): Promise<Page<AdminArticleRow>> {
  const { q, status, kind, authorId, seriesId, page, pageSize } =
    adminArticleQuerySchema.parse(query);
  const db = getDb();
  const pattern = `%${q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  const where = and(
    q ? or(ilike(articles.title, pattern), ilike(articles.slug, pattern)) : undefined,
    status ? eq(articles.status, status) : undefined,
    kind ? eq(articles.kind, kind) : undefined,
    seriesId ? eq(articles.seriesId, seriesId) : undefined,
    authorId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(articleAuthors)
            .where(
              and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.authorId, authorId)),
            ),
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        kind: articles.kind,
        status: articles.status,
        visibility: articles.visibility,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        version: articles.version,
        live: sql<boolean>`coalesce(${isLive()}, false)`,
        seriesId: series.id,
        seriesName: series.name,
      })
      .from(articles)
      .leftJoin(series, eq(series.id, articles.seriesId))
      .where(and(where, pageStart(adminKeyset, where, (page - 1) * pageSize)))
      .orderBy(...keysetOrder(adminKeyset))
      .limit(pageSize),
    db.select({ value: count() }).from(articles).where(where),
  ]);
  const bylines = rows.length
    ? await db
        .select({
          articleId: articleAuthors.articleId,
          id: authors.id,
          name: authors.name,
        })
        .from(articleAuthors)
        .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
        .where(
          inArray(
            articleAuthors.articleId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(articleAuthors.position))
    : [];
  const totalCount = total?.value ?? 0;
  return {
    items: rows.map(({ seriesId: sid, seriesName, live, ...row }) => ({
      ...row,
      live: Boolean(live),
      series: sid && seriesName ? { id: sid, name: seriesName } : null,
      authors: bylines
        .filter((byline) => byline.articleId === row.id)
        .map(({ id, name }) => ({ id, name })),
    })),
    page,
    pageSize,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / pageSize)),
  };
}
