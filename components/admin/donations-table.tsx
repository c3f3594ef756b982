import { formatLongDate } from '@/lib/time/london';
import { formatMoney } from '@/lib/format/money';
import { donationFrequencyLabels, donationStatusLabels } from '@/lib/admin/donations/filters';
import { type DonationRow, type DonationTotals } from '@/lib/admin/donations/list';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export function DonationsTable({ rows, caption }: { rows: DonationRow[]; caption: string }) {
  return (
    <ScrollingTable className="mt-6">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-4">
            Date
          </th>
          <th scope="col" className="py-2 pr-4">
            Donor
          </th>
          <th scope="col" className="py-2 pr-4">
            Frequency
          </th>
          <th scope="col" className="py-2 pr-4">
            Status
          </th>
          <th scope="col" className="py-2 pr-4">
            Gift Aid
          </th>
          <th scope="col" className="py-2 text-right">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-rule align-top">
            <td className="py-2 pr-4 whitespace-nowrap">
              {formatLongDate(row.paidAt ?? row.createdAt)}
            </td>
            <td className="py-2 pr-4">
              <span className="block">{row.donorName ?? '—'}</span>
              <span className="block text-muted">{row.email ?? 'No e-mail address'}</span>
              {row.anonymous && <span className="block text-muted">Asked to stay anonymous</span>}
            </td>
            <td className="py-2 pr-4">{donationFrequencyLabels[row.frequency]}</td>
            <td className="py-2 pr-4">
              {donationStatusLabels[row.status]}
              {row.status === 'succeeded' && row.refundedAmountMinor > 0 && (
                <span className="block text-muted">
                  {formatMoney(row.refundedAmountMinor, row.currency)} refunded
                </span>
              )}
            </td>
            <td className="py-2 pr-4">{row.giftAid ? 'Yes' : 'No'}</td>
            <td className="py-2 text-right tabular-nums">
              {formatMoney(row.amountMinor, row.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

export function DonationTotalsTable({ totals }: { totals: DonationTotals }) {
  if (totals.byCurrency.length === 0) {
    return <p className="mt-4 text-muted">None of these donations has been paid.</p>;
  }
  return (
    <table className="mt-4 w-full max-w-2xl text-left text-sm">
      <caption className="mb-2 text-left font-semibold">Paid donations among these</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-4">
            Currency
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Gifts paid
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Paid
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Refunded
          </th>
          <th scope="col" className="py-2 text-right">
            Kept
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.byCurrency.map((total) => (
          <tr key={total.currency} className="border-b border-rule">
            <th scope="row" className="py-2 pr-4">
              {total.currency}
            </th>
            <td className="py-2 pr-4 text-right tabular-nums">{total.paidCount}</td>
            <td className="py-2 pr-4 text-right tabular-nums">
              {formatMoney(total.paidMinor, total.currency)}
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">
              {formatMoney(total.refundedMinor, total.currency)}
            </td>
            <td className="py-2 text-right tabular-nums">
              {formatMoney(total.netMinor, total.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
