import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { membershipPayments, memberships, type MembershipPayment } from '@/db/schema';
import { RetryLaterError } from '@/lib/giving/ledger';
import { cancelSubscriptionNow } from '@/lib/payments/cancel-subscription';
import type { Stripe } from '@/lib/payments/stripe-client';
import { fromUnix, idOf } from '@/lib/payments/subscription-state';
import { expireGift, giftOf, recordGiftPaid, refundGift } from './gifts';
import { queueGraceNotice } from './notices';
import {
  endMembershipFor,
  paymentByIntent,
  recordMembershipPayment,
  recordSubscription,
  type EndedReason,
  type PaidInvoice,
} from './records';
import { memberOf, subscriptionFacts, type SubscriptionFacts } from './subscription-facts';

/**
 * What one event does to memberships: read from Stripe first, then written in `apply`, which
 * returns the outbox ids of the e-mails it queued.
 */
export interface MembershipPlan {
  apply(tx: Transaction): Promise<string[]>;
}

const queued = (...ids: (string | null)[]) => ids.filter((id): id is string => id !== null);

/**
 * The plan for an event about a membership, or null when the event is about something else.
 * Whatever the event says, the subscription is read afresh from Stripe, so events in any order,
 * repeated or late, leave the membership as Stripe has it now.
 */
export async function planMembershipEvent(
  event: Stripe.Event,
  stripe: Stripe,
): Promise<MembershipPlan | null> {
  const at = new Date(event.created * 1000);
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const giftId = giftOf(session.metadata);
      if (giftId) return giftPaidPlan(giftId, session, at);
      const subscriptionId = idOf(session.subscription);
      if (!memberOf(session.metadata) || !subscriptionId) return null;
      return syncPlan(await readSubscription(stripe, subscriptionId));
    }
    case 'checkout.session.expired': {
      const giftId = giftOf(event.data.object.metadata);
      if (!giftId) return null;
      return {
        async apply(tx) {
          await expireGift(tx, giftId);
          return [];
        },
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      if (!memberOf(subscription.metadata)) return null;
      return syncPlan(await readSubscription(stripe, subscription.id));
    }
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return planInvoice(event.data.object, event.type === 'invoice.paid', stripe);
    case 'charge.refunded': {
      const charge = event.data.object;
      return planEnding(
        idOf(charge.payment_intent),
        charge.refunded ? 'refunded' : null,
        at,
        stripe,
        {
          refundedAmountMinor: charge.amount_refunded,
        },
      );
    }
    case 'charge.dispute.created':
      return planEnding(idOf(event.data.object.payment_intent), 'disputed', at, stripe, {});
    default:
      return null;
  }
}

export interface Read {
  facts: SubscriptionFacts | null;
  /** When Stripe was read: an older read never overwrites a newer one (records.ts). */
  readAt: Date;
}

/** A membership's subscription as Stripe has it now, with its unpaid invoice for the grace. */
export async function readSubscription(stripe: Stripe, subscriptionId: string): Promise<Read> {
  const readAt = new Date();
  const subscription = await stripe.subscriptions.retrieve(subscriptionId, {
    expand: ['latest_invoice'],
  });
  return { facts: subscriptionFacts(subscription), readAt };
}

function giftPaidPlan(
  giftId: string,
  session: Stripe.Checkout.Session,
  at: Date,
): MembershipPlan | null {
  // A bank transfer completes the session unpaid; its async_payment_succeeded pays the gift.
  if (session.payment_status !== 'paid' || session.amount_total === null) return null;
  const payment = {
    paymentIntentId: idOf(session.payment_intent),
    amountMinor: session.amount_total,
    currency: (session.currency ?? '').toUpperCase(),
    paidAt: at,
  };
  return {
    apply: (tx) => recordGiftPaid(tx, giftId, payment),
  };
}

function syncPlan(read: Read): MembershipPlan | null {
  const { facts, readAt } = read;
  if (!facts) return null;
  return {
    async apply(tx) {
      await recordSubscription(tx, facts, readAt);
      return [];
    },
  };
}

