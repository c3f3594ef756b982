import { listingPath, parseListingParams, type ListingParams } from '@/lib/content/listing';
import { parsePeopleParams, peoplePath } from '@/lib/content/people';
import { isSlug } from '@/lib/content/slug';
import { isReservedSlug } from '@/lib/pages/reserved-slugs';
import { parseSearchParams } from '@/lib/search/query';

/**
 * The pages that are the same for every anonymous reader, and the query parameters each reads.
 * Not giving, signing in or accounts. Search has its own key (searchPageKey).
 */
const publicPages: { path: RegExp; reads: (keyof ListingParams)[] }[] = [
  { path: /^\/(series|topics)?$/, reads: [] },
  { path: /^\/articles\/[^/]+$/, reads: [] },
  { path: /^\/analysis$/, reads: ['kind', 'page'] },
  { path: /^\/(series|topics|people)\/[^/]+$/, reads: ['page'] },
  { path: /^\/press$/, reads: [] },
  { path: /^\/newsletters$/, reads: [] },
  { path: /^\/press\/releases$/, reads: ['page'] },
];

/** An institution's page at the root (about, funding, privacy…): one slug, not a route's. */
function isInstitutionPage(pathname: string): boolean {
  const slug = pathname.slice(1);
  return isSlug(slug) && !isReservedSlug(slug);
}

/** The path with its slug decoded, or null when the slug could name nothing. */
function canonicalPath(pathname: string): string | null {
  const [, section, slug] = pathname.split('/');
  if (slug === undefined) return pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return null;
  }
  return isSlug(decoded) ? `/${section}/${decoded}` : null;
}

/**
 * The page-cache key of a public page, or null when the path is not one. It is the page's path
 * and the parameters it reads, as its canonical URL writes them: a parameter the page does not
 * read, a value it reads as another (a malformed page number, an unknown kind) or another order
 * is the same page, and the same entry. The cache renders a page from its key, so what a reader
 * is served cannot depend on anything the key leaves out.
 */
export function publicPageKey(pathname: string, search: string): string | null {
  if (pathname === '/search') return searchPageKey(search);
  if (pathname === '/people') return peoplePageKey(search);
  if (isInstitutionPage(pathname)) return pathname;
  const page = publicPages.find(({ path }) => path.test(pathname));
  const path = page && canonicalPath(pathname);
  if (!page || !path) return null;
  const query = new URLSearchParams(search);
  const read = Object.fromEntries(page.reads.map((name) => [name, query.getAll(name)]));
  return listingPath(path, parseListingParams(read));
}

/**
 * A search page's key: the parameters the search reads, as it reads them, in one order, the
 * words with their spaces collapsed. Malformed filters are left out, as the search ignores them.
 */
function searchPageKey(search: string): string {
  const query = new URLSearchParams(search);
  const raw = Object.fromEntries(
    [...new Set(query.keys())].map((name) => [name, query.getAll(name)]),
  );
  const { q, kind, topic, author, from, to, page } = parseSearchParams(raw);
  const canonical = new URLSearchParams();
  const words = q.replace(/\s+/g, ' ');
  if (words) canonical.set('q', words);
  for (const [name, value] of Object.entries({ kind, topic, author, from, to })) {
    if (value) canonical.set(name, value);
  }
  if (page > 1) canonical.set('page', String(page));
  return canonical.size ? `/search?${canonical}` : '/search';
}

/** /people's key: its role and topic filters, as the page reads them; anything else dropped. */
function peoplePageKey(search: string): string {
  const query = new URLSearchParams(search);
  return peoplePath(
    parsePeopleParams({ role: query.getAll('role'), topic: query.getAll('topic') }),
  );
}
