// Editors schedule by the Institute's clock, whatever the server's or the browser's time zone.
const zone = 'Europe/London';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
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
