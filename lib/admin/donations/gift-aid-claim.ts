// The Gift Aid claim for a period, in the column order of HMRC's Charities Online schedule
// spreadsheet.
import 'server-only';
import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Transaction } from '@/db/client';
import { donations, giftAidDeclarations, membershipPayments } from '@/db/schema';
import { recordAdminAction } from '../audit';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import {
  DonationFilterInput,
  GiftAidPeriod,
  Invalid,
  giftAidPeriodSchema,
  invalid,
  londonZoneSql,
  withinDays,
} from './filters';
import { toCsv } from '../csv';
import { majorUnits, type CsvExport } from './csv';

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

const declaration = giftAidDeclarations;

// A declaration covers a payment made after it, or in the four years before it when it says
// so, and not once it has been revoked.
const declarationCovers = (paidAt: AnyPgColumn) =>
  and(
    or(isNull(declaration.revokedAt), gt(declaration.revokedAt, paidAt)),
    or(
      lte(declaration.declaredAt, paidAt),
      and(
        eq(declaration.coversPastFourYears, true),
        gte(paidAt, sql`${declaration.declaredAt} - interval '4 years'`),
      ),
    ),
  );

const declarer = {
  title: declaration.title,
  firstName: declaration.firstName,
  lastName: declaration.lastName,
  houseNameOrNumber: declaration.houseNameOrNumber,
  postcode: declaration.postcode,
};

const londonDate = (paidAt: AnyPgColumn) =>
  sql<string>`to_char(${paidAt} at time zone ${londonZoneSql}, 'DD/MM/YY')`;

/**
 * The gifts a claim may include: paid in pounds within the period, never refunded (not even in
 * part), under a declaration not revoked before the gift and made before it, or made after it
 * with cover for the past four years. Donations, and the membership fees of tiers whose fee
 * may carry Gift Aid, paid by a member whose declaration covered the fee when it was paid.
 */
async function selectClaim(db: Database | Transaction, period: GiftAidPeriod) {
  const gift = donations;
  const fee = membershipPayments;
  const [gifts, fees] = await Promise.all([
    db
      .select({
        ...declarer,
        paidAt: gift.paidAt,
        donationDate: londonDate(gift.paidAt),
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
          declarationCovers(gift.paidAt),
        ),
      )
      .orderBy(asc(gift.paidAt), asc(gift.id)),
    db
      .select({
        ...declarer,
        paidAt: fee.paidAt,
        donationDate: londonDate(fee.paidAt),
        amountMinor: fee.amountMinor,
      })
      .from(fee)
      .innerJoin(declaration, eq(declaration.id, fee.giftAidDeclarationId))
      .where(
        and(
          eq(fee.giftAidEligible, true),
          eq(fee.refundedAmountMinor, 0),
          isNull(fee.disputedAt),
          eq(fee.currency, 'GBP'),
          withinDays(fee.paidAt, period.from, period.to),
          declarationCovers(fee.paidAt),
        ),
      )
      .orderBy(asc(fee.paidAt), asc(fee.id)),
  ]);
  const rows = [...gifts, ...fees].sort((a, b) => a.paidAt!.getTime() - b.paidAt!.getTime());
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
  actor: Actor,
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
  actor: Actor,
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