async function planInvoice(
  invoice: Stripe.Invoice,
  paid: boolean,
  stripe: Stripe,
): Promise<MembershipPlan | null> {
  const details = invoice.parent?.subscription_details;
  const subscriptionId = idOf(details?.subscription ?? null);
  if (!memberOf(details?.metadata) || !subscriptionId) return null;
  const read = await readSubscription(stripe, subscriptionId);
  const facts = read.facts;
  if (!facts) return null;
  const payment = paid ? await paidInvoice(invoice, stripe) : null;
  return {
    async apply(tx) {
      const membership = await recordSubscription(tx, facts, read.readAt);
      if (!membership) return [];
      if (payment) return queued(await recordMembershipPayment(tx, membership, payment));
      // A first payment that fails is dealt with on Checkout's own page, while they are there.
      if (invoice.billing_reason === 'subscription_create') return [];
      return queued(await queueGraceNotice(tx, membership, invoice.id));
    },
  };
}

/** What a membership payment records of a paid invoice, with the payment intent that paid it. */
export async function paidInvoice(invoice: Stripe.Invoice, stripe: Stripe): Promise<PaidInvoice> {
  const payments = await stripe.invoicePayments.list({ invoice: invoice.id, limit: 10 });
  const settled = payments.data.find((payment) => payment.status === 'paid') ?? payments.data[0];
  const line = invoice.lines.data[0];
  return {
    invoiceId: invoice.id,
    paymentIntentId: idOf(settled?.payment.payment_intent ?? null),
    amountMinor: invoice.amount_paid,
    currency: invoice.currency.toUpperCase(),
    paidAt: fromUnix(invoice.status_transitions.paid_at) ?? new Date(invoice.created * 1000),
    periodStart: fromUnix(line?.period.start),
    periodEnd: fromUnix(line?.period.end),
  };
}

/**
 * A refund or dispute of a membership payment. A full refund or any dispute of its latest
 * payment ends the membership: the subscription is cancelled at Stripe (so it takes no further
 * payment) before the ending is recorded. A partial refund, or one of an older payment, is
 * recorded and changes nothing else.
 */
async function planEnding(
  paymentIntentId: string | null,
  reason: EndedReason | null,
  at: Date,
  stripe: Stripe,
  change: { refundedAmountMinor?: number },
): Promise<MembershipPlan | null> {
  if (!paymentIntentId) return null;
  const payment = await paymentByIntent(getDb(), paymentIntentId);
  if (!payment) {
    if (await isMembershipPayment(stripe, paymentIntentId)) {
      throw new RetryLaterError(`membership payment ${paymentIntentId} is not recorded yet`);
    }
    return null;
  }
  const membership = payment.membershipId ? await membershipOf(payment.membershipId) : null;
  const ends = reason !== null && membership !== null && (await isLatestPayment(payment));
  let read: Read | null = null;
  if (ends && membership?.stripeSubscriptionId) {
    const cancelled = await cancelSubscriptionNow(membership.stripeSubscriptionId);
    if (!cancelled.ok) throw new RetryLaterError(cancelled.problem);
    read = await readSubscription(stripe, membership.stripeSubscriptionId);
  }
  return {
    async apply(tx) {
      await tx
        .update(membershipPayments)
        .set(
          reason === 'disputed'
            ? { disputedAt: at }
            : { refundedAmountMinor: change.refundedAmountMinor ?? 0, refundedAt: at },
        )
        .where(eq(membershipPayments.id, payment.id));
      if (read?.facts) await recordSubscription(tx, read.facts, read.readAt);
      if (ends && membership && reason) await endMembershipFor(tx, membership.id, reason, at);
      // A gift's payment refunded in full, or disputed, withdraws the gift.
      if (reason !== null && !payment.membershipId) await refundGift(tx, paymentIntentId, at);
      return [];
    },
  };
}

async function membershipOf(id: string) {
  const [row] = await getDb().select().from(memberships).where(eq(memberships.id, id));
  return row ?? null;
}

async function isLatestPayment(payment: MembershipPayment): Promise<boolean> {
  if (!payment.membershipId) return false;
  const [latest] = await getDb()
    .select({ id: membershipPayments.id })
    .from(membershipPayments)
    .where(eq(membershipPayments.membershipId, payment.membershipId))
    .orderBy(desc(membershipPayments.paidAt))
    .limit(1);
  return latest?.id === payment.id;
}

async function isMembershipPayment(stripe: Stripe, paymentIntentId: string): Promise<boolean> {
  const payments = await stripe.invoicePayments.list({
    payment: { type: 'payment_intent', payment_intent: paymentIntentId },
  });
  const invoiceId = idOf(payments.data[0]?.invoice ?? null);
  if (!invoiceId) {
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    return giftOf(intent.metadata) !== null;
  }
  const invoice = await stripe.invoices.retrieve(invoiceId);
  return memberOf(invoice.parent?.subscription_details?.metadata) !== null;
}
