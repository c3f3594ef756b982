import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/articles/article-listing';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getArticlePage, getSeriesBySlug } from '@/lib/content/cached';
import { listingPageSize, listingPath, parseListingParams } from '@/lib/content/listing';
import { isSlug } from '@/lib/content/slug';
import { breadcrumbData } from '@/lib/seo/structured-data';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  const series = isSlug(slug) ? await getSeriesBySlug(slug) : null;
  if (!series) notFound();
  return series;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const series = await load(params);
  const { page } = parseListingParams(await searchParams);
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

export default async function SeriesPage({ params, searchParams }: Props) {
  const series = await load(params);
  const { page } = parseListingParams(await searchParams);
  const result = await getArticlePage({ seriesSlug: series.slug }, page, listingPageSize);
  if (!result) notFound();
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
              href={`/experts/${series.columnist.slug}`}
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
