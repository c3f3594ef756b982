import 'server-only';
import path from 'node:path';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import type { ArticleKind } from '@/db/schema';
import { contentVersionSeen } from '@/lib/cache/content-watch';
import { getEnv } from '@/lib/platform/env';
import { anonymousReader } from '@/lib/auth/who';
import { withoutStoredMisses } from './cache-misses';
import { listingPageCount } from './listing';
import {
  countArticles,
  getArticle,
  listArticles,
  listFeedArticles,
  listRelatedArticles,
  listSitemapArticles,
  type ArticleFilter,
} from './queries/articles';
import { readHomeSections } from './queries/home';
import { listExperts, listSeries, listTopics } from './queries/taxonomy';
import {
  listPublications,
  listPublicationYears,
  type PublicationFilter,
} from '@/lib/publications/listing';

/** Cache tags: editorial writes revalidate these, and every page built from them follows. */
export const contentTags = {
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  taxonomy: 'taxonomy',
  press: 'press',
  newsletters: 'newsletters',
};

// How long an entry is trusted at most: changes show sooner, through tags and the version.
const revalidate = 60;

/**
 * Which database the entries come from. Servers that share a build folder share its cache, and
 * one pointed at another database (a staging copy, a test's own) must not be served rows, ids
 * included, that exist only in the other.
 */
function databaseKey(): string {
  const { database } = getEnv();
  if (database.engine === 'pglite') return `pglite:${path.resolve(database.dataDir)}`;
  const url = new URL(database.url);
  return `postgres:${url.hostname}:${url.port || 5432}${url.pathname}`;
}

// The content version in the key: when it moves (an edit, a scheduled piece going live,
// lib/cache/content-watch.ts), every instance reads afresh, whichever made the change.
export function cached<T>(key: string[], tags: string[], load: () => Promise<T>): Promise<T> {
  const version = `v${contentVersionSeen()}`;
  return unstable_cache(load, [databaseKey(), version, ...key], { tags, revalidate })();
}

// An article's key is its slug, which comes from the address a visitor typed.
export const cachedUnlessMissing = withoutStoredMisses(cached);

// React's cache shares one result between a page and its generateMetadata in one request.

export const getPublicArticle = cache((slug: string) =>
  cachedUnlessMissing(['article', slug], [contentTags.articles, contentTags.article(slug)], () =>
    getArticle(slug, anonymousReader),
  ),
);

const getArticleCount = cache((filter: ArticleFilter) =>
  cached(
    ['article-count', JSON.stringify(filter)],
    [contentTags.articles, contentTags.taxonomy],
    () => countArticles(filter),
  ),
);

/**
 * One page of a listing, or null past its last page. The first page always exists, empty or
 * not. A page past the end is known from the listing's count alone, so made-up page numbers
 * cost no query and no cache entry.
 */
export const getArticlePage = cache(
  async (filter: ArticleFilter, page: number, pageSize: number) => {
    if (page > 1 && page > listingPageCount(await getArticleCount(filter), pageSize)) return null;
    return cached(
      ['article-page', JSON.stringify(filter), String(page), String(pageSize)],
      [contentTags.articles, contentTags.taxonomy],
      () => listArticles(filter, page, pageSize),
    );
  },
);

export const getRelatedArticles = cache((articleId: string) =>
  cached(['related', articleId], [contentTags.articles], () => listRelatedArticles(articleId)),
);

export const getFeedArticles = cache((filter: ArticleFilter) =>
  cached(['feed', JSON.stringify(filter)], [contentTags.articles, contentTags.taxonomy], () =>
    listFeedArticles(filter, anonymousReader),
  ),
);

export const getSitemapArticles = cache(() =>
  cached(['sitemap'], [contentTags.articles], () => listSitemapArticles()),
);

export const getHomeSections = cache(() =>
  cached(['home'], [contentTags.articles, contentTags.taxonomy], () => readHomeSections()),
);

export const getAllSeries = cache(() =>
  cached(['series'], [contentTags.articles, contentTags.taxonomy], () => listSeries()),
);

export const getAllTopics = cache(() =>
  cached(['topics'], [contentTags.articles, contentTags.taxonomy], () => listTopics()),
);

export const getAllExperts = cache(() =>
  cached(['experts'], [contentTags.articles, contentTags.taxonomy], () => listExperts()),
);

export async function getSeriesBySlug(slug: string) {
  return (await getAllSeries()).find((item) => item.slug === slug) ?? null;
}

export async function getTopicBySlug(slug: string) {
  return (await getAllTopics()).find((item) => item.slug === slug) ?? null;
}

export async function getExpertBySlug(slug: string) {
  return (await getAllExperts()).find((item) => item.slug === slug) ?? null;
}

/** The experts behind an article's bylines, in byline order. */
export async function getBylineExperts(bylines: { slug: string }[]) {
  const experts = await getAllExperts();
  return bylines.flatMap((byline) => experts.find((expert) => expert.slug === byline.slug) ?? []);
}

export type { ArticleFilter, ArticleKind };

/** A page of /publications; null past its last page, as getArticlePage. */
export const getPublicationPage = cache(
  async (filter: PublicationFilter, page: number, pageSize: number) => {
    const load = (number: number) =>
      cached(
        ['publication-page', JSON.stringify(filter), String(number), String(pageSize)],
        [contentTags.articles, contentTags.taxonomy],
        () => listPublications(filter, number, pageSize),
      );
    // Past the last page is known from the first page's count, so made-up page numbers store
    // nothing.
    const firstPage = await load(1);
    if (page === 1) return firstPage;
    return page > firstPage.pageCount ? null : load(page);
  },
);

export const getPublicationYears = cache(() =>
  cached(['publication-years'], [contentTags.articles], () => listPublicationYears()),
);
