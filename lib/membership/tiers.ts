import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { violatedConstraint } from '@/db/errors';
import { auditLog, membershipTiers, type MembershipTier } from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { moveContentVersion } from '@/lib/cache/content-watch';
import { isId } from '@/lib/editorial/article-record';
import { slugify } from '@/lib/editorial/slugify';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { tierInputSchema, type TierFields } from './tier-input';

export type TierSaveResult =
  | { ok: true; id: string; slug: string }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; reason: 'not-found' };
export type TierDeleteResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'in-use'; message: string };

const tierInUseMessage =
  'People have joined this tier, or pieces are limited to it: its history must stay. Hide it instead, so nobody new can join.';

/** Every tier, in the order admins gave them. */
export function listTiers(): Promise<MembershipTier[]> {
  return getDb()
    .select()
    .from(membershipTiers)
    .orderBy(asc(membershipTiers.position), asc(membershipTiers.name));
}

/** The tiers people may see and join, in order. */
export function listVisibleTiers(): Promise<MembershipTier[]> {
  return getDb()
    .select()
    .from(membershipTiers)
    .where(eq(membershipTiers.visible, true))
    .orderBy(asc(membershipTiers.position), asc(membershipTiers.name));
}

/** A tier people may join, by its slug. */
export async function getVisibleTierBySlug(slug: string): Promise<MembershipTier | undefined> {
  if (slug.length > 60) return undefined;
  const [tier] = await getDb()
    .select()
    .from(membershipTiers)
    .where(and(eq(membershipTiers.slug, slug), eq(membershipTiers.visible, true)));
  return tier;
}

export async function getTier(id: string): Promise<MembershipTier | undefined> {
  if (!isId(id)) return undefined;
  const [tier] = await getDb().select().from(membershipTiers).where(eq(membershipTiers.id, id));
  return tier;
}

type TierAction = 'created' | 'updated' | 'deleted';

async function recordTierChange(
  tx: Transaction,
  actor: Actor,
  action: TierAction,
  id: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    action: `membership_tier.${action}`,
    subjectType: 'membership_tier',
    subjectId: id,
    detail,
  });
}

const columnsOf = (fields: TierFields, slug: string) => ({
  name: fields.name,
  slug,
  description: fields.description,
  benefits: fields.benefits,
  monthlyPriceMinor: fields.monthlyPrice,
  yearlyPriceMinor: fields.yearlyPrice,
  currency: fields.currency,
  trialDays: fields.trialDays,
  visible: fields.visible,
  position: fields.position,
  giftAidEligible: fields.giftAidEligible,
});

// What an audit row keeps of a tier: what it costs and who may see it, for "who changed the
// price" questions; the texts are on the tier itself.
const auditedOf = (columns: ReturnType<typeof columnsOf> | MembershipTier) => ({
  name: columns.name,
  slug: columns.slug,
  monthlyPriceMinor: columns.monthlyPriceMinor,
  yearlyPriceMinor: columns.yearlyPriceMinor,
  currency: columns.currency,
  trialDays: columns.trialDays,
  visible: columns.visible,
  giftAidEligible: columns.giftAidEligible,
});

/**
 * Creates a tier (`id` null) or changes one, as an admin, with an audit row of what it costs
 * and who may see it. A blank slug is made from the name.
 */
export async function saveTier(
  actor: Actor,
  id: string | null,
  input: unknown,
): Promise<TierSaveResult> {
  const parsed = tierInputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', fieldErrors: fieldErrors(parsed.error) };
  const fields = parsed.data;
  const slug = fields.slug ?? slugify(fields.name).slice(0, 60).replace(/-+$/, '');
  if (!slug) {
    return {
      ok: false,
      reason: 'invalid',
      fieldErrors: { slug: 'Type a slug: the name has no letters or numbers to make one from.' },
    };
  }
  if (id !== null && !isId(id)) return { ok: false, reason: 'not-found' };
  try {
    return await getDb().transaction(async (tx): Promise<TierSaveResult> => {
      await assertAdmin(tx, actor);
      const columns = columnsOf(fields, slug);
      if (id === null) {
        const [row] = await tx
          .insert(membershipTiers)
          .values(columns)
          .returning({ id: membershipTiers.id });
        await recordTierChange(tx, actor, 'created', row!.id, auditedOf(columns));
        return { ok: true, id: row!.id, slug };
      }
      const [before] = await tx
        .select()
        .from(membershipTiers)
        .where(eq(membershipTiers.id, id))
        .for('update');
      if (!before) return { ok: false, reason: 'not-found' };
      await tx.update(membershipTiers).set(columns).where(eq(membershipTiers.id, id));
      // Teasers of pieces for this tier name it (while it is shown): cached pages must change.
      if (before.name !== columns.name || before.visible !== columns.visible) {
        await moveContentVersion(tx);
      }
      await recordTierChange(tx, actor, 'updated', id, {
        ...auditedOf(columns),
        before: auditedOf(before),
      });
      return { ok: true, id, slug };
    });
  } catch (error) {
    const constraint = violatedConstraint(error, '23505');
    if (constraint === 'membership_tiers_slug_unique') {
      return { ok: false, reason: 'invalid', fieldErrors: { slug: 'Another tier has this slug.' } };
    }
    if (constraint === 'membership_tiers_name_unique') {
      return { ok: false, reason: 'invalid', fieldErrors: { name: 'Another tier has this name.' } };
    }
    throw error;
  }
}

/**
 * Deletes a tier nobody has joined, as an admin, with an audit row. A tier with members,
 * payments or pieces limited to it stays (the database refuses), and the admin is told to hide it.
 */
export async function deleteTier(actor: Actor, id: string): Promise<TierDeleteResult> {
  if (!isId(id)) return { ok: false, reason: 'not-found' };
  try {
    return await getDb().transaction(async (tx): Promise<TierDeleteResult> => {
      await assertAdmin(tx, actor);
      const [row] = await tx
        .delete(membershipTiers)
        .where(eq(membershipTiers.id, id))
        .returning({ name: membershipTiers.name, slug: membershipTiers.slug });
      if (!row) return { ok: false, reason: 'not-found' };
      await recordTierChange(tx, actor, 'deleted', id, row);
      return { ok: true };
    });
  } catch (error) {
    // RESTRICT answers 23001 where the server checks at once, 23503 at the statement's end.
    if (
      violatedConstraint(error, '23001') !== null ||
      violatedConstraint(error, '23503') !== null
    ) {
      return { ok: false, reason: 'in-use', message: tierInUseMessage };
    }
    throw error;
  }
}
