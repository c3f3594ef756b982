import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/articles/article-listing';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { getArticlePage, getExpertBySlug } from '@/lib/content/cached';
import { listingPageSize, listingPath, parseListingParams } from '@/lib/content/listing';
import { isSlug } from '@/lib/content/slug';
import { breadcrumbData, personData } from '@/lib/seo/structured-data';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  const expert = isSlug(slug) ? await getExpertBySlug(slug) : null;
  if (!expert) notFound();
  return expert;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const expert = await load(params);
  const { page } = parseListingParams(await searchParams);
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

export default async function ExpertPage({ params, searchParams }: Props) {
  const expert = await load(params);
  const { page } = parseListingParams(await searchParams);
  const result = await getArticlePage({ authorSlug: expert.slug }, page, listingPageSize);
  if (!result) notFound();
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
      <ArticleListing result={result} basePath={path} headingLevel="h3" />
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
