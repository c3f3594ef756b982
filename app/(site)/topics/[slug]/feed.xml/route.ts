import { getTopicBySlug } from '@/lib/content/cached';
import { isSlug } from '@/lib/content/slug';
import { articleFeedResponse } from '@/lib/feeds/article-feed';

export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const topic = isSlug(slug) ? await getTopicBySlug(slug) : null;
  if (!topic) return new Response('Not found', { status: 404 });
  return articleFeedResponse({
    title: topic.name,
    description: topic.description,
    path: `/topics/${topic.slug}/feed.xml`,
    filter: { topicSlug: topic.slug },
  });
}
