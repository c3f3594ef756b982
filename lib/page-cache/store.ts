import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Rendered public pages, kept in this server process for anonymous readers, with the hashes of
 * their inline scripts.
 *
 * Pages are rendered per request so that Next's inline scripts carry the request's nonce (see
 * "Security headers" in the README), which costs a render of each page view. A page that is the
 * same for every anonymous reader is rendered once instead, kept here, and served with a policy
 * that allows exactly its inline scripts by their SHA-256 hashes: no `'unsafe-inline'`, and no
 * nonce shared between readers.
 *
 * A page is fresh for a minute, as the cached data it is built from is; then it is served as it
 * stands while one render replaces it, for ten minutes at most, so that readers never queue
 * behind renders of a page the server already has. Readers who ask for a page the cache does
 * not hold wait on the one render of it under way instead of each rendering it. Editors'
 * changes drop every page at once (lib/editorial/revalidate.ts). When the cache is full, the
 * page read least recently goes first, so pages nobody reads again cannot push out those that
 * are read all the time; search pages and pages not found, whose keys come from what visitors
 * type, have shares of their own, so a flood of distinct searches or made-up addresses pushes
 * out only others of its kind. A page not found is kept so that a shared cache in front
 * replaces a page that was taken down with the answer that it is gone.
 *
 * On globalThis: the server entry, which serves and fills the cache, and the server code that
 * clears it are bundled apart but run in one process.
 */
export interface CachedPage {
  /** 200, or 404 for a page that is not there (anymore): shared caches must keep that too. */
  status: KeptStatus;
  /** The page's HTML, UTF-8: encoded once, not for each reader. */
  body: Buffer;
  /** The same, gzip-compressed once, for the browsers that accept it. */
  gzipped: Buffer;
  /** `'sha256-…'` sources, one for each distinct inline script that Next emitted. */
  scriptHashes: string[];
  /** A strong validator of the body, for conditional requests from browsers and shared caches. */
  etag: string;
  storedAt: number;
}

export type KeptStatus = 200 | 404;

/** What a render for the cache gives: the page, and the nonce Next put on its own scripts. */
export interface RenderedPage {
  status?: KeptStatus;
  html: string;
  nonce: string;
}

const freshForMs = 60_000;
const servedStaleForMs = 10 * 60_000;
/**
 * Bounds of the cache: a few hundred pages, at most 64 MiB of HTML, plain and compressed; and
 * apart, a few hundred searches and pages not found, whose keys come from what visitors type.
 */
export const pageCacheLimits = {
  pages: { maxEntries: 500, maxBytes: 64 * 1024 * 1024 },
  searches: { maxEntries: 300, maxBytes: 16 * 1024 * 1024 },
  notFound: { maxEntries: 200, maxBytes: 8 * 1024 * 1024 },
};

type Share = keyof typeof pageCacheLimits;
const shares = Object.keys(pageCacheLimits) as Share[];

function shareOf(key: string, status: KeptStatus): Share {
  if (status === 404) return 'notFound';
  return key.startsWith('/search') ? 'searches' : 'pages';
}

interface Shelf {
  /** In order of last use: the first page is the one read least recently. */
  pages: Map<string, CachedPage>;
  bytes: number;
}

interface State {
  shelves: Record<Share, Shelf>;
  /** Moves on at each clear, so a render begun before it is not stored after it. */
  generation: number;
  filling: Map<string, Promise<CachedPage | null>>;
  /** Searches asked once in the last minute and not kept, oldest first (see worthFilling). */
  searchesAskedOnce: Map<string, number>;
}

const globalKey = Symbol.for('northgate.page-cache');
type Global = typeof globalThis & { [globalKey]?: State };

function state(): State {
  const store = globalThis as Global;
  store[globalKey] ??= {
    shelves: emptyShelves(),
    generation: 0,
    filling: new Map(),
    searchesAskedOnce: new Map(),
  };
  return store[globalKey];
}

const emptyShelves = () =>
  Object.fromEntries(shares.map((share) => [share, { pages: new Map(), bytes: 0 }])) as Record<
    Share,
    Shelf
  >;

const shelfHolding = (current: State, key: string): Shelf | undefined =>
  shares.map((share) => current.shelves[share]).find((shelf) => shelf.pages.has(key));

// An inline script: a <script> element without a src attribute, its attributes, and its text as
// the browser hashes it (script text is raw: no entity is decoded).
const inlineScript = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The hashes of the inline scripts that carry the render's nonce: those Next emitted for it. Any
 * other inline script in the page (one that came in with content, should sanitising ever let one
 * through) is left out, so the policy the page is served with does not run it.
 */
