import { describe, expect, it } from 'vitest';
import {
  preferencesKey,
  preferencesUrl,
  readPreferencesKey,
  readUnsubscribeParams,
  unsubscribeUrl,
} from '@/lib/newsletters/links';

const subscriber = '2f1c7a52-8d4e-4a7b-9c1e-5b3a2d1e0f9a';
const list = '7b0e3c11-6a2f-4d5e-8f9a-1c2b3d4e5f60';
const other = '7b0e3c11-6a2f-4d5e-8f9a-1c2b3d4e5f61';

describe('a preferences link', () => {
  it('names its subscriber, and nobody else once changed', () => {
    const key = preferencesKey(subscriber);
    expect(readPreferencesKey(key)).toBe(subscriber);
    expect(preferencesUrl(subscriber)).toMatch(/\/newsletters\/preferences\/[\w.-]+$/);
    const [, sig] = key.split('.');
    expect(readPreferencesKey(`${other}.${sig}`)).toBeNull();
    expect(readPreferencesKey(`${subscriber}.${sig!.slice(0, -1)}x`)).toBeNull();
    expect(readPreferencesKey(`${subscriber}.${sig}.extra`)).toBeNull();
    expect(readPreferencesKey(subscriber)).toBeNull();
    expect(readPreferencesKey('')).toBeNull();
  });
});

describe('a one-click unsubscribe link', () => {
  const params = (url: string) => new URL(url).searchParams;

  it('names its subscriber and list', () => {
    expect(readUnsubscribeParams(params(unsubscribeUrl(subscriber, list)))).toEqual({
      subscriberId: subscriber,
      listId: list,
    });
  });

  it('is refused with another list, subscriber or signature, or a preferences signature', () => {
    const query = params(unsubscribeUrl(subscriber, list));
    const changed = (name: string, value: string) => {
      const copy = new URLSearchParams(query);
      copy.set(name, value);
      return readUnsubscribeParams(copy);
    };
    expect(changed('l', other)).toBeNull();
    expect(changed('s', other)).toBeNull();
    expect(changed('sig', 'x'.repeat(32))).toBeNull();
    expect(changed('sig', preferencesKey(subscriber).split('.')[1]!)).toBeNull();
    expect(readUnsubscribeParams(new URLSearchParams())).toBeNull();
  });
});
