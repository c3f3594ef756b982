import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations, recurringGifts, type RecurringGift } from '@/db/schema';
import { createPortalSession } from '@/lib/payments/billing-portal';
import { cancelSubscriptionNow, closeMonthlyCheckout } from '@/lib/payments/cancel-subscription';
import { readSubscriptionState } from '@/lib/payments/read-subscription';
import { requestLogger } from '@/lib/platform/request-log';
import { hitRateLimit, type RateRule } from '@/lib/security/rate-limit';
import {
  endedGiftStatuses,
  findDonation,
  updateRecurringGift,
  upsertRecurringGift,
} from './ledger';

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

/** Whether the member has a monthly gift that is still running, by our records. */
export async function givesMonthly(userId: string): Promise<boolean> {
  const [gift] = await getDb()
    .select({ id: recurringGifts.id })
    .from(recurringGifts)
    .where(and(eq(recurringGifts.userId, userId), inArray(recurringGifts.status, running)))
    .limit(1);
  return gift !== undefined;
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

/** The member's monthly gifts that could still take a payment, by our records. */
function runningGiftsOf(userId: string) {
  return getDb()
    .select({ id: recurringGifts.id, subscriptionId: recurringGifts.stripeSubscriptionId })
    .from(recurringGifts)
    .where(
      and(
        eq(recurringGifts.userId, userId),
        isNotNull(recurringGifts.stripeSubscriptionId),
        notInArray(recurringGifts.status, endedGiftStatuses),
      ),
    );
}

const portalRefreshPerMember: RateRule = {
  bucket: 'portal-refresh:member',
  limit: 5,
  windowSeconds: 900,
};

/**
 * Reads the member's running monthly gifts afresh from Stripe and records them. Called when they
 * come back from the billing portal: Stripe sends its webhooks about what they changed there on
 * its own time, often after they are back, and their account page must not show a gift they
 * have just cancelled as running. When Stripe cannot be reached, the records stay as they are
 * and the webhooks bring them up to date. A few times a quarter hour per member at most: the
 * address can be opened at will, and each visit would otherwise cost a call to Stripe per gift.
 */
export async function refreshMonthlyGiftsOf(userId: string): Promise<{ ok: boolean }> {
  if (!(await hitRateLimit(portalRefreshPerMember, userId)).allowed) return { ok: false };
  for (const gift of await runningGiftsOf(userId)) {
    const read = await readSubscriptionState(gift.subscriptionId!);
    if (!read.ok) {
      const log = await requestLogger();
      log.warn({ giftId: gift.id, problem: read.problem }, 'monthly gift could not be refreshed');
      return { ok: false };
    }
    await updateRecurringGift(getDb(), gift.id, read.state);
  }
  return { ok: true };
}

/**
 * Ends at Stripe, at once, every monthly gift of a member that could still take a payment, and
 * records it. Called before their account is deleted: nobody should go on giving through an
 * account they have closed, and once it is gone they could no longer stop the gift themselves.
 * Stops at the first gift Stripe does not confirm as ended, so the caller can keep the account.
 */
export async function stopMonthlyGiftsOf(userId: string): Promise<{ ok: boolean }> {
  for (const gift of await runningGiftsOf(userId)) {
    const outcome = await cancelSubscriptionNow(gift.subscriptionId!);
    if (!outcome.ok) {
      const log = await requestLogger();
      log.error({ giftId: gift.id, problem: outcome.problem }, 'monthly gift could not be stopped');
      return { ok: false };
    }
    await updateRecurringGift(getDb(), gift.id, outcome.state);
  }
  return closeMonthlyCheckoutsOf(userId);
}

/**
 * A monthly gift whose Checkout the member has opened, or paid for moments ago, has no record of
 * its subscription until Stripe's webhook arrives: each such Checkout is closed at Stripe, and a
 * subscription it started is ended and recorded.
 */
async function closeMonthlyCheckoutsOf(userId: string): Promise<{ ok: boolean }> {
  const started = await getDb()
    .select({ id: donations.id, sessionId: donations.stripeCheckoutSessionId })
    .from(donations)
    .where(
      and(
        eq(donations.userId, userId),
        eq(donations.frequency, 'monthly'),
        isNull(donations.recurringGiftId),
        isNotNull(donations.stripeCheckoutSessionId),
        inArray(donations.status, ['pending', 'checkout_failed', 'awaiting_payment']),
      ),
    );
  for (const donation of started) {
    const outcome = await closeMonthlyCheckout(donation.sessionId!);
    if (!outcome.ok) {
      const log = await requestLogger();
      log.error(
        { donationId: donation.id, problem: outcome.problem },
        'monthly gift checkout could not be closed',
      );
      return { ok: false };
    }
    const { state } = outcome;
    if (state) {
      await getDb().transaction(async (tx) => {
        const first = await findDonation(tx, donation.id);
        if (first) await upsertRecurringGift(tx, first, state);
      });
    }
  }
  return { ok: true };
}
