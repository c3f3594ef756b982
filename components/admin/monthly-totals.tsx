import { formatMoney } from '@/lib/format/money';
import type { CurrencyMonths } from '@/lib/admin/donations/monthly-totals';
import { BarChart } from './bar-chart';
import { monthLabels } from './months';
import { ScrollingTable } from '@/components/ui/scrolling-table';

const gifts = (count: number) => (count === 1 ? '1 gift' : `${count} gifts`);

/** One currency's money kept by month, as a chart with its table beside it. */
export function MonthlyTotalsFigure({ series }: { series: CurrencyMonths }) {
  const money = (minor: number) => formatMoney(minor, series.currency);
  const title = `Donations kept in ${series.currency} by month`;
  const bars = series.months.map((entry) => ({
    ...monthLabels(entry.month),
    value: entry.totalMinor,
    valueLabel: money(entry.totalMinor),
  }));
  return (
    <BarChart title={title} bars={bars}>
      <ScrollingTable>
        <caption className="mb-2 text-left font-semibold">
          Totals by month in {series.currency}: paid minus refunded
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              Month
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              One-off
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Monthly
            </th>
            <th scope="col" className="py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {series.months.map((entry, index) => (
            <tr key={entry.month} className="border-b border-rule align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {bars[index]!.label}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">
                {money(entry.oneOffMinor)}
                <span className="block text-muted">{gifts(entry.oneOffCount)}</span>
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">
                {money(entry.monthlyMinor)}
                <span className="block text-muted">{gifts(entry.monthlyCount)}</span>
              </td>
              <td className="py-1 text-right tabular-nums">{money(entry.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-ink font-semibold">
            <th scope="row" colSpan={3} className="py-2 pr-3">
              Whole period
            </th>
            <td className="py-2 text-right tabular-nums">{money(series.totalMinor)}</td>
          </tr>
        </tfoot>
      </ScrollingTable>
    </BarChart>
  );
}
