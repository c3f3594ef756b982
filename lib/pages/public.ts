import 'server-only';
import { and, asc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages, type Page } from '@/db/schema';

/**
 * What the public page shows of a published page. Dates are ISO strings: these values pass
 * through Next's data cache, which stores JSON.
 */
export interface PublicPage extends Pick<
  Page,
  'id' | 'slug' | 'title' | 'summary' | 'body' | 'showsFunders'
> {
  updatedAt: string;
}

/** A link to a published page in the header or the footer. */
export interface MenuPage {
  slug: string;
  label: string;
  inNavigation: boolean;
  inFooter: boolean;
}

/** The published page at a slug; drafts are nobody's but the editors'. */
export async function getPublishedPage(slug: string): Promise<PublicPage | null> {
  const [row] = await getDb()
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      summary: pages.summary,
      body: pages.body,
      showsFunders: pages.showsFunders,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .where(and(eq(pages.slug, slug), eq(pages.status, 'published')));
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}

/** The published pages placed in the header or footer, in their menu position's order. */
export async function listMenuPages(): Promise<MenuPage[]> {
  const rows = await getDb()
    .select({
      slug: pages.slug,
      title: pages.title,
      menuLabel: pages.menuLabel,
      inNavigation: pages.inNavigation,
      inFooter: pages.inFooter,
    })
    .from(pages)
    .where(
      and(
        eq(pages.status, 'published'),
        or(eq(pages.inNavigation, true), eq(pages.inFooter, true)),
      ),
    )
    .orderBy(asc(pages.menuPosition), asc(pages.title));
  return rows.map(({ title, menuLabel, ...row }) => ({ ...row, label: menuLabel ?? title }));
}

/** Every published page, for the sitemap. */
export async function listPublishedPages(): Promise<{ slug: string; lastModified: string }[]> {
  const rows = await getDb()
    .select({ slug: pages.slug, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.status, 'published'))
    .orderBy(asc(pages.slug));
  return rows.map((row) => ({ slug: row.slug, lastModified: row.updatedAt.toISOString() }));
}
