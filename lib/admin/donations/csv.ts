// The donations list as CSV (RFC 4180), for admins, audited.
import 'server-only';
import { getDb } from '@/db/client';
import { londonDay } from '@/lib/time/london';
import { recordAdminAction } from '../audit';
import { toCsv } from '../csv';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import {
  DonationFilterInput,
  Invalid,
  donationFiltersSchema,
  donationFrequencyLabels,
  donationStatusLabels,
  invalid,
} from './filters';
import { selectRows } from './list';

/** 1250 → "12.50": pounds (or euros, dollars) with two decimals, no symbol. */
export const majorUnits = (minor: number) =>
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
  actor: Actor,
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
