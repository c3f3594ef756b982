import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  membershipPrices,
  membershipTiers,
  type MembershipInterval,
  type MembershipTier,
} from '@/db/schema';
import { requestLogger } from '@/lib/platform/request-log';
import { callStripe, type StripeOutcome } from '@/lib/payments/stripe-client';
import { tierMetadataKey } from './stripe-keys';

export function tierPriceMinor(tier: MembershipTier, interval: MembershipInterval): number | null {
  return interval === 'month' ? tier.monthlyPriceMinor : tier.yearlyPriceMinor;
}

/**
 * The Stripe price new members of a tier join on, for one interval, made when first needed.
 * Stripe's prices cannot change amount: when the tier's price has changed since, a new price is
 * made and the old one archived, and members already on it keep paying it until they change.
 */
export async function joiningPrice(
  tier: MembershipTier,
  interval: MembershipInterval,
): Promise<StripeOutcome<{ priceId: string; productId: string }>> {
  const amount = tierPriceMinor(tier, interval);
  if (amount === null) return { ok: false, problem: `${tier.name} has no ${interval}ly price` };
  const [current] = await getDb()
    .select()
    .from(membershipPrices)
    .where(
      and(
        eq(membershipPrices.tierId, tier.id),
        eq(membershipPrices.interval, interval),
        eq(membershipPrices.current, true),
      ),
    );
  const product = await productFor(tier);
  if (!product.ok) return product;
  if (current && current.amountMinor === amount && current.currency === tier.currency) {
    return { ok: true, priceId: current.stripePriceId, productId: product.productId };
  }
  // Numbered by how many prices the tier has had for the interval, so two joiners at once make
  // one price, while going back to an earlier amount makes a new one (the old is archived).
  const [made] = await getDb()
    .select({ n: count() })
    .from(membershipPrices)
    .where(and(eq(membershipPrices.tierId, tier.id), eq(membershipPrices.interval, interval)));
  const created = await callStripe(async (stripe) => {
    const price = await stripe.prices.create(
      {
        product: product.productId,
        currency: tier.currency.toLowerCase(),
        unit_amount: amount,
        recurring: { interval },
        metadata: { [tierMetadataKey]: tier.id },
      },
      { idempotencyKey: `tier-price-${tier.id}-${interval}-${made?.n ?? 0}` },
    );
    return { priceId: price.id, productId: product.productId };
  });
  if (!created.ok) return created;
  await getDb().transaction(async (tx) => {
    await tx
      .update(membershipPrices)
      .set({ current: false })
      .where(
        and(
          eq(membershipPrices.tierId, tier.id),
          eq(membershipPrices.interval, interval),
          eq(membershipPrices.current, true),
        ),
      );
    await tx
      .insert(membershipPrices)
      .values({
        stripePriceId: created.priceId,
        tierId: tier.id,
        interval,
        amountMinor: amount,
        currency: tier.currency,
      })
      .onConflictDoUpdate({ target: membershipPrices.stripePriceId, set: { current: true } });
  });
  if (current) await archivePrice(current.stripePriceId);
  return created;
}

async function productFor(tier: MembershipTier): Promise<StripeOutcome<{ productId: string }>> {
  if (tier.stripeProductId) return { ok: true, productId: tier.stripeProductId };
  const created = await callStripe(async (stripe) => {
    const product = await stripe.products.create(
      { name: tier.name, metadata: { [tierMetadataKey]: tier.id } },
      { idempotencyKey: `tier-product-${tier.id}` },
    );
    return { productId: product.id };
  });
  if (!created.ok) return created;
  await getDb()
    .update(membershipTiers)
    .set({ stripeProductId: created.productId })
    .where(and(eq(membershipTiers.id, tier.id), isNull(membershipTiers.stripeProductId)));
  return created;
}

/** Nobody new joins on an archived price; a failure only leaves it open for Checkout links. */
async function archivePrice(priceId: string): Promise<void> {
  const archived = await callStripe(async (stripe) => {
    await stripe.prices.update(priceId, { active: false });
    return {};
  });
  if (!archived.ok) {
    const log = await requestLogger();
    log.warn({ priceId, problem: archived.problem }, 'old membership price not archived');
  }
}

/** The tier and interval of each price we have made, for reading Stripe's subscriptions. */
export async function priceOf(
  priceId: string,
): Promise<{ tierId: string; interval: MembershipInterval } | null> {
  const [row] = await getDb()
    .select({ tierId: membershipPrices.tierId, interval: membershipPrices.interval })
    .from(membershipPrices)
    .where(eq(membershipPrices.stripePriceId, priceId));
  return row ?? null;
}
