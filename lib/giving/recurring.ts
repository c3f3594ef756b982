import 'server-only';
import { and, desc, eq, isNotNull, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { recurringGifts, type RecurringGift } from '@/db/schema';
import { createPortalSession } from '@/lib/payments/billing-portal';
import { cancelSubscriptionNow } from '@/lib/payments/cancel-subscription';
import { requestLogger } from '@/lib/request-log';

export interface MonthlyGiftRow {
  id: string;
  amountMinor: number;
  currency: string;
  status: RecurringGift['status'];
  /** When the next payment falls due, while the gift is running. */
  nextPaymentAt: string | null;
  /** When a cancellation already asked for takes effect. */
  endsAt: string | null;
  endedAt: string | null;
}

const running: RecurringGift['status'][] = ['active', 'trialing', 'past_due', 'unpaid', 'paused'];

export async function listMonthlyGiftsOf(userId: string): Promise<MonthlyGiftRow[]> {
  const rows = await getDb()
    .select()
    .from(recurringGifts)
    .where(eq(recurringGifts.userId, userId))
    .orderBy(desc(recurringGifts.createdAt));
  return rows.map((gift) => ({
    id: gift.id,
    amountMinor: gift.amountMinor,
    currency: gift.currency,
    status: gift.status,
    nextPaymentAt:
      running.includes(gift.status) && !gift.cancelAt
        ? (gift.currentPeriodEnd?.toISOString() ?? null)
        : null,
    endsAt: gift.status !== 'canceled' ? (gift.cancelAt?.toISOString() ?? null) : null,
    endedAt: gift.canceledAt?.toISOString() ?? null,
  }));
}

/**
 * Opens Stripe's billing portal for a monthly gift, only when the gift belongs to this member:
 * the portal shows and changes everything about its customer.
 */
export async function openBillingPortal(
  userId: string,
  giftId: string,
): Promise<{ ok: true; url: string } | { ok: false; reason: 'not-found' | 'unavailable' }> {
  const [gift] = await getDb()
    .select({ customerId: recurringGifts.stripeCustomerId })
    .from(recurringGifts)
    .where(
      and(
        eq(recurringGifts.id, giftId),
        eq(recurringGifts.userId, userId),
        isNotNull(recurringGifts.stripeCustomerId),
      ),
    );
  if (!gift?.customerId) return { ok: false, reason: 'not-found' };
  const portal = await createPortalSession(gift.customerId);
  if (portal.ok) return portal;
  const log = await requestLogger();
  log.error({ giftId, problem: portal.problem }, 'billing portal could not open');
  return { ok: false, reason: 'unavailable' };
}

// A subscription in these states takes no more payments.
const ended: RecurringGift['status'][] = ['canceled', 'incomplete_expired'];

/**
 * Ends at Stripe, at once, every monthly gift of a member that could still take a payment, and
 * records it. Called before their account is deleted: nobody should go on giving through an
 * account they have closed, and once it is gone they could no longer stop the gift themselves.
 * Stops at the first gift Stripe does not confirm as ended, so the caller can keep the account.
 */
export async function stopMonthlyGiftsOf(userId: string): Promise<{ ok: boolean }> {
  const gifts = await getDb()
    .select({ id: recurringGifts.id, subscriptionId: recurringGifts.stripeSubscriptionId })
    .from(recurringGifts)
    .where(
      and(
        eq(recurringGifts.userId, userId),
        isNotNull(recurringGifts.stripeSubscriptionId),
        notInArray(recurringGifts.status, ended),
      ),
    );
  for (const gift of gifts) {
    const outcome = await cancelSubscriptionNow(gift.subscriptionId!);
    if (!outcome.ok) {
      const log = await requestLogger();
      log.error({ giftId: gift.id, problem: outcome.problem }, 'monthly gift could not be stopped');
      return { ok: false };
    }
    const { state } = outcome;
    await getDb()
      .update(recurringGifts)
      .set({
        status: state.status,
        currentPeriodEnd: state.currentPeriodEnd,
        cancelAt: state.cancelAt,
        canceledAt: state.canceledAt,
      })
      .where(eq(recurringGifts.id, gift.id));
  }
  return { ok: true };
}
