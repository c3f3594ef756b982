import { beforeEach, describe, expect, it } from 'vitest';
import { clearRecentResults, recentResults } from '@/lib/cache/recent-results';

beforeEach(() => clearRecentResults());

function counted<T>(value: T) {
  const load = async () => {
    load.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return value;
  };
  load.calls = 0;
  return load;
}

describe('recent results', () => {
  it('runs a query once for everyone who asks at once, and again after it expires', async () => {
    const cache = recentResults<string>('collapse', { ttlMs: 1_000, maxEntries: 10 });
    const load = counted('rows');
    const now = Date.now();
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('energy', load, now)));
    expect(answers).toEqual(['rows', 'rows', 'rows']);
    expect(load.calls).toBe(1);
    await cache.get('energy', load, now + 1_000);
    expect(load.calls).toBe(1);
    await cache.get('energy', load, now + 1_001);
    expect(load.calls).toBe(2);
  });

  it('keeps each key apart', async () => {
    const cache = recentResults<string>('keys', { ttlMs: 1_000, maxEntries: 10 });
    expect(await cache.get('public:energy', async () => 'public')).toBe('public');
    expect(await cache.get('members:energy', async () => 'members')).toBe('members');
    expect(await cache.get('public:energy', async () => 'other')).toBe('public');
  });

  it('forgets everything when content changes', async () => {
    const cache = recentResults<string>('clear', { ttlMs: 60_000, maxEntries: 10 });
    await cache.get('tax', async () => 'before');
    clearRecentResults();
    expect(await cache.get('tax', async () => 'after')).toBe('after');
  });

  it('does not keep a failed query', async () => {
    const cache = recentResults<string>('failure', { ttlMs: 60_000, maxEntries: 10 });
    await expect(
      cache.get('nhs', () => Promise.reject(new Error('database down'))),
    ).rejects.toThrow('database down');
    expect(await cache.get('nhs', async () => 'rows')).toBe('rows');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = recentResults<string>('bounded', { ttlMs: 60_000, maxEntries: 2 });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
  });
});
