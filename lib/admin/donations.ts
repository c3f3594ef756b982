import 'server-only';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
} from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  donationFrequencies,
  donations,
  donationStatuses,
  giftAidDeclarations,
  type Donation,
  type DonationFrequency,
  type DonationStatus,
} from '@/db/schema';
import type { Page } from '@/lib/content/types';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { assertAdmin, recordAdminAction, type AdminActor } from './audit';
import { londonDay, londonToday, londonZone } from '@/lib/time/london';

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

const invalid = (error: z.ZodError): Invalid => ({
  ok: false,
  reason: 'invalid',
  fieldErrors: fieldErrors(error),
});

// ---- Days and months in London, where the charity keeps its books.

const londonZoneSql = sql.raw(`'${londonZone}'`);

function addMonths(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + months, 1)).toISOString().slice(0, 7);
}

// Ten years of monthly totals at most.
const maxMonths = 120;

function monthsFrom(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  for (let month = fromDay.slice(0, 7); month <= toDay.slice(0, 7); month = addMonths(month, 1)) {
    months.push(month);
    // One past the limit is enough to refuse a period; a typo like year 0202 could be huge.
    if (months.length > maxMonths) break;
  }
  return months;
}

/** Whether an instant falls on or between two London calendar days. */
function withinDays(instant: SQL | typeof donations.paidAt, from?: string, to?: string) {
  return and(
    from ? sql`${instant} >= (${from}::date)::timestamp at time zone ${londonZoneSql}` : undefined,
    to ? sql`${instant} < (${to}::date + 1)::timestamp at time zone ${londonZoneSql}` : undefined,
  );
}

// ---- Filters, as read from a URL or a GET form: strings, possibly blank or repeated.

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
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

const optionalDay = (label: string) => z.preprocess(blankToUndefined, day(label).optional());
const requiredDay = (label: string) => z.preprocess(blankToUndefined, day(label));

const inOrder = (period: { from?: string; to?: string }) =>
  !period.from || !period.to || period.from <= period.to;
