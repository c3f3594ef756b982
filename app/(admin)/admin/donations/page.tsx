import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { DonationFilterForm } from '@/components/admin/donation-filter-form';
import { DonationsTable, DonationTotalsTable } from '@/components/admin/donations-table';
import { MonthlyTotalsFigure } from '@/components/admin/monthly-totals';
import { EmptyState } from '@/components/ui/empty-state';
import { pageHref, Pagination } from '@/components/ui/pagination';
import { type DonationFilters, type Invalid } from '@/lib/admin/donations/filters';
import { listDonations, type DonationList } from '@/lib/admin/donations/list';
import { donationTotalsByMonth, type MonthlyTotals } from '@/lib/admin/donations/monthly-totals';
import { checkRole } from '@/lib/auth/viewer';
import { formatLongDate } from '@/lib/time/london';

export const metadata: Metadata = { title: 'Donations', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const linkClass = 'font-semibold text-accent underline hover:text-accent-dark';

export default async function AdminDonationsPage({ searchParams }: Props) {
  const access = await checkRole(['admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin%2Fdonations');
    forbidden();
  }
  const raw = await searchParams;
  const [list, months] = await Promise.all([
    listDonations(access.user, raw),
    donationTotalsByMonth(access.user, raw),
  ]);
  const values = {
    from: one(raw.from) ?? '',
    to: one(raw.to) ?? '',
    frequency: one(raw.frequency) ?? '',
    status: one(raw.status) ?? '',
    giftAid: one(raw.giftAid) ?? '',
  };
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">Donations</h1>
      <DonationFilterForm values={values} errors={list.ok ? {} : list.fieldErrors} />
      {list.ok ? (
        <Results list={list} />
      ) : (
        <p role="alert" className="mt-6 font-medium text-accent-dark">
          Correct the filters above to see donations.
        </p>
      )}
      <section aria-labelledby="months-heading" className="mt-12">
        <h2 id="months-heading" className="font-serif text-2xl font-semibold">
          Totals by month
        </h2>
        <Months totals={months} />
      </section>
    </div>
  );
}

function filterQuery(filters: DonationFilters) {
  const { from, to, frequency, status, giftAid } = filters;
  return { from, to, frequency, status, giftAid };
}

function Results({ list }: { list: DonationList }) {
  const { filters, totals } = list;
  const count = totals.count === 1 ? '1 donation' : `${totals.count} donations`;
  return (
    <section aria-labelledby="results-heading" className="mt-8">
      <h2 id="results-heading" className="font-serif text-2xl font-semibold">
        {count}
      </h2>
      <DonationTotalsTable totals={totals} />
      <ul className="mt-6 space-y-2">
        <li>
          <a
            href={pageHref('/admin/donations/export', 1, filterQuery(filters))}
            className={linkClass}
          >
            Download these donations (CSV)
          </a>
        </li>
        <li>
          {filters.from && filters.to ? (
            <a
              href={pageHref('/admin/donations/gift-aid', 1, {
                from: filters.from,
                to: filters.to,
              })}
              className={linkClass}
            >
              Download the Gift Aid claim schedule for {formatLongDate(filters.from)} to{' '}
              {formatLongDate(filters.to)} (CSV)
            </a>
          ) : (
            <span className="text-muted">
              Choose a start and an end date to download a Gift Aid claim schedule for them.
            </span>
          )}
        </li>
      </ul>
      {list.items.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No donations match these filters" />
        </div>
      ) : (
        <>
          <DonationsTable
            rows={list.items}
            caption={`Donations, newest first (page ${list.page} of ${list.pageCount})`}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            basePath="/admin/donations"
            query={filterQuery(filters)}
          />
        </>
      )}
    </section>
  );
}

function Months({ totals }: { totals: MonthlyTotals | Invalid }) {
  if (!totals.ok) {
    return (
      <p className="mt-2 font-medium text-accent-dark">
        {Object.values(totals.fieldErrors).join(' ')}
      </p>
    );
  }
  const period = `${formatLongDate(totals.from)} to ${formatLongDate(totals.to)}`;
  if (totals.currencies.length === 0) {
    return <p className="mt-2 text-muted">No gifts were paid from {period}.</p>;
  }
  return (
    <>
      <p className="mt-2 text-muted">
        Gifts paid from {period}, less refunds, by the month they were paid in (London time).
      </p>
      {totals.currencies.map((series) => (
        <MonthlyTotalsFigure key={series.currency} series={series} />
      ))}
    </>
  );
}
