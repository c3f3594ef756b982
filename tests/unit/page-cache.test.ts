import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cachedPage,
  clearPageCache,
  fillPage,
  inlineScriptHashes,
  pageCacheLimits,
  worthFilling,
} from '@/lib/page-cache/store';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const nonce = 'bm9uY2Ugb2YgdGhlIHJlbmRlcg==';
// A render for the cache: the page and the nonce it was rendered with.
const rendered = (html: string) => async () => ({ html, nonce });

beforeEach(() => clearPageCache());

describe('inlineScriptHashes', () => {
  it('hashes each distinct inline script Next emitted with the nonce, as the browser reads it', async () => {
    const html =
      `<script src="/_next/a.js" async nonce="${nonce}"></script>` +
      `<script nonce="${nonce}">self.__next_f.push([1,"a &amp; b"])</script>` +
      `<script nonce="${nonce}">self.__next_f.push([1,"a &amp; b"])</script>` +
      `<script id="_R_" nonce="${nonce}"></script>`;
    expect(await inlineScriptHashes(html, nonce)).toEqual([
      sha256('self.__next_f.push([1,"a &amp; b"])'),
      sha256(''),
    ]);
  });

  it('leaves out an inline script without the render’s nonce, such as one injected by content', async () => {
    const html =
      `<script nonce="${nonce}">self.__next_f.push([1])</script>` +
      '<div class="article-body"><script>fetch("/steal?c="+document.cookie)</script></div>' +
      '<script nonce="guessed">alert(1)</script>' +
      `<script data-nonce="${nonce}">alert(2)</script>` +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
    expect(await inlineScriptHashes(html, nonce)).toEqual([sha256('self.__next_f.push([1])')]);
  });
});

