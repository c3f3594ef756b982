import 'server-only';
import { and, eq, isNotNull, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, memberships, type Membership } from '@/db/schema';
import { cancelSubscriptionNow } from '@/lib/payments/cancel-subscription';
import { callStripe, getStripe } from '@/lib/payments/stripe-client';
import { idOf } from '@/lib/payments/subscription-state';
import { logger } from '@/lib/platform/log';
import { hitRateLimit, type RateRule } from '@/lib/security/rate-limit';
import { recordMembershipPayment, recordSubscription } from './records';
import { paidInvoice, readSubscription } from './stripe-events';
import { memberOf, type SubscriptionFacts } from './subscription-facts';

// Stripe never starts these again: nothing about them can drift.
const settled: Membership['status'][] = ['canceled', 'incomplete_expired'];

// The addresses that read Stripe on a member's behalf (their return from Checkout or the portal)
// can be opened at will: a few times a quarter hour each, as each visit costs calls to Stripe.
const stripeReadsPerMember: RateRule = {
  bucket: 'membership-refresh:member',
  limit: 10,
  windowSeconds: 900,
};

async function record(
  facts: SubscriptionFacts,
  readAt: Date,
  repair = false,
): Promise<Membership | null> {
  return getDb().transaction((tx) => recordSubscription(tx, facts, readAt, { repair }));
}

/**
 * Records the subscription a member's Checkout has just made, and its first payment, when they
 * land back on their account, so the page shows their membership and receipt without waiting
 * for Stripe's webhooks. Only a session opened for this member counts.
 */
export async function recordCheckoutReturn(userId: string, sessionId: string): Promise<void> {
  if (!/^cs_\w{1,200}$/.test(sessionId)) return;
  if (!(await hitRateLimit(stripeReadsPerMember, userId)).allowed) return;
  const read = await callStripe(async (stripe) => {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const subscriptionId = idOf(session.subscription);
    if (memberOf(session.metadata) !== userId || !subscriptionId) return { read: null };
    const invoiceId = idOf(session.invoice);
    const invoice = invoiceId ? await stripe.invoices.retrieve(invoiceId) : null;
    return {
      read: {
        ...(await readSubscription(stripe, subscriptionId)),
        payment: invoice?.status === 'paid' ? await paidInvoice(invoice, stripe) : null,
      },
    };
  });
  if (!read.ok) {
    logger.warn({ problem: read.problem }, 'membership checkout return could not be read');
    return;
  }
  const { facts, readAt, payment } = read.read ?? {};
  if (!facts || facts.userId !== userId || !readAt) return;
  await getDb().transaction(async (tx) => {
    const membership = await recordSubscription(tx, facts, readAt);
    if (membership && payment) await recordMembershipPayment(tx, membership, payment);
  });
}

/**
 * Reads a member's paid memberships afresh from Stripe, when they come back from the billing
 * portal: the webhooks about what they changed there come on Stripe's own time.
 */
export async function refreshMembershipsOf(userId: string): Promise<void> {
  if (!(await hitRateLimit(stripeReadsPerMember, userId)).allowed) return;
  const stripe = getStripe();
  if (!stripe) return;
  for (const row of await runningSubscriptions(eq(memberships.userId, userId))) {
    try {
      const read = await readSubscription(stripe, row.stripeSubscriptionId!);
      if (read.facts) await record(read.facts, read.readAt);
    } catch (error) {
      logger.warn({ err: error, membershipId: row.id }, 'membership could not be refreshed');
      return;
    }
  }
}

function runningSubscriptions(where?: ReturnType<typeof eq>) {
  return getDb()
    .select()
    .from(memberships)
    .where(
      and(
        isNotNull(memberships.stripeSubscriptionId),
        notInArray(memberships.status, settled),
        where,
      ),
    );
}

/**
 * Ends at Stripe every paid membership of a member that could still take a payment, before
 * their account is deleted: once it is gone they could no longer stop it themselves.
 */
