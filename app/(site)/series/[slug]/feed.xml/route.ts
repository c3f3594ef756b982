import { getSeriesBySlug } from '@/lib/content/cached';
import { isSlug } from '@/lib/content/slug';
import { articleFeedResponse } from '@/lib/feeds/article-feed';

export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const series = isSlug(slug) ? await getSeriesBySlug(slug) : null;
  if (!series) return new Response('Not found', { status: 404 });
  return articleFeedResponse({
    title: series.name,
    description: series.description,
    path: `/series/${series.slug}/feed.xml`,
    filter: { seriesSlug: series.slug },
  });
}
