// The donations list of the admin, filtered and paged, with totals.
import 'server-only';
import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { donations, type Donation } from '@/db/schema';
import type { Page } from '@/lib/content/types';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import {
  DonationFilterInput,
  DonationFilters,
  Invalid,
  donationFiltersSchema,
  invalid,
  pagingSchema,
  withinDays,
} from './filters';

// Unpaid gifts have no payment date; they are dated by when they were started.
const giftDate = sql`coalesce(${donations.paidAt}, ${donations.createdAt})`;
export const paid = inArray(donations.status, ['succeeded', 'refunded']);

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

export async function selectRows(
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

export const poundsFirst = (a: { currency: string }, b: { currency: string }) =>
  Number(b.currency === 'GBP') - Number(a.currency === 'GBP') ||
  a.currency.localeCompare(b.currency);

export type DonationList = {
  ok: true;
  filters: DonationFilters;
  totals: DonationTotals;
} & Page<DonationRow>;

/** Donations matching the filters, newest first, with totals over all of them. */
export async function listDonations(
  actor: Actor,
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
