import { ScrollingTable } from '@/components/ui/scrolling-table';
import { funderBandLabels } from '@/lib/funding/bands';
import type { FundingYearReport } from '@/lib/funding/funding';
import { formatMoney } from '@/lib/format/money';

const pounds = (pence: number) => formatMoney(pence, 'GBP').replace(/\.00$/, '');

/**
 * Each year's total income and its funders by band, highest first. Every funder of £5,000 or
 * more is named, as the transparency ratings ask; gifts under £5,000 are counted, not named, as
 * most come from private individuals.
 */
export function FundersTable({ years }: { years: FundingYearReport[] }) {
  return (
    <section aria-labelledby="funders-heading" className="mt-12 border-t border-rule pt-8">
      <h2 id="funders-heading" className="font-serif text-3xl font-semibold">
        Who funds us
      </h2>
      {years.length === 0 && <p className="mt-4">Our funding for the year is being compiled.</p>}
      {years.map((year) => {
        const named = year.funders.filter((funder) => funder.band !== 'under_5k');
        const smaller = year.funders.length - named.length;
        return (
          <section key={year.year} aria-labelledby={`funding-${year.year}`} className="mt-8">
            <h3 id={`funding-${year.year}`} className="font-serif text-2xl font-semibold">
              {year.year}
            </h3>
            {year.totalIncomePence !== null && (
              <p className="mt-2 text-lg">
                Total income: <strong>{pounds(year.totalIncomePence)}</strong>
                {year.note && <span className="block text-base text-muted">{year.note}</span>}
              </p>
            )}
            {named.length > 0 ? (
              <ScrollingTable className="mt-4">
                <caption className="mb-2 text-left text-base font-semibold text-ink">
                  Funders giving £5,000 or more in {year.year}, highest band first
                </caption>
                <thead>
                  <tr className="border-b-2 border-ink">
                    <th scope="col" className="py-2 pr-4">
                      Funder
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Amount given
                    </th>
                    <th scope="col" className="py-2">
                      Purpose
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {named.map((funder) => (
                    <tr key={funder.id} className="border-b border-rule align-top">
                      <th scope="row" className="py-2 pr-4 font-semibold">
                        {funder.url ? (
                          <a href={funder.url} className="text-navy underline" rel="noopener">
                            {funder.name}
                          </a>
                        ) : (
                          funder.name
                        )}
                      </th>
                      <td className="whitespace-nowrap py-2 pr-4">
                        {funderBandLabels[funder.band]}
                      </td>
                      <td className="py-2">{funder.purpose || 'General support'}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
            ) : (
              <p className="mt-4">No funder gave £5,000 or more in {year.year}.</p>
            )}
            {smaller > 0 && (
              <p className="mt-3 text-sm text-muted">
                We also received {smaller === 1 ? 'one gift' : `${smaller} gifts`} under £5,000 in{' '}
                {year.year}, which we count here but do not name.
              </p>
            )}
          </section>
        );
      })}
    </section>
  );
}
