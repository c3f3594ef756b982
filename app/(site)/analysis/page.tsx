import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleListing } from '@/components/articles/article-listing';
import { KindFilter } from '@/components/articles/kind-filter';
import { PageHeading } from '@/components/ui/page-heading';
import { getArticlePage } from '@/lib/content/cached';
import { articleKindLabels } from '@/lib/content/labels';
import { listingPageSize, listingPath, parseListingParams } from '@/lib/content/listing';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Past the last page is a 404 for the metadata as well as the page, so the title says so.
async function load(searchParams: Props['searchParams']) {
  const { kind, page } = parseListingParams(await searchParams);
  if (kind === 'press-release') permanentRedirect(listingPath('/press/releases', { page }));
  const result = await getArticlePage({ kind }, page, listingPageSize);
  if (!result) notFound();
  return { kind, page, result };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { kind, page } = await load(searchParams);
  const title = kind ? `${articleKindLabels[kind]}` : 'Analysis';
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    description: 'The Institute’s latest analysis, commentary, reports and briefings.',
    alternates: { canonical: listingPath('/analysis', { kind, page }) },
  };
}

export default async function AnalysisPage({ searchParams }: Props) {
  const { kind, result } = await load(searchParams);
  return (
    <>
      <PageHeading
        eyebrow="Research"
        title={kind ? articleKindLabels[kind] : 'Analysis'}
        description="Our latest analysis, commentary, reports and briefings, newest first."
      >
        <KindFilter basePath="/analysis" current={kind} />
      </PageHeading>
      <ArticleListing result={result} basePath="/analysis" query={{ kind }} />
    </>
  );
}
