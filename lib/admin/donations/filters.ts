// What the donation pages of the admin read from a URL or form (filters, periods), and the labels
// and London days they show.
import 'server-only';
import { and, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  donationFrequencies,
  donationStatuses,
  type DonationFrequency,
  type DonationStatus,
} from '@/db/schema';
import { londonToday, londonZone } from '@/lib/time/london';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';

export const donationFrequencyLabels: Record<DonationFrequency, string> = {
  one_off: 'One-off',
  monthly: 'Monthly',
};

export const donationStatusLabels: Record<DonationStatus, string> = {
  pending: 'Pending',
  checkout_failed: 'Checkout failed',
  awaiting_payment: 'Awaiting payment',
  succeeded: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded in full',
};

export type Invalid = { ok: false; reason: 'invalid'; fieldErrors: FieldErrors };

export const invalid = (error: z.ZodError): Invalid => ({
  ok: false,
  reason: 'invalid',
  fieldErrors: fieldErrors(error),
});

// ---- Days and months in London, where the charity keeps its books.

export const londonZoneSql = sql.raw(`'${londonZone}'`);

function addMonths(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + months, 1)).toISOString().slice(0, 7);
}

// Ten years of monthly totals at most.
const maxMonths = 120;

export function monthsFrom(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  for (let month = fromDay.slice(0, 7); month <= toDay.slice(0, 7); month = addMonths(month, 1)) {
    months.push(month);
    // One past the limit is enough to refuse a period; a typo like year 0202 could be huge.
    if (months.length > maxMonths) break;
  }
  return months;
}

/** Whether an instant falls on or between two London calendar days. */
export function withinDays(instant: SQL | AnyPgColumn, from?: string, to?: string) {
  return and(
    from ? sql`${instant} >= (${from}::date)::timestamp at time zone ${londonZoneSql}` : undefined,
    to ? sql`${instant} < (${to}::date + 1)::timestamp at time zone ${londonZoneSql}` : undefined,
  );
}

// ---- Filters, as read from a URL or a GET form: strings, possibly blank or repeated.

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
export const blankToUndefined = (value: unknown) => {
  const one = first(value);
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const day = (label: string) =>
  z
    .string(`Enter the ${label}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date, like 2025-04-06.`)
    .refine(isRealDay, `The ${label} is not a real date.`)
    .refine(
      (value) => value >= '1900' && value < '3000',
      `Enter a ${label} between the years 1900 and 2999.`,
    );

export const optionalDay = (label: string) => z.preprocess(blankToUndefined, day(label).optional());
const requiredDay = (label: string) => z.preprocess(blankToUndefined, day(label));

export const inOrder = (period: { from?: string; to?: string }) =>
  !period.from || !period.to || period.from <= period.to;
export const orderIssue = {
  path: ['to'],
  message: 'The end date must be on or after the start date.',
};

export const donationFiltersSchema = z
  .object({
    from: optionalDay('start date'),
    to: optionalDay('end date'),
    frequency: z.preprocess(
      blankToUndefined,
      z.enum(donationFrequencies, 'Choose one-off, monthly or any frequency.').optional(),
    ),
    status: z.preprocess(
      blankToUndefined,
      z.enum(donationStatuses, 'Choose a status from the list.').optional(),
    ),
    giftAid: z.preprocess(
      blankToUndefined,
      z.enum(['yes', 'no'], 'Choose with Gift Aid, without Gift Aid, or either.').optional(),
    ),
  })
  .refine(inOrder, orderIssue);

export type DonationFilters = z.output<typeof donationFiltersSchema>;

type Raw = string | string[] | number | undefined;

/** Filters as they come from a URL; parsed and checked by each function. */
export type DonationFilterInput = Partial<Record<keyof DonationFilters | 'page' | 'pageSize', Raw>>;

// Paging is not worth an error message: anything odd shows the first page.
export const pagingSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
  pageSize: z.preprocess(first, z.coerce.number().int().min(1).max(200).catch(50)),
});

export const monthlyTotalsSchema = z
  .object({ from: optionalDay('start date'), to: optionalDay('end date') })
  .refine(inOrder, orderIssue)
  .transform(({ from, to }) => {
    const end = to ?? (from && from > londonToday() ? from : londonToday());
    return { from: from ?? `${addMonths(end.slice(0, 7), -11)}-01`, to: end };
  })
  .refine((period) => monthsFrom(period.from, period.to).length <= maxMonths, {
    path: ['from'],
    message: 'Monthly totals cover at most ten years: choose a later start date.',
  });

export const giftAidPeriodSchema = z
  .object({
    from: requiredDay('first day of the claim period'),
    to: requiredDay('last day of the claim period'),
  })
  .refine(inOrder, orderIssue);

export type GiftAidPeriod = z.output<typeof giftAidPeriodSchema>;
