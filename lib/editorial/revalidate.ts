import { revalidateTag } from 'next/cache';
import { contentTags } from '@/lib/content/cached';
import { clearPageCache } from '@/lib/page-cache/store';

/**
 * Marks cached public views as out of date. Every mutating editorial function takes one, so
 * tests (where next/cache throws "static generation store missing", there being no request)
 * pass a recorder, and the app uses the default below.
 */
export type Revalidator = (tags: string[]) => void;

/**
 * Every cached read in lib/content/cached.ts carries the `articles` tag (listings, home,
 * feeds, sitemap, series, topic and expert pages); an article page also carries its slug's.
 */
export function articleTags(...slugs: string[]): string[] {
  return [contentTags.articles, ...[...new Set(slugs)].map((slug) => contentTags.article(slug))];
}

// Article pages show bylines and series names but are tagged only with `articles`.
export const taxonomyTags = [contentTags.taxonomy, contentTags.articles];

/**
 * Expires at once rather than serving stale once more ('max'): an unpublished piece must not
 * be shown again, and an editor expects to see what they just published. updateTag would do
 * the same but works only in Server Actions, and this also runs from route handlers.
 */
export const revalidateContent: Revalidator = (tags) => {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  // Pages kept rendered for anonymous readers come from this data.
  clearPageCache();
};
