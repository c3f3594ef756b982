import 'server-only';
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import {
  donationStatuses,
  donations,
  recurringGifts,
  users,
  type Donation,
  type DonationStatus,
  type RecurringGift,
} from '@/db/schema';
import { recordDonorSoftOptIn } from '@/lib/newsletters/soft-opt-in';

// Webhook events arrive late, twice and out of order. A donation's status only ever moves up
// this ladder, so the same set of events ends in the same state whatever their order: a late
// "payment failed" cannot undo a payment that went through, nor a late "paid" undo a refund.
const rank: Record<DonationStatus, number> = {
  pending: 0,
  checkout_failed: 0,
  expired: 1,
  awaiting_payment: 2,
  failed: 3,
  succeeded: 4,
  refunded: 5,
};

export const statusesBelow = (status: DonationStatus) =>
  donationStatuses.filter((candidate) => rank[candidate] < rank[status]);

/** Raised when an event names a payment we have not recorded yet: Stripe should retry it later. */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

export async function findDonation(tx: Transaction, id: string): Promise<Donation | undefined> {
  const [row] = await tx.select().from(donations).where(eq(donations.id, id)).for('update');
  return row;
}

/**
 * Moves a donation up to `status` (never down) and sets the given Stripe facts; true when the
 * status changed, so the caller knows this event is the one that confirmed the gift.
 */
export async function advanceDonation(
  tx: Transaction,
  id: string,
  status: DonationStatus,
  facts: Partial<
    Pick<Donation, 'paidAt' | 'stripePaymentIntentId' | 'stripeCheckoutSessionId' | 'failureReason'>
  > = {},
): Promise<boolean> {
  const { paidAt, ...rest } = facts;
  const changed = await tx
    .update(donations)
    .set({
      status,
      ...rest,
      // Stripe stamps events in whole seconds, which can fall before the gift was recorded (and
      // its Gift Aid declaration made) when a donor pays quickly; a gift is never paid before then.
      ...(paidAt
        ? { paidAt: sql`greatest(${paidAt.toISOString()}::timestamptz, ${donations.createdAt})` }
        : {}),
    })
    .where(and(eq(donations.id, id), inArray(donations.status, statusesBelow(status))))
    .returning({ id: donations.id });
  if (changed.length === 0) return false;
  if (status === 'succeeded') {
    await attachToVerifiedMember(tx, id);
    await recordDonorSoftOptIn(tx, id);
  }
  return true;
}

/** Records a Stripe id on a donation that does not have one yet. */
export async function noteStripeIds(
  tx: Transaction,
  id: string,
  ids: Partial<
    Pick<
      Donation,
      'stripeInvoiceId' | 'stripePaymentIntentId' | 'stripeChargeId' | 'stripeCheckoutSessionId'
    >
  >,
): Promise<void> {
  const set = Object.fromEntries(
    Object.entries(ids)
      .filter(([, value]) => value)
      .map(([key, value]) => {
        const column = donations[key as keyof typeof ids];
        return [key, sql`coalesce(${column}, ${value})`];
      }),
  );
  if (Object.keys(set).length > 0) await tx.update(donations).set(set).where(eq(donations.id, id));
}

// A gift given with the address a member has verified is theirs, even if they were signed out.
async function attachToVerifiedMember(tx: Transaction, donationId: string): Promise<void> {
  await tx
    .update(donations)
    .set({
      userId: sql`(select ${users.id} from ${users} where ${users.email} = lower(${donations.email}) and ${users.emailVerified} is not null)`,
    })
    .where(and(eq(donations.id, donationId), isNull(donations.userId), isNotNull(donations.email)));
}

export interface SubscriptionState {
  subscriptionId: string;
  customerId: string | null;
  status: RecurringGift['status'];
  currentPeriodEnd: Date | null;
  cancelAt: Date | null;
  canceledAt: Date | null;
}

/** A subscription in these states takes no more payments, and Stripe never starts it again. */
export const endedGiftStatuses: RecurringGift['status'][] = ['canceled', 'incomplete_expired'];

// Subscriptions are read from Stripe before the transaction that records them, and deliveries
// (and a member's return from the billing portal) run side by side: a read taken just before a
// subscription ended can be written just after the read that saw it end. Once ended, a gift's
// record stays as it is.
const stillRunning = notInArray(recurringGifts.status, endedGiftStatuses);

const stateColumns = (state: SubscriptionState) => ({
  status: state.status,
  stripeCustomerId: state.customerId,
  currentPeriodEnd: state.currentPeriodEnd,
  cancelAt: state.cancelAt,
  canceledAt: state.canceledAt,
});

/**
 * Creates or refreshes the monthly gift behind a subscription, from the subscription as Stripe
 * reported it, and links the first donation to it.
 */
