const day = 24 * 60 * 60;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * The end of the billing period that starts at `start`, for a price charged every `count`
 * intervals. Months and years keep the anchor's day of the month where the month has it
 * (an anchor on the 31st bills on the 30th in April), as Stripe does.
 */
export function periodEnd(anchor: number, start: number, interval: string, count: number): number {
  if (interval === 'day') return start + count * day;
  if (interval === 'week') return start + count * 7 * day;
  const months = interval === 'year' ? 12 * count : count;
  const from = new Date(start * 1000);
  const anchorDate = new Date(anchor * 1000);
  const targetMonth = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(targetMonth / 12);
  const month = ((targetMonth % 12) + 12) % 12;
  const date = Math.min(anchorDate.getUTCDate(), daysInMonth(year, month));
  return (
    Date.UTC(
      year,
      month,
      date,
      anchorDate.getUTCHours(),
      anchorDate.getUTCMinutes(),
      anchorDate.getUTCSeconds(),
    ) / 1000
  );
}
