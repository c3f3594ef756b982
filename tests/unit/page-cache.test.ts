import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cachedPage,
  clearPageCache,
  fillPage,
  inlineScriptHashes,
} from '@/lib/security/page-cache';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

beforeEach(() => clearPageCache());

describe('inlineScriptHashes', () => {
  it('hashes each distinct inline script as the browser reads it, and no external one', async () => {
    const html =
      '<script src="/_next/a.js" async nonce="x"></script>' +
      '<script nonce="x">self.__next_f.push([1,"a &amp; b"])</script>' +
      '<script>self.__next_f.push([1,"a &amp; b"])</script>' +
      '<SCRIPT type="application/ld+json">{"@type":"NewsArticle"}</SCRIPT>' +
      '<script></script>';
    expect(await inlineScriptHashes(html)).toEqual([
      sha256('self.__next_f.push([1,"a &amp; b"])'),
      sha256('{"@type":"NewsArticle"}'),
      sha256(''),
    ]);
  });
});

describe('the page cache', () => {
  it('keeps a rendered page with its hashes, fresh for a minute', async () => {
    const stored = await fillPage('/analysis', async () => '<p>x</p><script>go()</script>');
    expect(stored).toMatchObject({ scriptHashes: [sha256('go()')] });
    const found = cachedPage('/analysis');
    expect(found).toMatchObject({
      fresh: true,
      page: { scriptHashes: [sha256('go()')] },
    });
    expect(found!.page.body.toString()).toBe('<p>x</p><script>go()</script>');
    const storedAt = found!.page.storedAt;
    expect(cachedPage('/analysis', { now: storedAt + 59_000 })?.fresh).toBe(true);
  });

  it('serves a page past its minute as stale, and drops it after ten minutes', async () => {
    await fillPage('/series', async () => '<p>series</p>');
    const storedAt = cachedPage('/series')!.page.storedAt;
    const stale = cachedPage('/series', { now: storedAt + 61_000 });
    expect(stale?.fresh).toBe(false);
    expect(stale?.page.body.toString()).toBe('<p>series</p>');
    expect(cachedPage('/series', { now: storedAt + 11 * 60_000 })).toBeUndefined();
    expect(cachedPage('/series')).toBeUndefined();
  });

  it('keeps a page of any age for when the database is down', async () => {
    await fillPage('/', async () => '<p>home</p>');
    const storedAt = cachedPage('/')!.page.storedAt;
    const old = cachedPage('/', { now: storedAt + 60 * 60_000, anyAge: true });
    expect(old?.fresh).toBe(false);
    expect(old?.page.body.toString()).toBe('<p>home</p>');
  });

  it('does not keep what a failed render returned', async () => {
    expect(await fillPage('/experts', async () => null)).toBeNull();
    expect(cachedPage('/experts')).toBeUndefined();
  });

  it('gives readers who waited a render begun before a clear, but does not keep it', async () => {
    let finish!: (html: string) => void;
    const filling = fillPage('/', () => new Promise<string>((resolve) => (finish = resolve)));
    clearPageCache();
    // A reader after the change starts a render of their own.
    let renders = 0;
    const after = fillPage('/', async () => {
      renders += 1;
      return '<p>after the change</p>';
    });
    finish('<p>before the change</p>');
    expect((await filling)?.body.toString()).toBe('<p>before the change</p>');
    expect((await after)?.body.toString()).toBe('<p>after the change</p>');
    expect(renders).toBe(1);
    expect(cachedPage('/')?.page.body.toString()).toBe('<p>after the change</p>');
  });

  it('renders a page once for all the readers who ask while it is rendered', async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return '<p>once</p>';
    };
    const pages = await Promise.all([1, 2, 3].map(() => fillPage('/series', render)));
    expect(renders).toBe(1);
    expect(pages.map((page) => page?.body.toString())).toEqual([
      '<p>once</p>',
      '<p>once</p>',
      '<p>once</p>',
    ]);
    // Once it is done, a new render may start.
    await fillPage('/series', render);
    expect(renders).toBe(2);
  });
});
