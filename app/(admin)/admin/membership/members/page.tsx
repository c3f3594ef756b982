import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart } from '@/components/admin/bar-chart';
import { monthLabels } from '@/components/admin/months';
import { SelectInput } from '@/components/admin/form-controls';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { formatMoney } from '@/lib/format/money';
import {
  countByTier,
  listGiftsForAdmin,
  listMembershipsForAdmin,
  memberFilterSchema,
  membershipRevenue,
  membershipStates,
  type CurrencyRevenue,
} from '@/lib/membership/admin-reads';
import { stateLabels } from '@/lib/membership/standing';
import { listTiers } from '@/lib/membership/tiers';
import { formatLongDate } from '@/lib/time/london';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../staff';
import { endGrantAction } from './actions';
import { GrantForm } from './grant-form.client';

export const metadata: Metadata = { title: 'Members by tier', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Shown at most; the CSV has every row.
const shownRows = 200;

const sources = { stripe: 'Paid', complimentary: 'Complimentary', gift: 'Gift' } as const;

const giftStates = {
  pending: 'Checkout not finished',
  expired: 'Not paid',
  paid: 'Paid, waiting for its day',
  delivered: 'Sent',
  redeemed: 'Redeemed',
  refunded: 'Refunded',
} as const;

export default async function AdminMembersByTierPage({ searchParams }: Props) {
  const admin = await requireStaff('/admin/membership/members', ['admin']);
  const raw = await searchParams;
  const filter = memberFilterSchema.parse({
    tier: firstParam(raw.tier),
    state: firstParam(raw.state),
  });
  const [tiers, rows, everyone, revenue, gifts] = await Promise.all([
    listTiers(),
    listMembershipsForAdmin(admin, filter),
    listMembershipsForAdmin(admin, { state: 'current' }),
    membershipRevenue(admin),
    listGiftsForAdmin(admin),
  ]);
  const counts = countByTier(everyone);
  const query = new URLSearchParams();
  if (filter.tier) query.set('tier', filter.tier);
  query.set('state', filter.state);
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">Members by tier</h1>
      <p className="mt-2">
        <Link href="/admin/membership" className="text-accent underline">
          Membership tiers
        </Link>
      </p>
      {firstParam(raw.ended) === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Complimentary membership ended.
        </p>
      )}

      <section aria-labelledby="summary-heading" className="mt-8">
        <h2 id="summary-heading" className="font-serif text-2xl font-semibold">
          Current memberships
        </h2>
        {counts.length === 0 ? (
          <p className="mt-2 text-muted">Nobody holds a tier yet.</p>
        ) : (
          <ScrollingTable className="mt-4">
            <caption className="sr-only">Current memberships by tier and state</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  Tier
                </th>
                {membershipStates
                  .filter((state) => state !== 'ended')
                  .map((state) => (
                    <th key={state} scope="col" className="py-2 pr-4 text-right">
                      {stateLabels[state]}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {counts.map((entry) => (
                <tr key={entry.tierId} className="border-b border-rule">
                  <th scope="row" className="py-2 pr-4 font-semibold">
                    {entry.tierName}
                  </th>
                  {membershipStates
                    .filter((state) => state !== 'ended')
                    .map((state) => (
                      <td key={state} className="py-2 pr-4 text-right tabular-nums">
                        {entry.counts[state] ?? 0}
                      </td>
                    ))}
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        )}
      </section>

      <section aria-labelledby="revenue-heading" className="mt-12">
        <h2 id="revenue-heading" className="font-serif text-2xl font-semibold">
          Recurring revenue and churn
        </h2>
        <p className="mt-2 max-w-3xl text-muted">
          Monthly recurring revenue at each month&rsquo;s end (a yearly price counts a twelfth; a
          free trial counts nothing), and churn: paid memberships that ended in the month, as a
          share of those running at its start.
        </p>
        {revenue.length === 0 ? (
          <p className="mt-4 text-muted">No paid memberships yet.</p>
        ) : (
          revenue.map((series) => <RevenueFigure key={series.currency} series={series} />)
        )}
      </section>

      <section aria-labelledby="list-heading" className="mt-12">
        <h2 id="list-heading" className="font-serif text-2xl font-semibold">
          Memberships
        </h2>
        <form method="get" className="mt-4 flex flex-wrap items-end gap-4">
          <SelectInput
            id="filter-tier"
            name="tier"
            label="Tier"
            defaultValue={filter.tier ?? ''}
            options={[
              { value: '', label: 'Every tier' },
              ...tiers.map((tier) => ({ value: tier.id, label: tier.name })),
            ]}
          />
          <SelectInput
            id="filter-state"
            name="state"
            label="Standing"
            defaultValue={filter.state}
            options={[
              { value: 'current', label: 'Not ended' },
              { value: 'all', label: 'All, ended included' },
              ...membershipStates.map((state) => ({ value: state, label: stateLabels[state] })),
            ]}
          />
          <button type="submit" className="rounded bg-navy px-4 py-2 font-semibold text-white">
            Show
          </button>
          <a
            href={`/admin/membership/members/export?${query}`}
            className="px-2 py-2 font-semibold text-accent underline"
          >
            Download CSV
          </a>
        </form>
        {rows.length === 0 ? (
          <div className="mt-6">
            <EmptyState title="No memberships match" />
          </div>
        ) : (
          <ScrollingTable className="mt-6">
            <caption className="sr-only">Memberships matching the filters</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                {[
                  'Member',
                  'Tier',
                  'Kind',
                  'Standing',
                  'Price',
                  'Started',
                  'Renews or ends',
                  '',
                ].map((heading, index) => (
                  <th key={heading || index} scope="col" className="py-2 pr-4">
                    {heading || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shownRows).map((row) => (
                <tr key={row.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-4">
                    {row.name && <span className="block font-semibold">{row.name}</span>}
                    {row.email ?? <span className="text-muted">Account deleted</span>}
                  </td>
                  <td className="py-2 pr-4">{row.tierName}</td>
                  <td className="py-2 pr-4">
                    {sources[row.source]}
                    {row.note && <span className="block text-sm text-muted">{row.note}</span>}
                  </td>
                  <td className="py-2 pr-4">
                    {stateLabels[row.state]}
                    {row.endedReason && (
                      <span className="block text-sm text-muted">{row.endedReason}</span>
                    )}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {row.amountMinor !== null && row.currency
                      ? `${formatMoney(row.amountMinor, row.currency)} / ${row.interval}`
                      : '—'}
                  </td>
                  <td className="py-2 pr-4">{formatLongDate(row.startedAt)}</td>
                  <td className="py-2 pr-4">{row.nextAt ? formatLongDate(row.nextAt) : '—'}</td>
                  <td className="py-2">
                    {row.source === 'complimentary' && row.state !== 'ended' && (
                      <form action={endGrantAction}>
                        <input type="hidden" name="membershipId" value={row.id} />
                        <button
                          type="submit"
                          className="text-sm font-semibold text-accent underline"
                        >
                          End now
                          <span className="sr-only"> for {row.email}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        )}
        {rows.length > shownRows && (
          <p className="mt-2 text-muted">
            The first {shownRows} of {rows.length} are shown; the CSV has them all.
          </p>
        )}
      </section>

      <section aria-labelledby="gifts-heading" className="mt-12">
        <h2 id="gifts-heading" className="font-serif text-2xl font-semibold">
          Gift memberships
        </h2>
        {gifts.length === 0 ? (
          <p className="mt-2 text-muted">Nobody has bought a gift membership yet.</p>
        ) : (
          <ScrollingTable className="mt-4">
            <caption className="sr-only">The latest gift memberships bought</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                {['From', 'For', 'Gift', 'Price', 'Send on', 'State'].map((heading) => (
                  <th key={heading} scope="col" className="py-2 pr-4">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {gifts.map((gift) => (
                <tr key={gift.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-4">{gift.buyerName}</td>
                  <td className="py-2 pr-4">
                    {gift.recipientName}
                    <span className="block text-sm text-muted">{gift.recipientEmail}</span>
                  </td>
                  <td className="py-2 pr-4">
                    {gift.tierName}, {gift.months === 12 ? '1 year' : `${gift.months} months`}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {formatMoney(gift.amountMinor, gift.currency)}
                  </td>
                  <td className="py-2 pr-4">{formatLongDate(`${gift.deliverOn}T12:00:00Z`)}</td>
                  <td className="py-2">{giftStates[gift.status]}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        )}
      </section>

      <section aria-labelledby="grant-heading" className="mt-12">
        <h2 id="grant-heading" className="font-serif text-2xl font-semibold">
          Give a complimentary membership
        </h2>
        <p className="mt-2 max-w-3xl text-muted">
          For trustees, speakers, partners or anyone invited: any tier, hidden ones included, free
          of charge, for a period or with no end. It is audited with your note.
        </p>
        {tiers.length === 0 ? (
          <p className="mt-4 text-muted">Create a tier first.</p>
        ) : (
          <div className="mt-4">
            <GrantForm tiers={tiers.map((tier) => ({ id: tier.id, name: tier.name }))} />
          </div>
        )}
      </section>
    </div>
  );
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

function RevenueFigure({ series }: { series: CurrencyRevenue }) {
  const money = (minor: number) => formatMoney(minor, series.currency);
  const bars = series.months.map((entry) => ({
    ...monthLabels(entry.month),
    value: entry.mrrMinor,
    valueLabel: money(entry.mrrMinor),
  }));
  return (
    <BarChart title={`Monthly recurring revenue in ${series.currency}`} bars={bars}>
      <ScrollingTable>
        <caption className="mb-2 text-left font-semibold">
          Revenue and churn by month in {series.currency}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              Month
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              MRR
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Joined
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Ended
            </th>
            <th scope="col" className="py-2 text-right">
              Churn
            </th>
          </tr>
        </thead>
        <tbody>
          {series.months.map((entry, index) => (
            <tr key={entry.month} className="border-b border-rule">
              <th scope="row" className="py-1 pr-3 font-normal">
                {bars[index]!.label}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{money(entry.mrrMinor)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{entry.joined}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{entry.ended}</td>
              <td className="py-1 text-right tabular-nums">{percent(entry.churn)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </BarChart>
  );
}
