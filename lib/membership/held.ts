import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { memberships, membershipTiers, type Membership } from '@/db/schema';
import { getEnv } from '@/lib/platform/env';
import { standingOf, type Standing } from './standing';

export interface HeldMembership extends Membership {
  tierName: string;
  tierSlug: string;
  standing: Standing;
}

/** Every membership a person has held, newest first, each with where it stands now. */
export async function membershipsOf(
  userId: string,
  db: Database | Transaction = getDb(),
  now = new Date(),
): Promise<HeldMembership[]> {
  const rows = await db
    .select({
      membership: memberships,
      tierName: membershipTiers.name,
      tierSlug: membershipTiers.slug,
    })
    .from(memberships)
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(memberships.startedAt));
  const graceDays = getEnv().MEMBERSHIP_GRACE_DAYS;
  return rows.map(({ membership, tierName, tierSlug }) => ({
    ...membership,
    tierName,
    tierSlug,
    standing: standingOf(membership, now, graceDays),
  }));
}

/** The tiers whose members-only work a person may read now. */
export async function tierIdsWithAccess(userId: string): Promise<string[]> {
  const held = await membershipsOf(userId);
  return [...new Set(held.filter((row) => row.standing.grantsAccess).map((row) => row.tierId))];
}

/** A tier's free trial is given once per person: not to anyone who has paid for it before. */
export function trialOffered(held: HeldMembership[], tierId: string): boolean {
  return !held.some((row) => row.tierId === tierId && row.source === 'stripe');
}

/**
 * A paid subscription that has not ended: its holder changes tier, interval or card through the
 * billing portal rather than by joining again (which would charge twice).
 */
export function runningSubscription(held: HeldMembership[]): HeldMembership | undefined {
  return held.find(
    (row) =>
      row.source === 'stripe' && row.standing.state !== 'ended' && row.standing.state !== 'pending',
  );
}
