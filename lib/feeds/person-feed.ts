import 'server-only';
import { getExpertBySlug } from '@/lib/content/cached';
import { personPath } from '@/lib/content/people';
import { isSlug } from '@/lib/content/slug';
import { articleFeedResponse } from './article-feed';

/** The RSS feed of one person's work, press releases included, or 404 for an unknown slug. */
export async function personFeedResponse(slug: string): Promise<Response> {
  const person = isSlug(slug) ? await getExpertBySlug(slug) : null;
  if (!person) return new Response('Not found', { status: 404 });
  return articleFeedResponse({
    title: person.name,
    description: `Work by ${person.name}${person.jobTitle ? `, ${person.jobTitle}` : ''}.`,
    path: `${personPath(person.slug)}/feed.xml`,
    filter: { authorSlug: person.slug, includePressReleases: true },
  });
}
