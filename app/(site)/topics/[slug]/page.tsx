import type { Metadata } from 'next';
import { ArticleListing } from '@/components/articles/article-listing';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getTopicBySlug } from '@/lib/content/cached';
import { listingPath } from '@/lib/content/listing';
import { loadOwnedListing, type OwnedListingProps } from '@/lib/content/owned-listing';
import { breadcrumbData } from '@/lib/seo/structured-data';

type Props = OwnedListingProps;

const load = (props: Props) => loadOwnedListing(props, getTopicBySlug, 'topicSlug');

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { owner: topic, page } = await load(props);
  const path = `/topics/${topic.slug}`;
  return {
    title: page > 1 ? `${topic.name}, page ${page}` : topic.name,
    description: topic.description,
    alternates: {
      canonical: listingPath(path, { page }),
      types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: topic.name }] },
    },
  };
}

export default async function TopicPage(props: Props) {
  const { owner: topic, result } = await load(props);
  const path = `/topics/${topic.slug}`;
  return (
    <>
      <PageHeading
        eyebrow={topic.kind === 'region' ? 'Region' : 'Topic'}
        title={topic.name}
        description={topic.description}
      >
        <FeedLink href={`${path}/feed.xml`} label={`RSS feed of ${topic.name}`} />
      </PageHeading>
      <ArticleListing result={result} basePath={path} />
      <JsonLd
        data={breadcrumbData([
          { name: 'Home', path: '/' },
          { name: 'Topics', path: '/topics' },
          { name: topic.name, path },
        ])}
      />
    </>
  );
}
