const zone = 'Europe/London';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: zone,
});

const monthYear = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: zone,
});

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

export function formatLongDate(value: Date | string): string {
  return longDate.format(toDate(value));
}

export function formatMonthYear(value: Date | string): string {
  return monthYear.format(toDate(value));
}

/** Whether two instants fall on the same calendar day in London. */
export function isSameDay(a: Date | string, b: Date | string): boolean {
  return formatLongDate(a) === formatLongDate(b);
}
