import 'server-only';
import { and, desc, eq, gt, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import {
  giftAidDeclarations,
  membershipPayments,
  membershipPrices,
  memberships,
  membershipTiers,
  users,
  type Membership,
  type MembershipGift,
} from '@/db/schema';
import { queuePaymentReceipt } from './notices';
import type { SubscriptionFacts } from './subscription-facts';

/** Why a paid membership ended before its own course: our records, not Stripe's. */
export type EndedReason = 'refunded' | 'disputed';

async function tierOf(
  db: Database | Transaction,
  facts: SubscriptionFacts,
): Promise<string | null> {
  const [price] = await db
    .select({ tierId: membershipPrices.tierId })
    .from(membershipPrices)
    .where(eq(membershipPrices.stripePriceId, facts.priceId));
  if (price) return price.tierId;
  // A price made outside the site (in Stripe's dashboard) counts for the tier Checkout named.
  if (!facts.tierIdFromMetadata) return null;
  const [tier] = await db
    .select({ id: membershipTiers.id })
    .from(membershipTiers)
    .where(eq(membershipTiers.id, facts.tierIdFromMetadata));
  return tier?.id ?? null;
}

/**
 * Writes a membership as its subscription stands, read from Stripe at `readAt`. Deliveries run
 * side by side and each reads Stripe before its transaction, so a read older than the one
 * already written is dropped, and an ended membership stays ended (Stripe never restarts a
 * cancelled subscription) unless `repair` says our ending is the error (reconciliation, when
 * Stripe has the subscription running). Returns the row as it now stands, or null when the
 * subscription's tier is unknown.
 */
export async function recordSubscription(
  tx: Transaction,
  facts: SubscriptionFacts,
  readAt: Date,
  { repair = false }: { repair?: boolean } = {},
): Promise<Membership | null> {
  const tierId = await tierOf(tx, facts);
  if (!tierId) return null;
  const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.id, facts.userId));
  const columns = {
    tierId,
    status: facts.status,
    interval: facts.interval,
    amountMinor: facts.amountMinor,
    currency: facts.currency,
    stripeCustomerId: facts.customerId,
    stripePriceId: facts.priceId,
    currentPeriodEnd: facts.currentPeriodEnd,
    trialEnd: facts.trialEnd,
    cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
    pastDueSince: facts.pastDueSince,
    endedAt: facts.endedAt,
    stripeReadAt: readAt,
  };
  await tx
    .insert(memberships)
    .values({
      ...columns,
      userId: member?.id ?? null,
      source: 'stripe',
      stripeSubscriptionId: facts.subscriptionId,
      startedAt: facts.startedAt,
    })
    .onConflictDoUpdate({
      target: memberships.stripeSubscriptionId,
      set: columns,
      setWhere: and(
        or(isNull(memberships.stripeReadAt), lte(memberships.stripeReadAt, readAt)),
        repair ? undefined : ne(memberships.status, 'canceled'),
        repair ? undefined : ne(memberships.status, 'incomplete_expired'),
      ),
    });
  return subscriptionMembership(tx, facts.subscriptionId);
}

export async function subscriptionMembership(
  db: Database | Transaction,
  subscriptionId: string,
): Promise<Membership | null> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(eq(memberships.stripeSubscriptionId, subscriptionId));
  return row ?? null;
}

export interface PaidInvoice {
  invoiceId: string;
  paymentIntentId: string | null;
  amountMinor: number;
  currency: string;
  paidAt: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
}

/**
 * Records one paid invoice of a membership, once however often its events come, and queues the
 * member's receipt; returns its outbox id. The Gift Aid eligibility is the tier's at the time
 * of payment.
 */
