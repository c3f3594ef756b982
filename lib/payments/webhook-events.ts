import 'server-only';
import { getDb, type Transaction } from '@/db/client';
import type { Donation } from '@/db/schema';
import {
  advanceDonation,
  applyRefund,
  findDonation,
  findDonationByPayment,
  noteStripeIds,
  recordRenewal,
  RetryLaterError,
  upsertRecurringGift,
} from '@/lib/giving/ledger';
import { planMembershipEvent } from '@/lib/membership/stripe-events';
import { requestLogger } from '@/lib/platform/request-log';
import { donationMetadataKey } from './checkout';
import type { Stripe } from './stripe-client';
import { fromUnix, idOf, subscriptionState } from './subscription-state';

/**
 * What one event does to our records, worked out in two steps: planning reads whatever it
 * needs from Stripe's API (outside any database transaction), then `apply` writes, inside the
 * transaction that also records the event id. `apply` returns the donations it confirmed as
 * paid, for their receipts, and the e-mails it queued, to send once the event is answered.
 */
export interface EventPlan {
  apply(tx: Transaction): Promise<{ confirmed: string[]; emails: string[] }>;
}

/** A donation's plan: `apply` returns the donations it confirmed as paid. */
interface DonationPlan {
  apply(tx: Transaction): Promise<string[]>;
}

export const handledEventTypes = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'invoice.paid',
  'invoice.payment_failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'charge.refunded',
  'charge.dispute.created',
] as const satisfies readonly Stripe.Event['type'][];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ourDonationId = (metadata: Stripe.Metadata | null | undefined) => {
  const id = metadata?.[donationMetadataKey];
  return id && uuidPattern.test(id) ? id : null;
};

/**
 * The plan for an event, or null when it is about neither one of our donations nor one of our
 * memberships (a person's gifts and membership share a Stripe customer, not objects).
 */
export async function planEvent(event: Stripe.Event, stripe: Stripe): Promise<EventPlan | null> {
  const donation = await planDonationEvent(event, stripe);
  if (donation)
    return { apply: async (tx) => ({ confirmed: await donation.apply(tx), emails: [] }) };
  const membership = await planMembershipEvent(event, stripe);
  if (!membership) return null;
  return { apply: async (tx) => ({ confirmed: [], emails: await membership.apply(tx) }) };
}

async function planDonationEvent(
  event: Stripe.Event,
  stripe: Stripe,
): Promise<DonationPlan | null> {
  const at = new Date(event.created * 1000);
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return planCheckoutEvent(event.type, event.data.object, at, stripe);
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return planInvoiceEvent(event.data.object, event.type === 'invoice.paid', stripe);
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return planSubscriptionEvent(event.data.object, stripe);
    case 'charge.refunded':
      return planRefund(event.data.object, at, stripe);
    default:
      return null;
  }
}

async function planCheckoutEvent(
  type: string,
  session: Stripe.Checkout.Session,
  at: Date,
  stripe: Stripe,
): Promise<DonationPlan | null> {
  const donationId = ourDonationId(session.metadata);
  if (!donationId) return null;
  const subscriptionId = idOf(session.subscription);
  // The subscription as it stands now, not as this (perhaps old) event describes it.
  const subscription =
    type === 'checkout.session.completed' && subscriptionId
      ? subscriptionState(await stripe.subscriptions.retrieve(subscriptionId))
      : null;
  return {
    async apply(tx) {
      const donation = await findDonation(tx, donationId);
      if (!donation || !(await matchesAmount(donation, session))) return [];
      await noteStripeIds(tx, donation.id, {
        stripeCheckoutSessionId: session.id,
        stripePaymentIntentId: idOf(session.payment_intent),
      });
      if (subscription) await upsertRecurringGift(tx, donation, subscription);
      switch (type) {
        case 'checkout.session.expired':
          await advanceDonation(tx, donation.id, 'expired');
          return [];
        case 'checkout.session.async_payment_failed':
          await advanceDonation(tx, donation.id, 'failed', {
            failureReason: 'The payment did not go through.',
          });
          return [];
        default: {
          const paid = session.payment_status !== 'unpaid';
          if (!paid) {
            await advanceDonation(tx, donation.id, 'awaiting_payment');
            return [];
          }
          const confirmed = await advanceDonation(tx, donation.id, 'succeeded', { paidAt: at });
          return confirmed ? [donation.id] : [];
        }
      }
    },
  };
}

