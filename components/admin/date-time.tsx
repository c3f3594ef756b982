import { formatMoment } from '@/lib/time/london';
/** A moment as the Institute's staff read it: London time, to the minute. */
export function DateTime({ value }: { value: Date | string }) {
  const date = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{formatMoment(date)}</time>;
}
