import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  auditLog,
  membershipGifts,
  memberships,
  membershipTiers,
  users,
  type Membership,
  type MembershipGift,
} from '@/db/schema';
import { toCsv } from '@/lib/admin/csv';
import { majorUnits, type CsvExport } from '@/lib/admin/donations/csv';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { getEnv } from '@/lib/platform/env';
import { fromLondonInput, londonDateParts, londonDay } from '@/lib/time/london';
import { standingOf, stateLabels, type MembershipState } from './standing';

export const membershipStates = Object.keys(stateLabels) as MembershipState[];

export const memberFilterSchema = z.object({
  tier: z.uuid().optional().catch(undefined),
  // 'current': every membership that has not ended, the default.
  state: z
    .enum(['current', 'all', ...membershipStates] as [string, ...string[]])
    .optional()
    .catch(undefined)
    .transform((value) => value ?? 'current'),
});

export type MemberFilter = z.output<typeof memberFilterSchema>;

export interface AdminMembershipRow {
  id: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  tierId: string;
  tierName: string;
  source: Membership['source'];
  state: MembershipState;
  interval: Membership['interval'];
  amountMinor: number | null;
  currency: string | null;
  startedAt: Date;
  /** When it renews, or ends: the next thing that happens to it. */
  nextAt: Date | null;
  endedAt: Date | null;
  endedReason: string | null;
  note: string | null;
}

async function allMemberships(now: Date): Promise<AdminMembershipRow[]> {
  const rows = await getDb()
    .select({
      membership: memberships,
      email: users.email,
      name: users.name,
      tierName: membershipTiers.name,
    })
    .from(memberships)
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(membershipTiers.position), desc(memberships.startedAt));
  const graceDays = getEnv().MEMBERSHIP_GRACE_DAYS;
  return rows.map(({ membership: m, email, name, tierName }) => {
    const standing = standingOf(m, now, graceDays);
    return {
      id: m.id,
      userId: m.userId,
      email,
      name,
      tierId: m.tierId,
      tierName,
      source: m.source,
      state: standing.state,
      interval: m.interval,
      amountMinor: m.amountMinor,
      currency: m.currency,
      startedAt: m.startedAt,
      nextAt: standing.state === 'ended' ? null : (m.endsAt ?? m.currentPeriodEnd),
      endedAt: m.endedAt,
      endedReason: m.endedReason,
      note: m.note,
    };
  });
}

function matches(row: AdminMembershipRow, filter: MemberFilter): boolean {
  if (filter.tier && row.tierId !== filter.tier) return false;
  if (filter.state === 'all') return true;
  if (filter.state === 'current') return row.state !== 'ended';
  return row.state === filter.state;
}

/** Memberships for the admin, by tier and where they stand, as an admin. */
export async function listMembershipsForAdmin(
  actor: Actor,
  filter: MemberFilter,
  now = new Date(),
): Promise<AdminMembershipRow[]> {
  await assertAdmin(getDb(), actor);
  return (await allMemberships(now)).filter((row) => matches(row, filter));
}

export interface TierCount {
  tierId: string;
  tierName: string;
  counts: Partial<Record<MembershipState, number>>;
}

/** How many memberships of each tier stand where, for the summary table. */
export function countByTier(rows: AdminMembershipRow[]): TierCount[] {
  const byTier = new Map<string, TierCount>();
  for (const row of rows) {
    const entry = byTier.get(row.tierId) ?? {
      tierId: row.tierId,
      tierName: row.tierName,
      counts: {},
    };
    entry.counts[row.state] = (entry.counts[row.state] ?? 0) + 1;
    byTier.set(row.tierId, entry);
  }
  return [...byTier.values()];
}

export interface RevenueMonth {
  /** YYYY-MM, a calendar month in London. */
  month: string;
  /** Monthly recurring revenue at the month's end (or now, for this month), in minor units. */
  mrrMinor: number;
  /** Paid memberships running at the month's start. */
  atStart: number;
  joined: number;
  ended: number;
  /** Ended in the month as a share of those running at its start; null with none at the start. */
  churn: number | null;
}

export interface CurrencyRevenue {
  currency: string;
  months: RevenueMonth[];
}

type PaidFields = Pick<
  Membership,
  'startedAt' | 'endedAt' | 'status' | 'amountMinor' | 'currency' | 'interval' | 'trialEnd'
>;

const runningAt = (m: PaidFields, at: Date) =>
  m.startedAt <= at && (m.endedAt === null || m.endedAt > at);

/**
 * Monthly recurring revenue and churn by London month, per currency, from paid memberships: a
 * yearly price counts a twelfth a month; a membership still in its free trial counts nothing.
 * Each membership counts at its present price for every month (a price change is not
 * back-dated). Pure, for testing; `membershipRevenue` reads the rows.
 */
