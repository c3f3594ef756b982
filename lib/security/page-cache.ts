/**
 * Rendered public pages, kept in this server process for anonymous readers, with the hashes of
 * their inline scripts.
 *
 * Pages are rendered per request so that Next's inline scripts carry the request's nonce (see
 * "Security headers" in the README), which costs a render of each page view. A page that is the
 * same for every anonymous reader is rendered once instead, kept here, and served with a policy
 * that allows exactly its inline scripts by their SHA-256 hashes: no `'unsafe-inline'`, and no
 * nonce shared between readers. Entries last a minute at most, as the cached data they are built
 * from does, and are dropped at once when editors change content (lib/editorial/revalidate.ts).
 *
 * On globalThis: proxy.ts, which serves and fills the cache, and the server code that clears it
 * are bundled apart but run in one process.
 */
export interface CachedPage {
  html: string;
  /** `'sha256-…'` sources, one for each distinct inline script. */
  scriptHashes: string[];
  storedAt: number;
}

const maxAgeMs = 60_000;
const maxEntries = 500;

interface State {
  pages: Map<string, CachedPage>;
  /** Moves on at each clear, so a render begun before it is not stored after it. */
  generation: number;
  filling: Set<string>;
}

const globalKey = Symbol.for('northgate.page-cache');
type Global = typeof globalThis & { [globalKey]?: State };

function state(): State {
  const store = globalThis as Global;
  store[globalKey] ??= { pages: new Map(), generation: 0, filling: new Set() };
  return store[globalKey];
}

// An inline script: a <script> element without a src attribute, and its text as the browser
// hashes it (script text is raw: no entity is decoded).
const inlineScript = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export async function inlineScriptHashes(html: string): Promise<string[]> {
  const texts = new Set<string>();
  for (const match of html.matchAll(inlineScript)) texts.add(match[1]!);
  const hashes: string[] = [];
  for (const text of texts) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    hashes.push(`'sha256-${Buffer.from(digest).toString('base64')}'`);
  }
  return hashes;
}

/**
 * The page kept for `key`, if it is fresh. `stale` also returns an older one, kept until it is
 * replaced: while the database is out of reach no fresh copy can be rendered.
 */
export function cachedPage(
  key: string,
  { stale = false, now = Date.now() }: { stale?: boolean; now?: number } = {},
): CachedPage | undefined {
  const { pages } = state();
  const page = pages.get(key);
  if (stale) return page;
  if (page && now - page.storedAt > maxAgeMs) {
    pages.delete(key);
    return undefined;
  }
  return page;
}

/**
 * Renders a page once, through `render`, and keeps it, unless the cache was cleared meanwhile.
 * Calls for a page already being rendered return at once.
 */
export async function fillPage(key: string, render: () => Promise<string | null>): Promise<void> {
  const current = state();
  if (current.filling.has(key)) return;
  current.filling.add(key);
  const generation = current.generation;
  try {
    const html = await render();
    if (html === null || generation !== current.generation) return;
    const page = { html, scriptHashes: await inlineScriptHashes(html), storedAt: Date.now() };
    if (generation !== current.generation) return;
    current.pages.delete(key);
    current.pages.set(key, page);
    // Map keeps insertion order: the first key is the oldest entry.
    if (current.pages.size > maxEntries) current.pages.delete(current.pages.keys().next().value!);
  } finally {
    current.filling.delete(key);
  }
}

export function clearPageCache(): void {
  const current = state();
  current.pages.clear();
  current.generation += 1;
}
