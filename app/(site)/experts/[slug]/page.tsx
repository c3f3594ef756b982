import type { Metadata } from 'next';
import { ArticleListing } from '@/components/articles/article-listing';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { getExpertBySlug } from '@/lib/content/cached';
import { listingPath } from '@/lib/content/listing';
import { loadOwnedListing, type OwnedListingProps } from '@/lib/content/owned-listing';
import { breadcrumbData, personData } from '@/lib/seo/structured-data';

type Props = OwnedListingProps;

const load = (props: Props) => loadOwnedListing(props, getExpertBySlug, 'authorSlug');

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { owner: expert, page } = await load(props);
  const path = `/experts/${expert.slug}`;
  return {
    title: page > 1 ? `${expert.name}, page ${page}` : expert.name,
    description: expert.jobTitle ?? expert.bio.slice(0, 160),
    alternates: {
      canonical: listingPath(path, { page }),
      types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: expert.name }] },
    },
    openGraph: { type: 'profile', title: expert.name, description: expert.jobTitle ?? undefined },
  };
}

export default async function ExpertPage(props: Props) {
  const { owner: expert, result } = await load(props);
  const path = `/experts/${expert.slug}`;
  return (
    <>
      <header className="mb-10 flex flex-col gap-6 border-b border-rule pb-8 sm:flex-row sm:items-start">
        <ExpertPhoto expert={expert} size={160} />
        <div>
          <p className="text-xs font-semibold uppercase tracking-wider text-accent">Expert</p>
          <h1 className="mt-2 font-serif text-4xl font-semibold">{expert.name}</h1>
          {expert.jobTitle && <p className="mt-1 text-lg text-muted">{expert.jobTitle}</p>}
          <p className="mt-4 max-w-prose font-serif text-lg leading-relaxed">{expert.bio}</p>
          <FeedLink href={`${path}/feed.xml`} label={`RSS feed of ${expert.name}’s work`} />
        </div>
      </header>
      <h2 className="mb-6 font-serif text-2xl font-semibold">Work by {expert.name}</h2>
      <ArticleListing result={result} basePath={path} headingLevel="h3" opensPage={false} />
      <JsonLd
        data={[
          personData(expert),
          breadcrumbData([
            { name: 'Home', path: '/' },
            { name: 'Experts', path: '/experts' },
            { name: expert.name, path },
          ]),
        ]}
      />
    </>
  );
}