export async function inlineScriptHashes(html: string, nonce: string): Promise<string[]> {
  const texts = new Set<string>();
  for (const [, attributes, text] of html.matchAll(inlineScript)) {
    if (attributes!.includes(` nonce="${nonce}"`)) texts.add(text!);
  }
  const hashes: string[] = [];
  for (const text of texts) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    hashes.push(`'sha256-${Buffer.from(digest).toString('base64')}'`);
  }
  return hashes;
}

const searchAskedAgainWithinMs = 60_000;
const searchesRememberedAtMost = 5_000;

/**
 * Whether a page the cache lacks is worth a render for the cache, that every reader asking
 * meanwhile waits on: yes, but a search only from its second ask within a minute. Most searches
 * are asked once; kept, each would cost a second request to the server, a compression and a
 * hash for nothing, and push out a search that is asked again. A search asked once is rendered
 * for its reader alone, as a page the cache does not keep.
 */
export function worthFilling(key: string, now = Date.now()): boolean {
  const current = state();
  if (!key.startsWith('/search') || current.filling.has(key)) return true;
  const asked = current.searchesAskedOnce;
  const askedAt = asked.get(key);
  asked.delete(key);
  if (askedAt !== undefined && now - askedAt <= searchAskedAgainWithinMs) return true;
  asked.set(key, now);
  for (const [oldest, at] of asked) {
    if (asked.size <= searchesRememberedAtMost && now - at <= searchAskedAgainWithinMs) break;
    asked.delete(oldest);
  }
  return false;
}

export interface Lookup {
  page: CachedPage;
  /** False once the page has outlived its minute: serve it, and render a new one. */
  fresh: boolean;
}

/**
 * The page kept for `key`, fresh or not yet too old to serve. `anyAge` returns it however old:
 * while the database is out of reach no new copy can be rendered.
 */
export function cachedPage(
  key: string,
  { anyAge = false, now = Date.now() }: { anyAge?: boolean; now?: number } = {},
): Lookup | undefined {
  const shelf = shelfHolding(state(), key);
  const page = shelf?.pages.get(key);
  if (!shelf || !page) return undefined;
  const age = now - page.storedAt;
  if (age > servedStaleForMs && !anyAge) {
    forget(shelf, key);
    return undefined;
  }
  // Read last: it goes last.
  shelf.pages.delete(key);
  shelf.pages.set(key, page);
  return { page, fresh: age <= freshForMs };
}

const sizeOf = (page: CachedPage) => page.body.length + page.gzipped.length;

function forget(shelf: Shelf, key: string): void {
  const page = shelf.pages.get(key);
  if (!page) return;
  shelf.pages.delete(key);
  shelf.bytes -= sizeOf(page);
}

/**
 * Renders a page through `render` and keeps it, unless the cache was cleared meanwhile, and
 * returns it (null when `render` gives nothing to keep). A call for a page already being
 * rendered shares that render.
 */
export function fillPage(
  key: string,
  render: () => Promise<RenderedPage | null>,
): Promise<CachedPage | null> {
  const current = state();
  const underWay = current.filling.get(key);
  if (underWay) return underWay;
  const filled: Promise<CachedPage | null> = storeRender(current, key, render).finally(() => {
    // A clear may have let a newer render of the page start meanwhile.
    if (current.filling.get(key) === filled) current.filling.delete(key);
  });
  current.filling.set(key, filled);
  return filled;
}

async function storeRender(
  current: State,
  key: string,
  render: () => Promise<RenderedPage | null>,
): Promise<CachedPage | null> {
  const generation = current.generation;
  const rendered = await render();
  if (rendered === null) return null;
  const body = Buffer.from(rendered.html);
  const page: CachedPage = {
    status: rendered.status ?? 200,
    body,
    gzipped: gzipSync(body),
    scriptHashes: await inlineScriptHashes(rendered.html, rendered.nonce),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    storedAt: Date.now(),
  };
  // A page rendered before editors changed something is not kept, but it is what the readers
  // who asked before the change wait for. Nor is one larger than its whole share.
  const share = shareOf(key, page.status);
  const { maxEntries, maxBytes } = pageCacheLimits[share];
  if (generation !== current.generation || sizeOf(page) > maxBytes) return page;
  const holding = shelfHolding(current, key);
  if (holding) forget(holding, key);
  const shelf = current.shelves[share];
  shelf.pages.set(key, page);
  shelf.bytes += sizeOf(page);
  while (shelf.pages.size > maxEntries || shelf.bytes > maxBytes) {
    forget(shelf, shelf.pages.keys().next().value!);
  }
  return page;
}

export function clearPageCache(): void {
  const current = state();
  current.shelves = emptyShelves();
  current.filling.clear();
  current.searchesAskedOnce.clear();
  current.generation += 1;
}
