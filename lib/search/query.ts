import { z } from 'zod';
import { articleKinds } from '@/db/schema';

export const maxQueryLength = 200;

const text = (max: number) =>
  z
    .string()
    // PostgreSQL text cannot hold NUL; other control characters only get in the way.
    .transform((value) =>
      value
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim()
        .slice(0, max),
    )
    .catch('');

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(120)
  .optional()
  .catch(undefined);

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * Search parameters from a query string. Anything malformed is dropped rather than
 * rejected: a search page answers every URL.
 */
export const searchParamsSchema = z.object({
  q: z.preprocess(first, text(maxQueryLength)).default(''),
  kind: z.preprocess(first, z.enum(articleKinds).optional().catch(undefined)),
  topic: z.preprocess(first, slug),
  author: z.preprocess(first, slug),
  from: z.preprocess(first, isoDay),
  to: z.preprocess(first, isoDay),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(
  raw: Record<string, string | string[] | undefined>,
): SearchParams {
  return searchParamsSchema.parse(raw);
}
