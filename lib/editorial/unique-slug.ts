import { and, eq, like, ne, or } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articles, authors, newsletterLists, pages, series, topics } from '@/db/schema';
import { slugify } from './slugify';

type SluggedTable =
  | typeof articles
  | typeof authors
  | typeof newsletterLists
  | typeof pages
  | typeof series
  | typeof topics;

interface SlugRequest {
  /** What the editor typed, or null to keep the current slug or make one from `source`. */
  requested: string | null;
  source: string;
  current: { id: string; slug: string } | null;
  messages: { taken: string; unsluggable: string; reserved?: string };
  /** Slugs that are not free whatever the table holds, such as the site's own routes. */
  reserved?: (slug: string) => boolean;
}

type SlugClaim = { ok: true; slug: string } | { ok: false; message: string };

/**
 * Settles the slug to save. A typed slug must be free; a blank one keeps the current slug
 * (so a published address never changes by accident) or, for something new, is made from
 * the name with the first free "-2", "-3"… suffix.
 */
export async function claimSlug(
  tx: Transaction,
  table: SluggedTable,
  request: SlugRequest,
): Promise<SlugClaim> {
  const { requested, current, messages } = request;
  const reserved = request.reserved ?? (() => false);
  if (requested) {
    if (reserved(requested)) return { ok: false, message: messages.reserved ?? messages.taken };
    const [other] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.slug, requested), current ? ne(table.id, current.id) : undefined))
      .limit(1);
    return other ? { ok: false, message: messages.taken } : { ok: true, slug: requested };
  }
  if (current) return { ok: true, slug: current.slug };
  const base = slugify(request.source);
  if (!base) return { ok: false, message: messages.unsluggable };
  // A slug has only [a-z0-9-], so nothing in it needs escaping in a LIKE pattern.
  const rows = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(or(eq(table.slug, base), like(table.slug, `${base}-%`)));
  const taken = new Set(rows.map((row) => row.slug));
  let slug = base;
  for (let suffix = 2; taken.has(slug) || reserved(slug); suffix++) slug = `${base}-${suffix}`;
  return { ok: true, slug };
}