export function revenueByMonth(rows: PaidFields[], months: string[], now: Date): CurrencyRevenue[] {
  const paid = rows.filter(
    (m) =>
      m.amountMinor !== null &&
      m.currency &&
      m.interval &&
      m.status !== 'incomplete' &&
      m.status !== 'incomplete_expired',
  );
  const currencies = [...new Set(paid.map((m) => m.currency!))].sort();
  return currencies.map((currency) => {
    const inCurrency = paid.filter((m) => m.currency === currency);
    return {
      currency,
      months: months.map((month, index) => {
        const start = monthStart(month);
        const next = months[index + 1] ? monthStart(months[index + 1]!) : nextMonthStart(month);
        const end = next < now ? next : now;
        const atEnd = new Date(end.getTime() - 1);
        const mrrMinor = inCurrency
          .filter((m) => runningAt(m, atEnd) && !(m.trialEnd && m.trialEnd > atEnd))
          .reduce(
            (sum, m) => sum + (m.interval === 'year' ? m.amountMinor! / 12 : m.amountMinor!),
            0,
          );
        const atStart = inCurrency.filter((m) => runningAt(m, start)).length;
        const ended = inCurrency.filter(
          (m) => m.endedAt !== null && m.endedAt >= start && m.endedAt < end,
        ).length;
        return {
          month,
          mrrMinor: Math.round(mrrMinor),
          atStart,
          joined: inCurrency.filter((m) => m.startedAt >= start && m.startedAt < end).length,
          ended,
          churn: atStart > 0 ? ended / atStart : null,
        };
      }),
    };
  });
}

const monthStart = (month: string) => fromLondonInput(`${month}-01T00:00`)!;

function nextMonthStart(month: string): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthStart(m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`);
}

/** The twelve London months up to and including the one `now` is in, oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  const { year, month } = londonDateParts(now);
  return Array.from({ length: 12 }, (_, index) => {
    const total = year * 12 + (month - 1) - (11 - index);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** MRR and churn for the last twelve months, as an admin. */
export async function membershipRevenue(
  actor: Actor,
  now = new Date(),
): Promise<CurrencyRevenue[]> {
  const db = getDb();
  await assertAdmin(db, actor);
  const rows = await db
    .select({
      startedAt: memberships.startedAt,
      endedAt: memberships.endedAt,
      status: memberships.status,
      amountMinor: memberships.amountMinor,
      currency: memberships.currency,
      interval: memberships.interval,
      trialEnd: memberships.trialEnd,
    })
    .from(memberships)
    .where(eq(memberships.source, 'stripe'));
  return revenueByMonth(rows, lastTwelveMonths(now), now);
}

const csvHeader = [
  'Membership ID',
  'E-mail',
  'Name',
  'Tier',
  'Source',
  'State',
  'Price',
  'Currency',
  'Interval',
  'Started (London)',
  'Renews or ends (London)',
  'Ended (London)',
  'Ended because',
  'Note',
] as const;

/** The memberships the filter selects, as CSV, as an admin, with an audit row. */
export async function membershipsCsv(
  actor: Actor,
  query: Record<string, string>,
): Promise<CsvExport> {
  const filter = memberFilterSchema.parse(query);
  const rows = await listMembershipsForAdmin(actor, filter);
  const day = (value: Date | null) => (value ? londonDay(value) : '');
  const csv = toCsv(
    csvHeader,
    rows.map((row) => [
      row.id,
      row.email ?? '',
      row.name ?? '',
      row.tierName,
      row.source,
      stateLabels[row.state],
      row.amountMinor === null ? '' : majorUnits(row.amountMinor),
      row.currency ?? '',
      row.interval ?? '',
      day(row.startedAt),
      day(row.nextAt),
      day(row.endedAt),
      row.endedReason ?? '',
      row.note ?? '',
    ]),
  );
  await getDb()
    .insert(auditLog)
    .values({
      actorId: actor.id,
      action: 'memberships.exported',
      subjectType: 'memberships',
      detail: { filter, rowCount: rows.length },
    });
  return {
    ok: true,
    csv,
    filename: `memberships-${londonDay(new Date())}.csv`,
    rowCount: rows.length,
  };
}

export interface AdminGiftRow {
  id: string;
  tierName: string;
  months: number;
  amountMinor: number;
  currency: string;
  buyerName: string;
  recipientName: string;
  recipientEmail: string;
  deliverOn: string;
  status: MembershipGift['status'];
  createdAt: Date;
}

/** The latest gift memberships bought, paid or not, for the admin, as an admin. */
export async function listGiftsForAdmin(actor: Actor, limit = 50): Promise<AdminGiftRow[]> {
  const db = getDb();
  await assertAdmin(db, actor);
  const rows = await db
    .select({ gift: membershipGifts, tierName: membershipTiers.name })
    .from(membershipGifts)
    .innerJoin(membershipTiers, eq(membershipTiers.id, membershipGifts.tierId))
    .orderBy(desc(membershipGifts.createdAt))
    .limit(limit);
  return rows.map(({ gift, tierName }) => ({
    id: gift.id,
    tierName,
    months: gift.months,
    amountMinor: gift.amountMinor,
    currency: gift.currency,
    buyerName: gift.buyerName,
    recipientName: gift.recipientName,
    recipientEmail: gift.recipientEmail,
    deliverOn: gift.deliverOn,
    status: gift.status,
    createdAt: gift.createdAt,
  }));
}
