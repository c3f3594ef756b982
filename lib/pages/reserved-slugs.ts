/**
 * The addresses at the site's root that belong to its own routes (app/), public files and the
 * framework, which a page's slug may not take: a page there would never be reached, or would hide
 * the route. tests/unit/page-slugs.test.ts checks this list against app/ and public/, so a new
 * top-level route must be added here.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  // Public pages, including those of the press office, people and publications.
  'analysis',
  'articles',
  'experts',
  'members-view',
  'membership',
  'newsletters',
  'people',
  'press',
  'publications',
  'search',
  'series',
  'support',
  'topics',
  // Members.
  'account',
  'account-deleted',
  'confirm-email',
  'forgot-password',
  'join',
  'login',
  'reset-password',
  'undo-email-change',
  'verify-email',
  // Editors, route handlers, files and the framework.
  'admin',
  'api',
  'media',
  'images',
  'feed.xml',
  'sitemap.xml',
  'robots.txt',
  'icon.svg',
  'favicon.ico',
  '_next',
]);

export const isReservedSlug = (slug: string) => reservedSlugs.has(slug);
