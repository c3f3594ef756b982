import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleMeta } from '@/components/articles/article-meta';
import { KindLabel } from '@/components/articles/kind-label';
import { NameMatches } from '@/components/search/name-matches';
import { SearchForm } from '@/components/search/search-form';
import { Snippet } from '@/components/search/snippet';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { readerOf } from '@/lib/membership/reader';
import { getViewer } from '@/lib/auth/viewer';
import { getAllExperts, getAllTopics } from '@/lib/content/cached';
import { searchSite } from '@/lib/search/site-search';
import { parseSearchParams } from '@/lib/search/query';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  return {
    title: q ? `Search: ${q}` : 'Search',
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = parseSearchParams(await searchParams);
  // A verified member's search also matches and quotes members-only bodies.
  const reader = await readerOf(await getViewer());
  const [found, topics, experts] = await Promise.all([
    searchSite(params, reader),
    getAllTopics(),
    getAllExperts(),
  ]);
  const results = found.articles;
  const query = {
    q: params.q,
    kind: params.kind,
    topic: params.topic,
    author: params.author,
    from: params.from,
    to: params.to,
  };

  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-semibold sm:mb-6 sm:text-4xl">Search</h1>
      <SearchForm params={params} topics={topics} experts={experts} />
      <NameMatches experts={found.experts} series={found.series} />
      <section aria-labelledby="results-heading" className="mt-6 sm:mt-10">
        {!params.q ? (
          <>
            <h2 id="results-heading" className="font-serif text-2xl font-semibold">
              Browse instead
            </h2>
            <p className="mt-3 text-muted">
              Type a few words above, or browse{' '}
              <Link href="/topics" className="text-accent underline">
                topics and regions
              </Link>
              ,{' '}
              <Link href="/series" className="text-accent underline">
                series
              </Link>{' '}
              and{' '}
              <Link href="/people" className="text-accent underline">
                people
              </Link>
              .
            </p>
          </>
        ) : results.total === 0 ? (
          <>
            <h2 id="results-heading" className="sr-only">
              Results
            </h2>
            <EmptyState
              title={
                found.experts.length || found.series.length
                  ? `No articles for “${params.q}”`
                  : `No results for “${params.q}”`
              }
            >
              <p>Try fewer or different words, check the spelling, or remove a filter.</p>
              <p className="mt-2">
                Phrases go in quotes (“fiscal rules”), <code>or</code> finds either word, and a
                minus sign excludes one (energy -nuclear).
              </p>
            </EmptyState>
          </>
        ) : (
          <>
            <h2
              id="results-heading"
              className="font-serif text-2xl font-semibold"
              aria-live="polite"
            >
              {results.moreMatches
                ? `More than ${results.total} results`
                : `${results.total} ${results.total === 1 ? 'result' : 'results'}`}{' '}
              for “{params.q}”
            </h2>
            {results.moreMatches && (
              <p className="mt-2 text-muted">
                These are the {results.total} most recent matches, best first. Choose a type, topic,
                author or dates to reach older work.
              </p>
            )}
            <ol className="mt-2 divide-y divide-rule sm:mt-6">
              {results.items.map((result) => (
                <li key={result.id} className="py-4 sm:py-6">
                  <KindLabel
                    kind={result.kind}
                    series={result.series}
                    visibility={result.visibility}
                  />
                  <h3 className="mt-2 font-serif text-xl font-semibold">
                    <Link
                      href={`/articles/${result.slug}`}
                      className="hover:text-accent hover:underline"
                    >
                      {result.title}
                    </Link>
                  </h3>
                  <Snippet text={result.snippet} from={result.snippetFrom} />
                  <div className="mt-2">
                    <ArticleMeta authors={result.authors} publishedAt={result.publishedAt} />
                  </div>
                </li>
              ))}
            </ol>
            <Pagination
              page={results.page}
              pageCount={results.pageCount}
              basePath="/search"
              query={query}
            />
          </>
        )}
      </section>
    </>
  );
}
