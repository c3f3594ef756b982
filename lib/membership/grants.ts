import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog, memberships, membershipTiers, users } from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { isId } from '@/lib/editorial/article-record';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';

/** How long a complimentary membership lasts: whole months up to a year, or no end. */
export const grantPeriods = ['1', '2', '3', '6', '12', 'forever'] as const;

export const grantInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter the member’s e-mail address.' }).max(254)),
  tierId: z.uuid({ error: 'Choose a tier.' }),
  period: z.enum(grantPeriods, { error: 'Choose how long it lasts.' }),
  note: z
    .string()
    .trim()
    .min(1, 'Say why it is given: the note is kept with the membership and in the audit log.')
    .max(500, 'Keep the note to 500 characters or fewer.'),
});

export type GrantResult =
  { ok: true; id: string } | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors };

/** The moment a grant of `months` from `start` ends: the same time that many months later. */
export function grantEnd(start: Date, months: number): Date {
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCMonth(end.getUTCMonth() + months, 1);
  // 31 January plus a month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/**
 * Gives an account a tier, visible or hidden, free of charge for a period, as an admin, with
 * the note and an audit row. The account must exist: a grant to an address nobody has is
 * refused rather than waiting for whoever registers it first.
 */
export async function grantMembership(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<GrantResult> {
  const parsed = grantInputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', fieldErrors: fieldErrors(parsed.error) };
  const { email, tierId, period, note } = parsed.data;
  return getDb().transaction(async (tx): Promise<GrantResult> => {
    await assertAdmin(tx, actor);
    const [member] = await tx
      .select({ id: users.id, verified: users.emailVerified })
      .from(users)
      .where(eq(users.email, email));
    if (!member?.verified) {
      return {
        ok: false,
        reason: 'invalid',
        fieldErrors: {
          email: 'No account with a verified address has this e-mail. Ask them to join first.',
        },
      };
    }
    const [tier] = await tx
      .select({ id: membershipTiers.id, name: membershipTiers.name })
      .from(membershipTiers)
      .where(eq(membershipTiers.id, tierId));
    if (!tier) {
      return {
        ok: false,
        reason: 'invalid',
        fieldErrors: { tierId: 'This tier has been deleted.' },
      };
    }
    const endsAt = period === 'forever' ? null : grantEnd(now, Number(period));
    const [row] = await tx
      .insert(memberships)
      .values({
        userId: member.id,
        tierId,
        source: 'complimentary',
        status: 'active',
        startedAt: now,
        endsAt,
        note,
        grantedBy: actor.id,
      })
      .returning({ id: memberships.id });
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'membership.granted',
      subjectType: 'membership',
      subjectId: row!.id,
      detail: { email, tier: tier.name, endsAt: endsAt?.toISOString() ?? null, note },
    });
    return { ok: true, id: row!.id };
  });
}

/** Ends a complimentary membership now, as an admin, with an audit row. */
export async function endGrant(actor: Actor, membershipId: string): Promise<{ ok: boolean }> {
  if (!isId(membershipId)) return { ok: false };
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [ended] = await tx
      .update(memberships)
      .set({ status: 'canceled', endedAt: sql`now()`, endedReason: 'revoked' })
      .where(
        and(
          eq(memberships.id, membershipId),
          eq(memberships.source, 'complimentary'),
          eq(memberships.status, 'active'),
        ),
      )
      .returning({ id: memberships.id });
    if (!ended) return { ok: false };
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'membership.grant_ended',
      subjectType: 'membership',
      subjectId: membershipId,
      detail: {},
    });
    return { ok: true };
  });
}
