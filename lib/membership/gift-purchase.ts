import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { membershipGifts, membershipTiers } from '@/db/schema';
import type { Viewer } from '@/lib/auth/who';
import { callStripe, isStripeHostedUrl } from '@/lib/payments/stripe-client';
import { getEnv } from '@/lib/platform/env';
import { requestLogger } from '@/lib/platform/request-log';
import { londonToday } from '@/lib/time/london';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { giftInputSchema, giftPrice, type GiftFormValues } from './gift-input';
import { giftDescription, giftMetadataKey, giftOf } from './gifts';
import { getVisibleTierBySlug } from './tiers';

// Buying a gift membership, on the site: the rest of a gift's life (paid, sent, redeemed) is in
// ./gifts.ts, which the worker runs too.

export type GiftPurchase =
  { ok: true; url: string } | { ok: false; errors: FieldErrors } | { ok: false; unavailable: true };

/**
 * Records a gift and opens Stripe Checkout to pay for it once. The price is the server's, from
 * the tier (giftPrice); the buyer pays on their own Stripe customer when signed in.
 */
export async function startGiftPurchase(
  values: Partial<GiftFormValues>,
  viewer: Viewer | null,
): Promise<GiftPurchase> {
  const parsed = giftInputSchema(londonToday()).safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const tier = await getVisibleTierBySlug(input.tier);
  const amountMinor = tier ? giftPrice(tier, input.months) : null;
  if (!tier || amountMinor === null) {
    return { ok: false, errors: { tier: 'This tier cannot be given. Choose another.' } };
  }
  const [gift] = await getDb()
    .insert(membershipGifts)
    .values({
      tierId: tier.id,
      months: input.months,
      amountMinor,
      currency: tier.currency,
      buyerUserId: viewer?.id ?? null,
      buyerName: input.buyerName,
      buyerEmail: input.buyerEmail,
      recipientName: input.recipientName,
      recipientEmail: input.recipientEmail,
      message: input.message,
      deliverOn: input.deliverOn,
    })
    .returning();
  const site = getEnv().siteUrl;
  const description = `Gift: ${giftDescription(tier.name, input.months)}`;
  const metadata = { [giftMetadataKey]: gift!.id };
  const session = await callStripe(async (stripe) => {
    const created = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        customer_email: input.buyerEmail,
        client_reference_id: gift!.id,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: tier.currency.toLowerCase(),
              unit_amount: amountMinor,
              product_data: { name: description },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata, description },
        success_url: `${site}/membership/gift/thank-you?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${site}/membership/gift?tier=${tier.slug}`,
      },
      { idempotencyKey: `membership-gift-checkout-${gift!.id}` },
    );
    if (!created.url || !isStripeHostedUrl(created.url)) {
      throw new Error(`Checkout Session ${created.id} has no Stripe-hosted URL`);
    }
    await getDb()
      .update(membershipGifts)
      .set({ stripeCheckoutSessionId: created.id })
      .where(eq(membershipGifts.id, gift!.id));
    return { url: created.url };
  });
  if (session.ok) return session;
  const log = await requestLogger();
  log.error({ giftId: gift!.id, problem: session.problem }, 'gift checkout could not open');
  return { ok: false, unavailable: true };
}

export interface GiftSummary {
  description: string;
  recipientName: string;
  deliverOn: string;
  amountMinor: number;
  currency: string;
  /** False while a bank transfer is on its way. */
  paid: boolean;
}

/**
 * What the gift thank-you page shows, from Stripe's own record of the session: 'unknown' for a
 * session that is not one of our gifts, 'unavailable' when Stripe cannot be reached.
 */
export async function giftSummaryFor(
  sessionId: string,
): Promise<GiftSummary | 'unknown' | 'unavailable'> {
  if (!/^cs_\w{1,200}$/.test(sessionId)) return 'unknown';
  const read = await callStripe(async (stripe) => ({
    session: await stripe.checkout.sessions.retrieve(sessionId),
  }));
  if (!read.ok) return read.problem.includes('resource_missing') ? 'unknown' : 'unavailable';
  const giftId = giftOf(read.session.metadata);
  if (!giftId || read.session.status !== 'complete') return 'unknown';
  const [row] = await getDb()
    .select({ gift: membershipGifts, tierName: membershipTiers.name })
    .from(membershipGifts)
    .innerJoin(membershipTiers, eq(membershipTiers.id, membershipGifts.tierId))
    .where(eq(membershipGifts.id, giftId));
  if (!row) return 'unknown';
  return {
    description: giftDescription(row.tierName, row.gift.months),
    recipientName: row.gift.recipientName,
    deliverOn: row.gift.deliverOn,
    amountMinor: row.gift.amountMinor,
    currency: row.gift.currency,
    paid: read.session.payment_status === 'paid',
  };
}
