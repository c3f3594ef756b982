import { notFound } from 'next/navigation';
import { getArticlePage, type ArticleFilter } from './cached';
import { listingPageSize, parseListingParams } from './listing';
import { isSlug } from './slug';

export interface OwnedListingProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * An expert's, a series' or a topic's page: the owner and a page of its articles. An unknown
 * owner or a page past the last is a 404 for the metadata as well as the page, so the title
 * says so.
 */
export async function loadOwnedListing<Owner extends { slug: string }>(
  { params, searchParams }: OwnedListingProps,
  find: (slug: string) => Promise<Owner | null>,
  filterBy: 'authorSlug' | 'seriesSlug' | 'topicSlug',
) {
  const { slug } = await params;
  const owner = isSlug(slug) ? await find(slug) : null;
  if (!owner) notFound();
  const { page } = parseListingParams(await searchParams);
  // A person's work is all of it, the press releases they issued included.
  const filter: ArticleFilter = {
    [filterBy]: owner.slug,
    ...(filterBy === 'authorSlug' && { includePressReleases: true }),
  };
  const result = await getArticlePage(filter, page, listingPageSize);
  if (!result) notFound();
  return { owner, page, result };
}
