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
  it('keeps a rendered page with its hashes for a minute', async () => {
    await fillPage('/analysis', async () => '<p>x</p><script>go()</script>');
    const page = cachedPage('/analysis');
    expect(page).toMatchObject({
      html: '<p>x</p><script>go()</script>',
      scriptHashes: [sha256('go()')],
    });
    expect(cachedPage('/analysis', { now: page!.storedAt + 61_000 })).toBeUndefined();
  });

  it('keeps an old page for when the database is down', async () => {
    await fillPage('/', async () => '<p>home</p>');
    const storedAt = cachedPage('/')!.storedAt;
    expect(cachedPage('/', { now: storedAt + 61_000, stale: true })?.html).toBe('<p>home</p>');
  });

  it('does not keep what a failed render returned', async () => {
    await fillPage('/experts', async () => null);
    expect(cachedPage('/experts')).toBeUndefined();
  });

  it('drops a render that began before the cache was cleared', async () => {
    let finish!: (html: string) => void;
    const filling = fillPage('/', () => new Promise<string>((resolve) => (finish = resolve)));
    clearPageCache();
    finish('<p>before the change</p>');
    await filling;
    expect(cachedPage('/')).toBeUndefined();
  });

  it('renders a page once while a render of it is under way', async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return '<p>once</p>';
    };
    await Promise.all([fillPage('/series', render), fillPage('/series', render)]);
    expect(renders).toBe(1);
  });
});