// Checkout was opened with our amount; anything else means the session is not the one we made,
// so the gift is flagged for a person to look at rather than counted.
async function matchesAmount(
  donation: Donation,
  session: Stripe.Checkout.Session,
): Promise<boolean> {
  const { amount_total: amount, currency } = session;
  if (amount === donation.amountMinor && currency?.toUpperCase() === donation.currency) return true;
  const log = await requestLogger();
  log.error(
    {
      donationId: donation.id,
      checkoutSessionId: session.id,
      reported: { amountMinor: amount, currency },
      recorded: { amountMinor: donation.amountMinor, currency: donation.currency },
    },
    'donation amount differs from Stripe; not counted',
  );
  return false;
}

async function planInvoiceEvent(
  invoice: Stripe.Invoice,
  paid: boolean,
  stripe: Stripe,
): Promise<DonationPlan | null> {
  const details = invoice.parent?.subscription_details;
  const subscriptionId = idOf(details?.subscription ?? null);
  const donationId = ourDonationId(details?.metadata);
  if (!subscriptionId || !donationId) return null;
  const subscription = subscriptionState(await stripe.subscriptions.retrieve(subscriptionId));
  const paidAt = fromUnix(invoice.status_transitions.paid_at) ?? new Date(invoice.created * 1000);
  return {
    async apply(tx) {
      const first = await findDonation(tx, donationId);
      if (!first) return [];
      const gift = await upsertRecurringGift(tx, first, subscription);
      if (invoice.billing_reason === 'subscription_create') {
        await noteStripeIds(tx, first.id, { stripeInvoiceId: invoice.id });
        if (!paid) {
          await advanceDonation(tx, first.id, 'failed', {
            failureReason: 'The first monthly payment did not go through.',
          });
          return [];
        }
        return (await advanceDonation(tx, first.id, 'succeeded', { paidAt })) ? [first.id] : [];
      }
      const amountMinor = paid ? invoice.amount_paid : invoice.amount_due;
      if (amountMinor <= 0) return [];
      const confirmed = await recordRenewal(tx, first, gift, {
        invoiceId: invoice.id,
        amountMinor,
        currency: invoice.currency.toUpperCase(),
        outcome: paid ? 'succeeded' : 'failed',
        paidAt: paid ? paidAt : null,
        failureReason: paid ? null : 'The monthly payment did not go through.',
      });
      return confirmed ? [confirmed] : [];
    },
  };
}

async function planSubscriptionEvent(
  subscription: Stripe.Subscription,
  stripe: Stripe,
): Promise<DonationPlan | null> {
  const donationId = ourDonationId(subscription.metadata);
  if (!donationId) return null;
  const current = subscriptionState(await stripe.subscriptions.retrieve(subscription.id));
  return {
    async apply(tx) {
      const first = await findDonation(tx, donationId);
      if (first) await upsertRecurringGift(tx, first, current);
      return [];
    },
  };
}

/**
 * A refund names only a charge and its payment intent. A one-off gift is found by its payment
 * intent; a monthly payment through the invoice that the payment intent paid.
 */
async function planRefund(
  charge: Stripe.Charge,
  at: Date,
  stripe: Stripe,
): Promise<DonationPlan | null> {
  const paymentIntentId = idOf(charge.payment_intent);
  const ids = { paymentIntentId, chargeId: charge.id, invoiceId: null as string | null };
  let donation = await findDonationByPayment(getDb(), ids);
  if (!donation && paymentIntentId) {
    const payments = await stripe.invoicePayments.list({
      payment: { type: 'payment_intent', payment_intent: paymentIntentId },
    });
    ids.invoiceId = idOf(payments.data[0]?.invoice ?? null);
    if (ids.invoiceId) donation = await findDonationByPayment(getDb(), ids);
    if (!donation && (await isOurPayment(stripe, paymentIntentId, ids.invoiceId))) {
      throw new RetryLaterError(`refund of ${charge.id} for a payment not recorded yet`);
    }
  }
  if (!donation) return null;
  const donationId = donation.id;
  return {
    async apply(tx) {
      await noteStripeIds(tx, donationId, {
        stripePaymentIntentId: paymentIntentId,
        stripeChargeId: charge.id,
      });
      await applyRefund(tx, donationId, charge.amount_refunded, at);
      return [];
    },
  };
}

async function isOurPayment(
  stripe: Stripe,
  paymentIntentId: string,
  invoiceId: string | null,
): Promise<boolean> {
  if (invoiceId) {
    const invoice = await stripe.invoices.retrieve(invoiceId);
    return ourDonationId(invoice.parent?.subscription_details?.metadata) !== null;
  }
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  return ourDonationId(intent.metadata) !== null;
}