describe('the page cache', () => {
  it('keeps a rendered page with its hashes, fresh for a minute', async () => {
    const html = `<p>x</p><script nonce="${nonce}">go()</script>`;
    const stored = await fillPage('/analysis', rendered(html));
    expect(stored).toMatchObject({ scriptHashes: [sha256('go()')] });
    const found = cachedPage('/analysis');
    expect(found).toMatchObject({
      fresh: true,
      page: { scriptHashes: [sha256('go()')] },
    });
    expect(found!.page.body.toString()).toBe(html);
    expect(gunzipSync(found!.page.gzipped).toString()).toBe(html);
    const storedAt = found!.page.storedAt;
    expect(cachedPage('/analysis', { now: storedAt + 59_000 })?.fresh).toBe(true);
  });

  it('serves a page past its minute as stale, and drops it after ten minutes', async () => {
    await fillPage('/series', rendered('<p>series</p>'));
    const storedAt = cachedPage('/series')!.page.storedAt;
    const stale = cachedPage('/series', { now: storedAt + 61_000 });
    expect(stale?.fresh).toBe(false);
    expect(stale?.page.body.toString()).toBe('<p>series</p>');
    expect(cachedPage('/series', { now: storedAt + 11 * 60_000 })).toBeUndefined();
    expect(cachedPage('/series')).toBeUndefined();
  });

  it('keeps a page of any age for when the database is down', async () => {
    await fillPage('/', rendered('<p>home</p>'));
    const storedAt = cachedPage('/')!.page.storedAt;
    const old = cachedPage('/', { now: storedAt + 60 * 60_000, anyAge: true });
    expect(old?.fresh).toBe(false);
    expect(old?.page.body.toString()).toBe('<p>home</p>');
  });

  it('does not keep what a failed render returned', async () => {
    expect(await fillPage('/people', async () => null)).toBeNull();
    expect(cachedPage('/people')).toBeUndefined();
  });

  it('gives readers who waited a render begun before a clear, but does not keep it', async () => {
    let finish!: (html: string) => void;
    const filling = fillPage('/', async () => ({
      html: await new Promise<string>((resolve) => (finish = resolve)),
      nonce,
    }));
    clearPageCache();
    // A reader after the change starts a render of their own.
    let renders = 0;
    const after = fillPage('/', async () => {
      renders += 1;
      return { html: '<p>after the change</p>', nonce };
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
      return { html: '<p>once</p>', nonce };
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

  it('lets the page read least recently go first when it is full', async () => {
    const { maxEntries } = pageCacheLimits.pages;
    await fillPage('/', rendered('<p>home</p>'));
    for (let index = 0; index < maxEntries + 20; index++) {
      await fillPage(`/articles/piece-${index}`, rendered(`<p>${index}</p>`));
      // Readers keep coming back to the home page, and to nothing else.
      expect(cachedPage('/')).toBeDefined();
    }
    expect(cachedPage('/articles/piece-0')).toBeUndefined();
    expect(cachedPage('/articles/piece-20')).toBeUndefined();
    expect(cachedPage('/articles/piece-21')).toBeDefined();
    expect(cachedPage(`/articles/piece-${maxEntries + 19}`)).toBeDefined();
  });

  it('holds no more bytes than its limit', async () => {
    const { maxBytes } = pageCacheLimits.pages;
    const megabyte = 1024 * 1024;
    const pageCount = Math.ceil(maxBytes / megabyte) + 6;
    // Pages of a megabyte that compress to almost nothing.
    for (let index = 0; index < pageCount; index++) {
      await fillPage(`/articles/long-${index}`, rendered(String(index % 10).repeat(megabyte)));
    }
    const kept = Array.from({ length: pageCount }, (_, index) =>
      cachedPage(`/articles/long-${index}`),
    ).filter(Boolean);
    const bytes = kept.reduce((sum, found) => sum + found!.page.body.length, 0);
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(bytes).toBeGreaterThan(maxBytes - 2 * megabyte);
    expect(cachedPage('/articles/long-0')).toBeUndefined();
    expect(cachedPage(`/articles/long-${pageCount - 1}`)).toBeDefined();
  });

  it('keeps searches in a share of their own: a flood of them pushes out only searches', async () => {
    const { maxEntries } = pageCacheLimits.searches;
    await fillPage('/articles/popular', rendered('<p>popular</p>'));
    await fillPage('/search?q=popular', rendered('<p>found</p>'));
    for (let index = 0; index < maxEntries + 5; index++) {
      await fillPage(`/search?q=made-up-${index}`, rendered(`<p>${index}</p>`));
    }
    expect(cachedPage('/articles/popular')).toBeDefined();
    expect(cachedPage('/search?q=popular')).toBeUndefined();
    expect(cachedPage('/search?q=made-up-4')).toBeUndefined();
    expect(cachedPage('/search?q=made-up-5')).toBeDefined();
  });

  it('renders a search for the cache from its second ask within a minute, any other page at once', () => {
    const start = Date.now();
    expect(worthFilling('/articles/new', start)).toBe(true);
    expect(worthFilling('/search?q=rare', start)).toBe(false);
    expect(worthFilling('/search?q=rare', start + 59_000)).toBe(true);
    expect(worthFilling('/search?q=late', start)).toBe(false);
    expect(worthFilling('/search?q=late', start + 61_000)).toBe(false);
    expect(worthFilling('/search?q=late', start + 62_000)).toBe(true);
  });

  it('shares a search render already under way, even from its first ask', async () => {
    let finish: (html: string) => void = () => {};
    const underWay = fillPage(
      '/search?q=busy',
      () => new Promise((resolve) => (finish = (html) => resolve({ html, nonce }))),
    );
    expect(worthFilling('/search?q=busy')).toBe(true);
    finish('<p>found</p>');
    await underWay;
  });

  it('forgets searches asked once when a flood of them comes', () => {
    const start = Date.now();
    worthFilling('/search?q=first', start);
    for (let index = 0; index < 6_000; index++) worthFilling(`/search?q=flood-${index}`, start);
    expect(worthFilling('/search?q=first', start + 1_000)).toBe(false);
    expect(worthFilling('/search?q=flood-5999', start + 1_000)).toBe(true);
  });

  it('keeps pages not found in a share of their own, and a page taken down in their place', async () => {
    const { maxEntries } = pageCacheLimits.notFound;
    await fillPage('/articles/popular', rendered('<p>popular</p>'));
    await fillPage('/articles/taken-down', rendered('<p>here</p>'));
    await fillPage('/articles/taken-down', async () => ({
      status: 404,
      html: '<p>gone</p>',
      nonce,
    }));
    expect(cachedPage('/articles/taken-down')?.page.status).toBe(404);
    for (let index = 0; index < maxEntries + 5; index++) {
      await fillPage(`/articles/made-up-${index}`, async () => ({
        status: 404,
        html: '<p>not found</p>',
        nonce,
      }));
    }
    expect(cachedPage('/articles/popular')?.page.status).toBe(200);
    expect(cachedPage('/articles/taken-down')).toBeUndefined();
    expect(cachedPage(`/articles/made-up-${maxEntries + 4}`)).toBeDefined();
  });

  it('does not keep a page larger than the whole cache, but gives it to its readers', async () => {
    const html = 'x'.repeat(pageCacheLimits.pages.maxBytes + 1);
    await fillPage('/', rendered('<p>home</p>'));
    expect((await fillPage('/articles/huge', rendered(html)))?.body.length).toBe(html.length);
    expect(cachedPage('/articles/huge')).toBeUndefined();
    expect(cachedPage('/')).toBeDefined();
  });
});
