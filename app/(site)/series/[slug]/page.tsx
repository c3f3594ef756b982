import { personPath } from '@/lib/content/people';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleListing } from '@/components/articles/article-listing';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getSeriesBySlug } from '@/lib/content/cached';
import { listingPath } from '@/lib/content/listing';
import { loadOwnedListing, type OwnedListingProps } from '@/lib/content/owned-listing';
import { breadcrumbData } from '@/lib/seo/structured-data';

type Props = OwnedListingProps;

const load = (props: Props) => loadOwnedListing(props, getSeriesBySlug, 'seriesSlug');

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { owner: series, page } = await load(props);
  const path = `/series/${series.slug}`;
  return {
    title: page > 1 ? `${series.name}, page ${page}` : series.name,
    description: series.description,
    alternates: {
      canonical: listingPath(path, { page }),
      types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: series.name }] },
    },
  };
}

export default async function SeriesPage(props: Props) {
  const { owner: series, result } = await load(props);
  const path = `/series/${series.slug}`;
  return (
    <>
      <PageHeading
        eyebrow={series.columnist ? 'Column' : 'Series'}
        title={series.name}
        description={series.description}
      >
        {series.columnist && (
          <p className="mt-3 text-sm">
            By{' '}
            <Link
              href={personPath(series.columnist.slug)}
              className="font-semibold text-navy hover:underline"
            >
              {series.columnist.name}
            </Link>
          </p>
        )}
        <FeedLink href={`${path}/feed.xml`} label={`RSS feed of ${series.name}`} />
      </PageHeading>
      <ArticleListing result={result} basePath={path} />
      <JsonLd
        data={breadcrumbData([
          { name: 'Home', path: '/' },
          { name: 'Series', path: '/series' },
          { name: series.name, path },
        ])}
      />
    </>
  );
}