export async function stopMembershipsOf(userId: string): Promise<{ ok: boolean }> {
  for (const row of await runningSubscriptions(eq(memberships.userId, userId))) {
    const outcome = await cancelSubscriptionNow(row.stripeSubscriptionId!);
    if (!outcome.ok) {
      logger.error({ membershipId: row.id, problem: outcome.problem }, 'membership not stopped');
      return { ok: false };
    }
  }
  return { ok: true };
}

/** What reconciliation compares: the fields Stripe decides. */
const compared = [
  'tierId',
  'status',
  'interval',
  'amountMinor',
  'currency',
  'stripePriceId',
  'currentPeriodEnd',
  'trialEnd',
  'cancelAtPeriodEnd',
  'pastDueSince',
  'endedAt',
] as const;

function differences(before: Membership, after: Membership): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const field of compared) {
    const was = before[field];
    const now = after[field];
    const same =
      was instanceof Date && now instanceof Date ? was.getTime() === now.getTime() : was === now;
    if (!same) changed[field] = { was, now };
  }
  return changed;
}

export interface ReconcileReport {
  checked: number;
  repaired: number;
  /** Subscriptions Stripe has for members that our records lacked. */
  added: number;
  failed: number;
}

/**
 * Compares every paid membership that has not ended, and every membership subscription Stripe
 * holds, with Stripe, and writes Stripe's version where ours differs, with an audit row saying
 * what drifted: a missed webhook, a failed write, a hand edit. Run nightly by the worker.
 */
export async function reconcileMemberships(): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, repaired: 0, added: 0, failed: 0 };
  const stripe = getStripe();
  if (!stripe) return report;
  const seen = new Set<string>();
  for (const row of await runningSubscriptions()) {
    seen.add(row.stripeSubscriptionId!);
    report.checked += 1;
    try {
      const read = await readSubscription(stripe, row.stripeSubscriptionId!);
      if (!read.facts) continue;
      await repair(row, read.facts, read.readAt, report);
    } catch (error) {
      report.failed += 1;
      logger.warn({ err: error, membershipId: row.id }, 'reconciliation could not read Stripe');
    }
  }
  for await (const subscription of stripe.subscriptions.list({ status: 'all', limit: 100 })) {
    if (seen.has(subscription.id) || !memberOf(subscription.metadata)) continue;
    // Ended at Stripe and not running by our records either: nothing can differ that matters.
    if (settled.includes(subscription.status as Membership['status'])) continue;
    const [known] = await getDb()
      .select()
      .from(memberships)
      .where(eq(memberships.stripeSubscriptionId, subscription.id));
    report.checked += 1;
    const read = await readSubscription(stripe, subscription.id);
    if (!read.facts) continue;
    if (known) await repair(known, read.facts, read.readAt, report);
    else if (await record(read.facts, read.readAt)) {
      report.added += 1;
      await noteDrift(subscription.id, { missing: true });
    }
  }
  return report;
}

async function repair(
  row: Membership,
  facts: SubscriptionFacts,
  readAt: Date,
  report: ReconcileReport,
): Promise<void> {
  const after = await record(facts, readAt, true);
  if (!after) return;
  const changed = differences(row, after);
  if (Object.keys(changed).length === 0) return;
  report.repaired += 1;
  await noteDrift(row.stripeSubscriptionId!, changed, row.id);
}

async function noteDrift(
  subscriptionId: string,
  detail: Record<string, unknown>,
  membershipId?: string,
): Promise<void> {
  logger.warn({ subscriptionId, membershipId, detail }, 'membership drifted from Stripe; repaired');
  const [row] = membershipId
    ? [{ id: membershipId }]
    : await getDb()
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.stripeSubscriptionId, subscriptionId));
  await getDb()
    .insert(auditLog)
    .values({
      actorId: null,
      action: 'membership.repaired',
      subjectType: 'membership',
      subjectId: row?.id ?? subscriptionId,
      detail: { subscriptionId, ...detail },
    });
}
