import type { Metadata } from 'next';
import Link from 'next/link';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { formatMoney } from '@/lib/format/money';
import { funderBandLabels } from '@/lib/funding/bands';
import { getFundingReport } from '@/lib/funding/funding';
import { requireStaff } from '../staff';

export const metadata: Metadata = { title: 'Funding', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const action = 'rounded border border-navy px-4 py-2 font-semibold text-navy';

export default async function AdminFundingPage({ searchParams }: Props) {
  await requireStaff('/admin/funding', ['admin']);
  const [years, query] = await Promise.all([getFundingReport(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Funding</h1>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/admin/funding/funders/new"
            className="rounded bg-navy px-4 py-2 font-semibold text-white"
          >
            Add a funder
          </Link>
          <Link href="/admin/funding/years/new" className={action}>
            Record a year’s income
          </Link>
        </div>
      </div>
      <p className="mt-2 max-w-prose text-muted">
        Shown on every page that has “Show the funders table” ticked, newest year first. Funders of
        £5,000 or more are named; gifts under £5,000 are counted but not named.
      </p>
      {(query.saved === '1' || query.deleted === '1') && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          {query.saved === '1' ? 'Saved.' : 'Deleted.'} The funding page shows it now.
        </p>
      )}
      {years.length === 0 && <p className="mt-8">No funding recorded yet.</p>}
      {years.map((year) => (
        <section key={year.year} aria-labelledby={`year-${year.year}`} className="mt-10">
          <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
            <h2 id={`year-${year.year}`} className="font-serif text-2xl font-semibold">
              {year.year}
            </h2>
            <p>
              Total income:{' '}
              {year.totalIncomePence === null ? (
                <Link
                  href={`/admin/funding/years/new?year=${year.year}`}
                  className="text-navy underline"
                >
                  not recorded<span className="sr-only"> for {year.year}: record it</span>
                </Link>
              ) : (
                <>
                  <strong>{formatMoney(year.totalIncomePence, 'GBP')}</strong>{' '}
                  <Link href={`/admin/funding/years/${year.year}`} className="text-navy underline">
                    Edit<span className="sr-only"> the income for {year.year}</span>
                  </Link>
                </>
              )}
            </p>
          </div>
          {year.funders.length === 0 ? (
            <p className="mt-3 text-muted">No funders recorded for {year.year}.</p>
          ) : (
            <ScrollingTable className="mt-4">
              <caption className="sr-only">Funders in {year.year}, highest band first</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    Funder
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Band
                  </th>
                  <th scope="col" className="py-2">
                    Purpose
                  </th>
                </tr>
              </thead>
              <tbody>
                {year.funders.map((funder) => (
                  <tr key={funder.id} className="border-b border-rule align-top">
                    <td className="py-2 pr-4">
                      <Link
                        href={`/admin/funding/funders/${funder.id}`}
                        className="font-semibold text-navy underline"
                      >
                        {funder.name}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap py-2 pr-4">{funderBandLabels[funder.band]}</td>
                    <td className="py-2">{funder.purpose}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
          )}
        </section>
      ))}
    </div>
  );
}
