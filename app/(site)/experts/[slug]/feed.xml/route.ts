import { getExpertBySlug } from '@/lib/content/cached';
import { isSlug } from '@/lib/content/slug';
import { articleFeedResponse } from '@/lib/feeds/article-feed';

export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const expert = isSlug(slug) ? await getExpertBySlug(slug) : null;
  if (!expert) return new Response('Not found', { status: 404 });
  return articleFeedResponse({
    title: expert.name,
    description: `Analysis and commentary by ${expert.name}${expert.jobTitle ? `, ${expert.jobTitle}` : ''}.`,
    path: `/experts/${expert.slug}/feed.xml`,
    filter: { authorSlug: expert.slug },
  });
}
