import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/articles/article-listing';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getArticlePage, getTopicBySlug } from '@/lib/content/cached';
import { listingPageSize, listingPath, parseListingParams } from '@/lib/content/listing';
import { isSlug } from '@/lib/content/slug';
import { breadcrumbData } from '@/lib/seo/structured-data';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  const topic = isSlug(slug) ? await getTopicBySlug(slug) : null;
  if (!topic) notFound();
  return topic;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const topic = await load(params);
  const { page } = parseListingParams(await searchParams);
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

export default async function TopicPage({ params, searchParams }: Props) {
  const topic = await load(params);
  const { page } = parseListingParams(await searchParams);
  const result = await getArticlePage({ topicSlug: topic.slug }, page, listingPageSize);
  if (!result) notFound();
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
