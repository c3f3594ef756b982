import { z } from 'zod';
import { articleKinds } from '@/db/schema';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Listings answer any query string: a malformed value falls back rather than failing.
const listingParamsSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
  kind: z.preprocess(first, z.enum(articleKinds).optional().catch(undefined)),
});

export type ListingParams = z.infer<typeof listingParamsSchema>;

export function parseListingParams(
  raw: Record<string, string | string[] | undefined>,
): ListingParams {
  return listingParamsSchema.parse(raw);
}

export const listingPageSize = 12;
