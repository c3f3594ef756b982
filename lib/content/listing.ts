import { z } from 'zod';
import { articleKinds } from '@/db/schema';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Listings answer any query string: a malformed value falls back rather than failing. A page
// number, however large, is kept: past the last page the listing answers 404.
const listingParamsSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).catch(1)).default(1),
  kind: z.preprocess(first, z.enum(articleKinds).optional().catch(undefined)),
});

export type ListingParams = z.infer<typeof listingParamsSchema>;

export function parseListingParams(
  raw: Record<string, string | string[] | undefined>,
): ListingParams {
  return listingParamsSchema.parse(raw);
}

/**
 * The one address of a listing page: the filter, then the page past the first, so every way of
 * writing the same query has the same canonical URL and the same page-cache entry.
 */
export function listingPath(basePath: string, { kind, page = 1 }: Partial<ListingParams>): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (page > 1) query.set('page', String(page));
  return query.size ? `${basePath}?${query}` : basePath;
}

export const listingPageSize = 12;

/** How many pages a listing of `total` articles has: one at least, which may be empty. */
export function listingPageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