export async function upsertRecurringGift(
  tx: Transaction,
  first: Donation,
  state: SubscriptionState,
): Promise<RecurringGift> {
  const current = stateColumns(state);
  const [written] = await tx
    .insert(recurringGifts)
    .values({
      userId: first.userId,
      email: first.email,
      amountMinor: first.amountMinor,
      currency: first.currency,
      stripeSubscriptionId: state.subscriptionId,
      giftAidDeclarationId: first.giftAidDeclarationId,
      ...current,
    })
    .onConflictDoUpdate({
      target: recurringGifts.stripeSubscriptionId,
      set: current,
      setWhere: stillRunning,
    })
    .returning();
  const gift =
    written ??
    (
      await tx
        .select()
        .from(recurringGifts)
        .where(eq(recurringGifts.stripeSubscriptionId, state.subscriptionId))
    )[0]!;
  await tx
    .update(donations)
    .set({ recurringGiftId: gift.id })
    .where(and(eq(donations.id, first.id), isNull(donations.recurringGiftId)));
  return gift;
}

/** Records a monthly gift's subscription as Stripe reported it, unless the gift has ended. */
export async function updateRecurringGift(
  db: Database | Transaction,
  giftId: string,
  state: SubscriptionState,
): Promise<void> {
  await db
    .update(recurringGifts)
    .set(stateColumns(state))
    .where(and(eq(recurringGifts.id, giftId), stillRunning));
}

export interface RenewalPayment {
  invoiceId: string;
  amountMinor: number;
  currency: string;
  outcome: 'succeeded' | 'failed';
  paidAt: Date | null;
  failureReason: string | null;
}

/**
 * Records one later payment of a monthly gift as its own donation, one row per invoice; returns
 * the row's id when this call confirmed it as paid.
 */
export async function recordRenewal(
  tx: Transaction,
  first: Donation,
  gift: RecurringGift,
  payment: RenewalPayment,
): Promise<string | null> {
  const values = {
    userId: gift.userId ?? first.userId,
    email: first.email,
    donorName: first.donorName,
    anonymous: first.anonymous,
    frequency: 'monthly' as const,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: payment.outcome,
    recurringGiftId: gift.id,
    giftAidDeclarationId: first.giftAidDeclarationId,
    stripeInvoiceId: payment.invoiceId,
    paidAt: payment.paidAt,
    failureReason: payment.failureReason,
  };
  const [row] = await tx
    .insert(donations)
    .values(values)
    .onConflictDoUpdate({
      target: donations.stripeInvoiceId,
      set: {
        status: payment.outcome,
        paidAt: sql`coalesce(${donations.paidAt}, excluded.paid_at)`,
        failureReason: payment.failureReason,
      },
      setWhere: inArray(donations.status, statusesBelow(payment.outcome)),
    })
    .returning({ id: donations.id });
  if (!row || payment.outcome !== 'succeeded') return null;
  await attachToVerifiedMember(tx, row.id);
  return row.id;
}

/**
 * Records the total Stripe has refunded on a donation's charge. Totals only grow, so a late
 * event carrying a smaller total changes nothing; the gift counts as refunded once in full.
 */
export async function applyRefund(
  tx: Transaction,
  donationId: string,
  refundedMinor: number,
  at: Date,
): Promise<void> {
  const total = sql`greatest(${donations.refundedAmountMinor}, least(${refundedMinor}, ${donations.amountMinor}))`;
  const updated = await tx
    .update(donations)
    .set({
      refundedAmountMinor: total,
      refundedAt: sql`coalesce(${donations.refundedAt}, ${at.toISOString()}::timestamptz)`,
      status: sql`case when ${total} >= ${donations.amountMinor} then 'refunded'::donation_status else ${donations.status} end`,
    })
    .where(and(eq(donations.id, donationId), inArray(donations.status, ['succeeded', 'refunded'])))
    .returning({ id: donations.id });
  if (updated.length === 0) {
    throw new RetryLaterError(
      `refund for donation ${donationId}, whose payment is not confirmed yet`,
    );
  }
}

/** The donation behind a Stripe payment, by whichever of its ids we hold. */
export async function findDonationByPayment(
  db: Database | Transaction,
  ids: { paymentIntentId?: string | null; chargeId?: string | null; invoiceId?: string | null },
): Promise<Donation | undefined> {
  const conditions = [
    ids.paymentIntentId && eq(donations.stripePaymentIntentId, ids.paymentIntentId),
    ids.chargeId && eq(donations.stripeChargeId, ids.chargeId),
    ids.invoiceId && eq(donations.stripeInvoiceId, ids.invoiceId),
  ].filter((condition) => condition !== null && condition !== undefined && condition !== '');
  if (conditions.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(donations)
    .where(sql.join(conditions as ReturnType<typeof eq>[], sql` or `))
    .limit(1);
  return row;
}
