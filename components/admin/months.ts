// Months arrive as YYYY-MM calendar months; read in UTC, the first of the month stays in it.
const longMonth = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortMonth = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: '2-digit',
  timeZone: 'UTC',
});
const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** A chart bar's labels for a YYYY-MM month: "April 2025" and, under the bar, "Apr 25". */
export function monthLabels(month: string): { label: string; shortLabel: string } {
  return {
    label: longMonth.format(monthStart(month)),
    shortLabel: shortMonth.format(monthStart(month)),
  };
}