const orderIssue = { path: ['to'], message: 'The end date must be on or after the start date.' };

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
const pagingSchema = z.object({
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

// ---- The list.

// Unpaid gifts have no payment date; they are dated by when they were started.
const giftDate = sql`coalesce(${donations.paidAt}, ${donations.createdAt})`;
const paid = inArray(donations.status, ['succeeded', 'refunded']);

function filterCondition(filters: DonationFilters) {
  return and(
    withinDays(giftDate, filters.from, filters.to),
    filters.frequency ? eq(donations.frequency, filters.frequency) : undefined,
    filters.status ? eq(donations.status, filters.status) : undefined,
    filters.giftAid === 'yes' ? isNotNull(donations.giftAidDeclarationId) : undefined,
    filters.giftAid === 'no' ? isNull(donations.giftAidDeclarationId) : undefined,
  );
}

const rowColumns = {
  id: donations.id,
  createdAt: donations.createdAt,
  paidAt: donations.paidAt,
  frequency: donations.frequency,
  status: donations.status,
  amountMinor: donations.amountMinor,
  refundedAmountMinor: donations.refundedAmountMinor,
  currency: donations.currency,
  giftAidDeclarationId: donations.giftAidDeclarationId,
  donorName: donations.donorName,
  email: donations.email,
  anonymous: donations.anonymous,
};

export interface DonationRow extends Pick<
  Donation,
  | 'id'
  | 'frequency'
  | 'status'
  | 'amountMinor'
  | 'refundedAmountMinor'
  | 'currency'
  | 'donorName'
  | 'email'
  | 'anonymous'
> {
  createdAt: string;
  paidAt: string | null;
  giftAid: boolean;
}

async function selectRows(
  db: Database | Transaction,
  filters: DonationFilters,
  paging?: { limit: number; offset: number },
) {
  const query = db
    .select(rowColumns)
    .from(donations)
    .where(filterCondition(filters))
    .orderBy(desc(giftDate), desc(donations.id))
    .$dynamic();
  return paging ? query.limit(paging.limit).offset(paging.offset) : query;
}

function toRow({
  giftAidDeclarationId,
  createdAt,
  paidAt,
  ...row
}: Awaited<ReturnType<typeof selectRows>>[number]): DonationRow {
  return {
    ...row,
    createdAt: createdAt.toISOString(),
    paidAt: paidAt?.toISOString() ?? null,
    giftAid: giftAidDeclarationId !== null,
  };
}

export interface CurrencyTotal {
  currency: string;
  /** Gifts that were paid, including those refunded since. */
  paidCount: number;
  paidMinor: number;
  refundedMinor: number;
  netMinor: number;
}

export interface DonationTotals {
  /** Every donation matching the filters, paid or not. */
  count: number;
  byCurrency: CurrencyTotal[];
}

const poundsFirst = (a: { currency: string }, b: { currency: string }) =>
  Number(b.currency === 'GBP') - Number(a.currency === 'GBP') ||
  a.currency.localeCompare(b.currency);

export type DonationList = {
  ok: true;
  filters: DonationFilters;
  totals: DonationTotals;
} & Page<DonationRow>;

/** Donations matching the filters, newest first, with totals over all of them. */
export async function listDonations(
  actor: AdminActor,
  input: DonationFilterInput,
): Promise<DonationList | Invalid> {
  const db = getDb();
  await assertAdmin(db, actor);
  const parsed = donationFiltersSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const filters = parsed.data;
  const { page, pageSize } = pagingSchema.parse(input);
  const [rows, sums] = await Promise.all([
    selectRows(db, filters, { limit: pageSize, offset: (page - 1) * pageSize }),
    db
      .select({
        currency: donations.currency,
        count: count(),
        paidCount: sql<number>`count(*) filter (where ${paid})`.mapWith(Number),
        paidMinor:
          sql<number>`coalesce(sum(${donations.amountMinor}) filter (where ${paid}), 0)`.mapWith(
            Number,
          ),
        refundedMinor: sql<number>`coalesce(sum(${donations.refundedAmountMinor}), 0)`.mapWith(
          Number,
        ),
      })
      .from(donations)
      .where(filterCondition(filters))
      .groupBy(donations.currency),
  ]);
  const total = sums.reduce((sum, row) => sum + row.count, 0);
  return {
    ok: true,
    filters,
    items: rows.map(toRow),
    page,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    totals: {
      count: total,
      byCurrency: sums
        .filter((row) => row.paidCount > 0)
        .map(({ count: _count, ...row }) => ({
          ...row,
          netMinor: row.paidMinor - row.refundedMinor,
        }))
        .sort(poundsFirst),
    },
  };
}

// ---- Totals by month.

export interface MonthTotal {
  /** YYYY-MM, a calendar month in London. */
  month: string;
  /** Gifts kept, that is not refunded in full. */
  oneOffCount: number;
  oneOffMinor: number;
  monthlyCount: number;
  monthlyMinor: number;
  totalMinor: number;
}

export interface CurrencyMonths {
  currency: string;
  totalMinor: number;
  /** Every month of the period, those without gifts included. */
  months: MonthTotal[];
}

export type MonthlyTotals = { ok: true; from: string; to: string; currencies: CurrencyMonths[] };

/**
 * Money kept (paid minus refunded) by London calendar month of payment, per currency, one-off
 * and monthly gifts apart. A refund counts against the month of the gift it refunds. Without
 * dates, the twelve months up to today.
 */
export async function donationTotalsByMonth(
  actor: AdminActor,
  input: Pick<DonationFilterInput, 'from' | 'to'>,
): Promise<MonthlyTotals | Invalid> {
  const db = getDb();
  await assertAdmin(db, actor);
  const parsed = monthlyTotalsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { from, to } = parsed.data;
  const month = sql<string>`to_char(${donations.paidAt} at time zone ${londonZoneSql}, 'YYYY-MM')`;
  const sums = await db
    .select({
      month,
      currency: donations.currency,
      frequency: donations.frequency,
      count:
        sql<number>`count(*) filter (where ${donations.amountMinor} > ${donations.refundedAmountMinor})`.mapWith(
          Number,
        ),
      netMinor:
        sql<number>`sum(${donations.amountMinor} - ${donations.refundedAmountMinor})`.mapWith(
          Number,
        ),
    })
    .from(donations)
    .where(and(paid, withinDays(donations.paidAt, from, to)))
    .groupBy(month, donations.currency, donations.frequency);
  const months = monthsFrom(from, to);
  const currencies = [...new Set(sums.map((row) => row.currency))].map((currency) => {
    const series = months.map((name) => {
      const of = (frequency: DonationFrequency) =>
        sums.find(
          (row) => row.month === name && row.currency === currency && row.frequency === frequency,
        );
      const oneOff = of('one_off');
      const monthly = of('monthly');
      const oneOffMinor = oneOff?.netMinor ?? 0;
      const monthlyMinor = monthly?.netMinor ?? 0;
      return {
        month: name,
        oneOffCount: oneOff?.count ?? 0,
        oneOffMinor,
        monthlyCount: monthly?.count ?? 0,
        monthlyMinor,
        totalMinor: oneOffMinor + monthlyMinor,
      };
    });
    return {
      currency,
      totalMinor: series.reduce((sum, entry) => sum + entry.totalMinor, 0),
      months: series,
    };
  });
  return { ok: true, from, to, currencies: currencies.sort(poundsFirst) };
}

// ---- CSV (RFC 4180).

// A spreadsheet runs a cell starting with one of these as a formula, even from a CSV file.
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** 1250 → "12.50": pounds (or euros, dollars) with two decimals, no symbol. */
const majorUnits = (minor: number) =>
  `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export type CsvExport = { ok: true; csv: string; filename: string; rowCount: number };

const donationCsvHeader = [
  'Donation ID',
  'Date',
  'Paid at (UTC)',
  'Frequency',
  'Status',
  'Currency',
  'Amount',
  'Refunded',
  'Gift Aid',
  'Donor name',
  'E-mail',
  'Anonymous',
] as const;

/** Every donation matching the filters as CSV; the export is recorded in the audit log. */
export async function donationsCsv(
  actor: AdminActor,
  input: DonationFilterInput,
): Promise<CsvExport | Invalid> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const parsed = donationFiltersSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filters = parsed.data;
    const rows = await selectRows(tx, filters);
    await recordAdminAction(tx, actor, 'donations.exported', { filters, rows: rows.length });
    const lines = rows.map((row) => [
      row.id,
      londonDay(row.paidAt ?? row.createdAt),
      row.paidAt?.toISOString() ?? '',
      donationFrequencyLabels[row.frequency],
      donationStatusLabels[row.status],
      row.currency,
      majorUnits(row.amountMinor),
      majorUnits(row.refundedAmountMinor),
      row.giftAidDeclarationId ? 'Yes' : 'No',
      row.donorName ?? '',
      row.email ?? '',
      row.anonymous ? 'Yes' : 'No',
    ]);
    const period = [filters.from && `from-${filters.from}`, filters.to && `to-${filters.to}`]
      .filter(Boolean)
      .join('-');
    return {
      ok: true,
      csv: toCsv(donationCsvHeader, lines),
      filename: `donations-${period || 'all'}.csv`,
      rowCount: rows.length,
    };
  });
}

// ---- Gift Aid claim, in the column order of HMRC's Charities Online schedule spreadsheet.

export interface GiftAidClaimRow {
  title: string;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
  /**
   * Left blank: grouping small donations (£20 or less each) into one line is optional, and
   * listing each gift keeps the claim traceable to its donation.
   */
  aggregatedDonations: '';
  /** Left blank: the site takes no sponsorship money for events. */
  sponsoredEvent: '';
  /** DD/MM/YY, as HMRC's spreadsheet wants it, the London date of payment. */
  donationDate: string;
  /** Pounds with two decimals, no £ sign. */
  amount: string;
}

const giftAidColumns = [
  ['Title', 'title'],
  ['First name or initial', 'firstName'],
  ['Last name', 'lastName'],
  ['House name or number', 'houseNameOrNumber'],
  ['Postcode', 'postcode'],
  ['Aggregated donations', 'aggregatedDonations'],
  ['Sponsored event', 'sponsoredEvent'],
  ['Donation date', 'donationDate'],
  ['Amount', 'amount'],
] as const satisfies readonly (readonly [string, keyof GiftAidClaimRow])[];

export type GiftAidClaim = {
  ok: true;
  period: GiftAidPeriod;
  rows: GiftAidClaimRow[];
  totalMinor: number;
};

/**
 * The gifts a claim may include: paid in pounds within the period, never refunded (not even in
 * part), under a declaration not revoked before the gift and made before it, or made after it
 * with cover for the past four years.
 */
async function selectClaim(db: Database | Transaction, period: GiftAidPeriod) {
  const gift = donations;
  const declaration = giftAidDeclarations;
  const rows = await db
    .select({
      title: declaration.title,
      firstName: declaration.firstName,
      lastName: declaration.lastName,
      houseNameOrNumber: declaration.houseNameOrNumber,
      postcode: declaration.postcode,
      donationDate: sql<string>`to_char(${gift.paidAt} at time zone ${londonZoneSql}, 'DD/MM/YY')`,
      amountMinor: gift.amountMinor,
    })
    .from(gift)
    .innerJoin(declaration, eq(declaration.id, gift.giftAidDeclarationId))
    .where(
      and(
        eq(gift.status, 'succeeded'),
        eq(gift.refundedAmountMinor, 0),
        eq(gift.currency, 'GBP'),
        withinDays(gift.paidAt, period.from, period.to),
        or(isNull(declaration.revokedAt), gt(declaration.revokedAt, gift.paidAt)),
        or(
          lte(declaration.declaredAt, gift.paidAt),
          and(
            eq(declaration.coversPastFourYears, true),
            gte(gift.paidAt, sql`${declaration.declaredAt} - interval '4 years'`),
          ),
        ),
      ),
    )
    .orderBy(asc(gift.paidAt), asc(gift.id));
  return {
    rows: rows.map(({ amountMinor, title, ...row }): GiftAidClaimRow => ({
      title: title ?? '',
      firstName: row.firstName,
      lastName: row.lastName,
      houseNameOrNumber: row.houseNameOrNumber,
      postcode: row.postcode,
      aggregatedDonations: '',
      sponsoredEvent: '',
      donationDate: row.donationDate,
      amount: majorUnits(amountMinor),
    })),
    totalMinor: rows.reduce((sum, row) => sum + row.amountMinor, 0),
  };
}

/** The rows of a Gift Aid claim schedule for gifts paid within the period. */
export async function giftAidClaimRows(
  actor: AdminActor,
  input: Pick<DonationFilterInput, 'from' | 'to'>,
): Promise<GiftAidClaim | Invalid> {
  const db = getDb();
  await assertAdmin(db, actor);
  const parsed = giftAidPeriodSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return { ok: true, period: parsed.data, ...(await selectClaim(db, parsed.data)) };
}

/** The Gift Aid claim schedule as CSV; the export is recorded in the audit log. */
export async function giftAidClaimCsv(
  actor: AdminActor,
  input: Pick<DonationFilterInput, 'from' | 'to'>,
): Promise<CsvExport | Invalid> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const parsed = giftAidPeriodSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const period = parsed.data;
    const claim = await selectClaim(tx, period);
    await recordAdminAction(tx, actor, 'gift_aid.claim_exported', {
      from: period.from,
      to: period.to,
      rows: claim.rows.length,
      totalMinor: claim.totalMinor,
    });
    return {
      ok: true,
      csv: toCsv(
        giftAidColumns.map(([header]) => header),
        claim.rows.map((row) => giftAidColumns.map(([, key]) => row[key])),
      ),
      filename: `gift-aid-${period.from}-to-${period.to}.csv`,
      rowCount: claim.rows.length,
    };
  });
}
