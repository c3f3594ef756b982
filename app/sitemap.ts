import { personPath } from '@/lib/content/people';
import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getSiteConfig } from '@/lib/config/site';
import {
  getAllExperts,
  getAllSeries,
  getAllTopics,
  getSitemapArticles,
} from '@/lib/content/cached';
import { getSitemapPages } from '@/lib/pages/cached';

// Answered at run time, like robots.txt, for the running server's address; the articles and
// names in it come from the cached reads.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { url } = getSiteConfig();
  const [articles, series, topics, experts, pages] = await Promise.all([
    getSitemapArticles(),
    getAllSeries(),
    getAllTopics(),
    getAllExperts(),
    getSitemapPages(),
  ]);
  const newest = articles[0]?.lastModified;
  return [
    { url, lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    { url: `${url}/analysis`, lastModified: newest, changeFrequency: 'hourly', priority: 0.8 },
    { url: `${url}/publications`, changeFrequency: 'weekly', priority: 0.7 },
    { url: `${url}/series`, changeFrequency: 'weekly', priority: 0.5 },
    { url: `${url}/topics`, changeFrequency: 'weekly', priority: 0.5 },
    { url: `${url}/people`, changeFrequency: 'weekly', priority: 0.5 },
    ...articles.map((article) => ({
      url: `${url}/articles/${article.slug}`,
      lastModified: article.lastModified,
      priority: 0.7,
    })),
    ...series.map((item) => ({
      url: `${url}/series/${item.slug}`,
      lastModified: item.latestAt ?? undefined,
      priority: 0.6,
    })),
    ...topics.map((item) => ({ url: `${url}/topics/${item.slug}`, priority: 0.5 })),
    ...experts.map((item) => ({ url: `${url}${personPath(item.slug)}`, priority: 0.5 })),
    ...pages.map((page) => ({
      url: `${url}/${page.slug}`,
      lastModified: page.lastModified,
      priority: 0.4,
    })),
  ];
}
