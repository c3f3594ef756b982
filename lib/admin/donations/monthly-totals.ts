// Donation totals by London month, per currency.
import 'server-only';
import { and, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations, type DonationFrequency } from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import {
  DonationFilterInput,
  Invalid,
  invalid,
  londonZoneSql,
  monthlyTotalsSchema,
  monthsFrom,
  withinDays,
} from './filters';
import { paid, poundsFirst } from './list';

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
  actor: Actor,
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
