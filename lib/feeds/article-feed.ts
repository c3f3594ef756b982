import 'server-only';
import { getSiteConfig } from '@/lib/config/site';
import { getFeedArticles, type ArticleFilter } from '@/lib/content/cached';
import { renderMarkdown } from '@/lib/content/markdown';
import { buildRssFeed } from './rss';

interface FeedOptions {
  title: string;
  description: string;
  /** Path of the feed itself, such as /series/fiscal-watch/feed.xml. */
  path: string;
  filter: ArticleFilter;
}

const withheldNotes = {
  members:
    'This piece is for members of the Institute. Log in or join on our site to read it in full.',
  tiers:
    'This piece is for paid members of the Institute. Log in or see membership on our site to read it in full.',
  public: '',
};

/** An RSS response for live articles; a members-only piece carries its standfirst alone. */
export async function articleFeedResponse({ title, description, path, filter }: FeedOptions) {
  const site = getSiteConfig();
  const articles = await getFeedArticles(filter);
  const xml = buildRssFeed({
    title: `${title} | ${site.name}`,
    description,
    siteUrl: site.url,
    feedUrl: `${site.url}${path}`,
    items: articles.map((article) => ({
      title: article.title,
      url: `${site.url}/articles/${article.slug}`,
      publishedAt: new Date(article.publishedAt),
      summary:
        article.body === null
          ? `${article.standfirst} ${withheldNotes[article.visibility]}`
          : article.standfirst,
      contentHtml: article.body === null ? undefined : renderMarkdown(article.body),
      authors: article.authors.map((author) => author.name),
      categories: article.topicNames,
      imageUrl: article.hero?.src,
    })),
  });
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
    },
  });
}
