/** A data cache keyed by parts: loads a value once, then serves it until it is revalidated. */
export type KeyedCache = <T>(key: string[], tags: string[], load: () => Promise<T>) => Promise<T>;

class Missing extends Error {}

/**
 * Wraps a data cache so that a load that finds nothing is not stored. For keys that come from
 * the address a visitor typed (an article's slug): Next's data cache would write a file for
 * each made-up one, without bound.
 *
 * A miss is not stored by throwing from the load. But Next serves a stored entry past its
 * minute while it loads it again, and keeps that entry when the load throws. So the keys whose
 * last load found nothing are remembered in this process (the most recent `remembered` of
 * them): such a key answers null even while an old entry is still stored, until a load finds
 * its value again. That is the case of an article unpublished or renamed through another
 * instance, whose tags were revalidated there and not here.
 */
export function withoutStoredMisses(cache: KeyedCache, remembered = 1_000) {
  const lastFoundMissing = new Set<string>();
  const noteMissing = (id: string) => {
    lastFoundMissing.delete(id);
    lastFoundMissing.add(id);
    if (lastFoundMissing.size > remembered) {
      lastFoundMissing.delete(lastFoundMissing.values().next().value!);
    }
  };
  return async function cachedUnlessMissing<T>(
    key: string[],
    tags: string[],
    load: () => Promise<T | null>,
  ): Promise<T | null> {
    const id = JSON.stringify(key);
    try {
      const found = await cache(key, tags, async () => {
        const value = await load();
        if (value === null) {
          noteMissing(id);
          throw new Missing();
        }
        lastFoundMissing.delete(id);
        return value;
      });
      return lastFoundMissing.has(id) ? null : found;
    } catch (error) {
      if (error instanceof Missing) return null;
      throw error;
    }
  };
}
