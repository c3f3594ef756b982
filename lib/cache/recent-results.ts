/**
 * Small in-process caches of recent query results, for queries whose key comes from visitors
 * (search words), which Next's data cache would write to disk one file per key, without bound.
 * Each result is computed once however many ask for it at once, kept for a while, and dropped,
 * with every other cache's, whenever editors change content (lib/editorial/revalidate.ts). A
 * failed query is not kept.
 *
 * On globalThis: the pages that read these caches and the code that clears them are bundled
 * apart but run in one process.
 */
interface Entry {
  value: Promise<unknown>;
  storedAt: number;
}

const globalKey = Symbol.for('northgate.recent-results');
type Global = typeof globalThis & { [globalKey]?: Map<string, Map<string, Entry>> };

function caches(): Map<string, Map<string, Entry>> {
  const store = globalThis as Global;
  store[globalKey] ??= new Map();
  return store[globalKey];
}

export interface RecentResults<T> {
  get(key: string, load: () => Promise<T>, now?: number): Promise<T>;
}

export function recentResults<T>(
  name: string,
  { ttlMs, maxEntries }: { ttlMs: number; maxEntries: number },
): RecentResults<T> {
  const entries = () => {
    const all = caches();
    let mine = all.get(name);
    if (!mine) all.set(name, (mine = new Map()));
    return mine;
  };
  return {
    get(key, load, now = Date.now()) {
      const mine = entries();
      const found = mine.get(key);
      if (found && now - found.storedAt <= ttlMs) return found.value as Promise<T>;
      const value = load();
      const entry = { value, storedAt: now };
      mine.delete(key);
      mine.set(key, entry);
      // Map keeps insertion order: the first key is the oldest entry.
      if (mine.size > maxEntries) mine.delete(mine.keys().next().value!);
      value.catch(() => {
        if (mine.get(key) === entry) mine.delete(key);
      });
      return value;
    },
  };
}

export function clearRecentResults(): void {
  for (const entries of caches().values()) entries.clear();
}
