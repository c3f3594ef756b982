const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString();
}
