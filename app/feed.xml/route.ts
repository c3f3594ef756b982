import { getSiteConfig } from '@/lib/config/site';
import { articleFeedResponse } from '@/lib/feeds/article-feed';

export const revalidate = 60;

export function GET() {
  const site = getSiteConfig();
  return articleFeedResponse({
    title: 'Latest analysis',
    description: `The latest analysis, commentary and reports from ${site.name}.`,
    path: '/feed.xml',
    filter: {},
  });
}
