import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { formatGiftSum } from '@/lib/giving/donation-amount';
import { listTiers } from '@/lib/membership/tiers';
import { requireStaff } from '../staff';

export const metadata: Metadata = { title: 'Membership tiers', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminMembershipPage({ searchParams }: Props) {
  await requireStaff('/admin/membership', ['admin']);
  const [tiers, query] = await Promise.all([listTiers(), searchParams]);
  const price = (minor: number | null, currency: string) =>
    minor === null ? '—' : formatGiftSum(minor, currency);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Membership tiers</h1>
        <Link
          href="/admin/membership/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New tier
        </Link>
      </div>
      <p className="mt-4 max-w-2xl text-muted">
        Paid tiers come on top of the free account every member has. A hidden tier is not on the
        membership page: it is for complimentary or invited members.
      </p>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Tier deleted.
        </p>
      )}
      {tiers.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No tiers yet">
            Create a tier with a monthly or yearly price, or both, and the benefits it gives.
          </EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Membership tiers, in the order shown</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Monthly
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Yearly
              </th>
              <th scope="col" className="py-2 pr-4">
                Trial
              </th>
              <th scope="col" className="py-2 pr-4">
                Shown
              </th>
              <th scope="col" className="py-2">
                Gift Aid
              </th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.id} className="border-b border-rule">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/membership/${tier.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {tier.name}
                  </Link>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {price(tier.monthlyPriceMinor, tier.currency)}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {price(tier.yearlyPriceMinor, tier.currency)}
                </td>
                <td className="py-2 pr-4">{tier.trialDays ? `${tier.trialDays} days` : '—'}</td>
                <td className="py-2 pr-4">{tier.visible ? 'Yes' : 'Hidden'}</td>
                <td className="py-2">{tier.giftAidEligible ? 'Eligible' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