export async function recordMembershipPayment(
  tx: Transaction,
  membership: Membership,
  paid: PaidInvoice,
): Promise<string | null> {
  if (paid.amountMinor <= 0) return null;
  const [tier] = await tx
    .select({ name: membershipTiers.name, giftAid: membershipTiers.giftAidEligible })
    .from(membershipTiers)
    .where(eq(membershipTiers.id, membership.tierId));
  if (!tier) return null;
  const declarationId =
    tier.giftAid && membership.userId
      ? await coveringDeclaration(tx, membership.userId, paid.paidAt)
      : null;
  const [recorded] = await tx
    .insert(membershipPayments)
    .values({
      membershipId: membership.id,
      userId: membership.userId,
      tierId: membership.tierId,
      description: `${tier.name} membership`,
      amountMinor: paid.amountMinor,
      currency: paid.currency,
      giftAidEligible: tier.giftAid,
      giftAidDeclarationId: declarationId,
      stripeInvoiceId: paid.invoiceId,
      stripePaymentIntentId: paid.paymentIntentId,
      periodStart: paid.periodStart,
      periodEnd: paid.periodEnd,
      paidAt: paid.paidAt,
    })
    .onConflictDoNothing({ target: membershipPayments.stripeInvoiceId })
    .returning();
  return recorded ? queuePaymentReceipt(tx, recorded) : null;
}

const fourYearsMs = 4 * 365.25 * 86_400_000;

/**
 * The member's latest Gift Aid declaration that covers a payment made at `paidAt`: not revoked
 * by then, and made before it, or after it with cover for the past four years.
 */
async function coveringDeclaration(
  tx: Transaction,
  userId: string,
  paidAt: Date,
): Promise<string | null> {
  // Stripe's times are whole seconds: a declaration made in the second of payment covers it.
  const paid = new Date(Math.floor(paidAt.getTime() / 1000) * 1000 + 999);
  const [declaration] = await tx
    .select({ id: giftAidDeclarations.id })
    .from(giftAidDeclarations)
    .where(
      and(
        eq(giftAidDeclarations.userId, userId),
        or(isNull(giftAidDeclarations.revokedAt), gt(giftAidDeclarations.revokedAt, paidAt)),
        or(
          lte(giftAidDeclarations.declaredAt, paid),
          and(
            eq(giftAidDeclarations.coversPastFourYears, true),
            lte(giftAidDeclarations.declaredAt, new Date(paid.getTime() + fourYearsMs)),
          ),
        ),
      ),
    )
    .orderBy(desc(giftAidDeclarations.declaredAt))
    .limit(1);
  return declaration?.id ?? null;
}

/**
 * Records the payment for a gift membership, once: the buyer's, for their receipts and the
 * revenue figures. A gift is never Gift Aid eligible: its benefit goes to someone else.
 */
export async function recordGiftPayment(
  tx: Transaction,
  gift: MembershipGift,
  description: string,
  payment: { paymentIntentId: string | null; paidAt: Date },
): Promise<void> {
  await tx
    .insert(membershipPayments)
    .values({
      membershipId: null,
      userId: gift.buyerUserId,
      tierId: gift.tierId,
      description: `Gift: ${description}`,
      amountMinor: gift.amountMinor,
      currency: gift.currency,
      giftAidEligible: false,
      stripePaymentIntentId: payment.paymentIntentId,
      paidAt: payment.paidAt,
    })
    .onConflictDoNothing();
}

/** The membership payment a Stripe payment intent paid, if we have recorded it. */
export async function paymentByIntent(db: Database | Transaction, paymentIntentId: string) {
  const [row] = await db
    .select()
    .from(membershipPayments)
    .where(eq(membershipPayments.stripePaymentIntentId, paymentIntentId));
  return row ?? null;
}

/** Marks a membership ended early, keeping the first reason and moment if it already was. */
export async function endMembershipFor(
  tx: Transaction,
  membershipId: string,
  reason: EndedReason,
  at: Date,
): Promise<void> {
  await tx
    .update(memberships)
    .set({
      endedReason: sql`coalesce(${memberships.endedReason}, ${reason})`,
      endedAt: sql`coalesce(${memberships.endedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(memberships.id, membershipId));
}
