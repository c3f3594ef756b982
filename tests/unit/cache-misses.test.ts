import { beforeEach, describe, expect, it } from 'vitest';
import { withoutStoredMisses, type KeyedCache } from '@/lib/content/cache-misses';

/**
 * A data cache that behaves as Next's unstable_cache does: a missing entry is loaded and stored
 * (nothing is stored when the load throws, and the error reaches the caller); a stale entry is
 * served as it stands while it is loaded again in the background, and kept if that load throws.
 * A load takes a turn of the event loop, as a query does.
 */
function staleWhileRevalidate() {
  const entries = new Map<string, { value: unknown; stale: boolean }>();
  const background: Promise<unknown>[] = [];
  const cache: KeyedCache = async <T>(key: string[], _tags: string[], load: () => Promise<T>) => {
    const id = key.join('/');
    const entry = entries.get(id);
    if (entry && !entry.stale) return entry.value as T;
    if (entry) {
      background.push(
        new Promise((resolve) => setTimeout(resolve)).then(load).then(
          (value) => entries.set(id, { value, stale: false }),
          () => undefined,
        ),
      );
      return entry.value as T;
    }
    const value = await load();
    entries.set(id, { value, stale: false });
    return value;
  };
  return {
    cache,
    entries,
    /** Time passes: every entry is past its minute. */
    age: () => entries.forEach((entry) => (entry.stale = true)),
    settled: () => Promise.all(background.splice(0)),
  };
}

let store: ReturnType<typeof staleWhileRevalidate>;
let articles: Map<string, string>;
let loads: number;
let cachedUnlessMissing: ReturnType<typeof withoutStoredMisses>;
const article = (slug: string) =>
  cachedUnlessMissing(['article', slug], [], async () => {
    loads += 1;
    return articles.get(slug) ?? null;
  });

beforeEach(() => {
  store = staleWhileRevalidate();
  articles = new Map([['grid-connections', 'Grid connections']]);
  loads = 0;
  cachedUnlessMissing = withoutStoredMisses(store.cache, 3);
});

describe('withoutStoredMisses', () => {
  it('stores what a load finds, and serves it from the cache', async () => {
    expect(await article('grid-connections')).toBe('Grid connections');
    expect(await article('grid-connections')).toBe('Grid connections');
    expect(loads).toBe(1);
    expect([...store.entries.keys()]).toEqual(['article/grid-connections']);
  });

  it('stores nothing for a key that names nothing, however many are asked for', async () => {
    for (let index = 0; index < 50; index++) expect(await article(`no-such-${index}`)).toBeNull();
    expect(store.entries.size).toBe(0);
    // Asked again, a miss is looked up again: it may have been published meanwhile.
    articles.set('no-such-3', 'Published since');
    expect(await article('no-such-3')).toBe('Published since');
  });

  it('answers null once a stored entry’s reload finds nothing, until one finds it again', async () => {
    expect(await article('grid-connections')).toBe('Grid connections');
    // Unpublished through another instance: this one's entry was not revalidated.
    articles.delete('grid-connections');
    store.age();
    // The stale entry is served once more while it is loaded again…
    expect(await article('grid-connections')).toBe('Grid connections');
    await store.settled();
    // …and the cache keeps it, as the reload threw, but it is not served again.
    expect(store.entries.has('article/grid-connections')).toBe(true);
    expect(await article('grid-connections')).toBeNull();
    await store.settled();
    expect(await article('grid-connections')).toBeNull();
    await store.settled();
    // Published again: the next reload finds it.
    articles.set('grid-connections', 'Grid connections, revised');
    expect(await article('grid-connections')).toBeNull();
    await store.settled();
    expect(await article('grid-connections')).toBe('Grid connections, revised');
  });

  it('remembers only the most recent misses', async () => {
    expect(await article('grid-connections')).toBe('Grid connections');
    articles.delete('grid-connections');
    store.age();
    await article('grid-connections');
    await store.settled();
    expect(await article('grid-connections')).toBeNull();
    await store.settled();
    for (const slug of ['a', 'b', 'c']) await article(slug);
    // Pushed out of memory by newer misses, it is served once more while its reload runs,
    // which finds it missing again.
    expect(await article('grid-connections')).toBe('Grid connections');
    await store.settled();
    expect(await article('grid-connections')).toBeNull();
  });

  it('lets an error other than a miss reach the caller', async () => {
    const failing = withoutStoredMisses(store.cache);
    await expect(
      failing(['article', 'x'], [], () => Promise.reject(new Error('database down'))),
    ).rejects.toThrow('database down');
  });
});
