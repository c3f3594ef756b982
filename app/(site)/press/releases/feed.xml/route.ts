import { getSiteConfig } from '@/lib/config/site';
import { articleFeedResponse } from '@/lib/feeds/article-feed';

export const revalidate = 60;

export function GET() {
  return articleFeedResponse({
    title: 'Press releases',
    description: `Press releases from ${getSiteConfig().name}.`,
    path: '/press/releases/feed.xml',
    filter: { kind: 'press-release' },
  });
}
