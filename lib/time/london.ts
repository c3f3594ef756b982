/**
 * The Institute's clock: every date and time the site shows, takes or counts by is London's,
 * whatever the server's or the browser's time zone. The one place that names the zone. Free of
 * server modules: client components format dates with it too.
 */
export const londonZone = 'Europe/London';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: londonZone,
});

const monthYear = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: londonZone,
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

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: londonZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in London. */
export const londonDay = (instant: Date) => dayFormat.format(instant);

/** Today's date in London, as YYYY-MM-DD. */
export const londonToday = () => londonDay(new Date());

/** The year, month (1–12) and day of an instant in London. */
export function londonDateParts(date: Date): { year: number; month: number; day: number } {
  const [year, month, day] = londonDay(date).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const moment = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: londonZone,
});

/** A moment as staff read it in lists: "3 Dec 2026, 09:15", London time. */
export function formatMoment(value: Date | string): string {
  return moment.format(toDate(value));
}

// Editors schedule by the Institute's clock, whatever the server's or the browser's time zone.
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: londonZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const inputPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function londonParts(instant: number) {
  const parts = Object.fromEntries(clock.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far London's clock is ahead of UTC at an instant, in milliseconds. */
function londonOffset(instant: number): number {
  const p = londonParts(instant);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a `datetime-local` value ("2026-12-03T09:00") names on a London clock, or null if
 * it names no such time. A time skipped when the clocks go forward comes out an hour later; one
 * that happens twice when they go back is the second (GMT) one.
 */
export function fromLondonInput(value: string): Date | null {
  const match = inputPattern.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;
  // The offset at the wall time read as UTC is right except near a change of the clocks; a
  // second pass, at the instant the first one found, settles it.
  const first = wall - londonOffset(wall);
  return new Date(wall - londonOffset(first));
}

/** An instant as a `datetime-local` value on a London clock, to the minute. */
export function toLondonInput(date: Date): string {
  const p = londonParts(date.getTime());
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
