import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/articles/article-listing';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getArticlePage } from '@/lib/content/cached';
import { listingPageSize, listingPath, parseListingParams } from '@/lib/content/listing';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const basePath = '/press/releases';

// Past the last page is a 404 for the metadata as well as the page, so the title says so.
async function load(searchParams: Props['searchParams']) {
  const { page } = parseListingParams(await searchParams);
  const result = await getArticlePage({ kind: 'press-release' }, page, listingPageSize);
  if (!result) notFound();
  return { page, result };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { page } = await load(searchParams);
  return {
    title: page > 1 ? `Press releases, page ${page}` : 'Press releases',
    description: 'The Institute’s announcements and statements for the press, newest first.',
    alternates: {
      canonical: listingPath(basePath, { page }),
      types: { 'application/rss+xml': [{ url: `${basePath}/feed.xml`, title: 'Press releases' }] },
    },
  };
}

export default async function PressReleasesPage({ searchParams }: Props) {
  const { result } = await load(searchParams);
  return (
    <>
      <PageHeading
        eyebrow="Press office"
        title="Press releases"
        description="Our announcements and statements for the press, newest first."
      >
        <FeedLink href={`${basePath}/feed.xml`} label="RSS feed of press releases" />
      </PageHeading>
      <ArticleListing result={result} basePath={basePath} emptyTitle="No press releases yet" />
    </>
  );
}
