import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicationCard } from '@/components/articles/publication-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { getPublicationPage, getPublicationYears } from '@/lib/content/cached';
import { listingPageSize } from '@/lib/content/listing';
import { publicationKindList, publicationKindPlurals } from '@/lib/publications/kinds';
import {
  parsePublicationParams,
  publicationsPath,
  type PublicationParams,
  type PublicationSummary,
} from '@/lib/publications/listing';
import { londonDateParts } from '@/lib/time/london';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load(searchParams: Props['searchParams']) {
  const params = parsePublicationParams(await searchParams);
  const { kind, year, page } = params;
  const [result, years] = await Promise.all([
    getPublicationPage({ kind, year }, page, listingPageSize),
    getPublicationYears(),
  ]);
  if (!result) notFound();
  return { params, result, years };
}

function heading({ kind, year }: PublicationParams) {
  return [kind ? publicationKindPlurals[kind] : 'Publications', year].filter(Boolean).join(', ');
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { params } = await load(searchParams);
  const title = heading(params);
  return {
    title: params.page > 1 ? `${title}, page ${params.page}` : title,
    description: 'The Institute’s reports, briefings and papers, with their PDFs.',
    alternates: { canonical: publicationsPath(params) },
  };
}

function FilterLinks({
  label,
  caption,
  options,
}: {
  label: string;
  caption: string;
  options: { href: string; label: string; active: boolean }[];
}) {
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap items-center gap-2">
        <li className="mr-1 text-sm font-semibold text-muted" aria-hidden="true">
          {caption}:
        </li>
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.active ? 'page' : undefined}
              className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${
                option.active
                  ? 'border-navy bg-navy text-white'
                  : 'border-rule text-ink hover:border-navy hover:text-navy'
              }`}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page's publications grouped under the year they appeared, London time. */
function byYear(items: PublicationSummary[]): [number, PublicationSummary[]][] {
  const groups = new Map<number, PublicationSummary[]>();
  for (const item of items) {
    const year = londonDateParts(new Date(item.publishedAt)).year;
    groups.set(year, [...(groups.get(year) ?? []), item]);
  }
  return [...groups];
}

export default async function PublicationsPage({ searchParams }: Props) {
  const { params, result, years } = await load(searchParams);
  const { kind, year } = params;
  return (
    <>
      <PageHeading
        eyebrow="Research"
        title={heading(params)}
        description="Our reports, briefings and papers, newest first, with the PDF of each that has one."
      >
        <FilterLinks
          label="Filter by type"
          caption="Type"
          options={[
            { href: publicationsPath({ year }), label: 'All types', active: !kind },
            ...publicationKindList.map((value) => ({
              href: publicationsPath({ kind: value, year }),
              label: publicationKindPlurals[value],
              active: kind === value,
            })),
          ]}
        />
        {years.length > 0 && (
          <FilterLinks
            label="Filter by year"
            caption="Year"
            options={[
              { href: publicationsPath({ kind }), label: 'All years', active: !year },
              ...years.map((value) => ({
                href: publicationsPath({ kind, year: value }),
                label: String(value),
                active: year === value,
              })),
            ]}
          />
        )}
      </PageHeading>
      {result.items.length === 0 ? (
        <EmptyState title="No publications here yet">
          <p>Reports, briefings and papers appear here as soon as they are published.</p>
        </EmptyState>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {result.total} {result.total === 1 ? 'publication' : 'publications'}, page {result.page}{' '}
            of {result.pageCount}
          </p>
          {byYear(result.items).map(([groupYear, items]) => (
            <section key={groupYear} aria-labelledby={`year-${groupYear}`} className="mt-10">
              <h2 id={`year-${groupYear}`} className="font-serif text-2xl font-semibold">
                {groupYear}
              </h2>
              <ul className="mt-4 space-y-6">
                {items.map((item) => (
                  <li key={item.id}>
                    <PublicationCard publication={item} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/publications"
            query={{ kind, year: year ? String(year) : undefined }}
          />
        </>
      )}
    </>
  );
}
