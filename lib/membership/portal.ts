import 'server-only';
import type { MembershipTier } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { getEnv } from '@/lib/platform/env';
import { requestLogger } from '@/lib/platform/request-log';
import { callStripe, isStripeHostedUrl, type Stripe } from '@/lib/payments/stripe-client';
import { joiningPrice } from './catalog';
import { membershipsOf, runningSubscription } from './held';
import { priceOptions } from './offer';
import { listVisibleTiers } from './tiers';

const purposeKey = 'purpose';
const purpose = 'membership';

type PortalProducts =
  Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate.Product[];

/** Each visible tier's product with its current prices: what a member may switch to. */
async function switchableProducts(
  tiers: MembershipTier[],
): Promise<{ ok: true; products: PortalProducts } | { ok: false; problem: string }> {
  const products: PortalProducts = [];
  for (const tier of tiers) {
    const prices: string[] = [];
    let productId: string | null = null;
    for (const option of priceOptions(tier)) {
      const price = await joiningPrice(tier, option.interval);
      if (!price.ok) return price;
      prices.push(price.priceId);
      productId = price.productId;
    }
    if (productId) products.push({ product: productId, prices });
  }
  return { ok: true, products };
}

/**
 * The billing portal's configuration for members, kept in step with the visible tiers each time
 * it is opened: switch tier or between monthly and yearly (Stripe charges the prorated
 * difference at once),
 * update the card, see invoices, and cancel at the end of the paid period. Found again by its
 * metadata, so every instance shares one.
 */
async function membershipPortalConfiguration(): Promise<
  { ok: true; id: string } | { ok: false; problem: string }
> {
  const switchable = await switchableProducts(await listVisibleTiers());
  if (!switchable.ok) return switchable;
  const site = getSiteConfig();
  return callStripe(async (stripe) => {
    const features: Stripe.BillingPortal.ConfigurationCreateParams.Features = {
      payment_method_update: { enabled: true },
      subscription_cancel: { enabled: true, mode: 'at_period_end', proration_behavior: 'none' },
      subscription_update:
        switchable.products.length > 0
          ? {
              enabled: true,
              default_allowed_updates: ['price'],
              products: switchable.products,
              // The difference is charged (or credited) at once, not with the next renewal:
              // otherwise an upgrade followed by a cancellation is never paid for.
              proration_behavior: 'always_invoice',
            }
          : { enabled: false },
    };
    const existing = await stripe.billingPortal.configurations.list({ active: true, limit: 100 });
    const ours = existing.data.find((config) => config.metadata?.[purposeKey] === purpose);
    if (ours) {
      await stripe.billingPortal.configurations.update(ours.id, { features });
      return { id: ours.id };
    }
    const created = await stripe.billingPortal.configurations.create(
      {
        business_profile: { headline: `Your ${site.name} membership` },
        features: { ...features, invoice_history: { enabled: true } },
        metadata: { [purposeKey]: purpose },
      },
      { idempotencyKey: `membership-portal-configuration-${site.name}` },
    );
    return { id: created.id };
  });
}

export type PortalOutcome =
  { ok: true; url: string } | { ok: false; reason: 'none' | 'unavailable' };

/**
 * Opens Stripe's billing portal for the member's running paid membership, where they change
 * tier, interval or card, or cancel. Only their own customer is ever opened.
 */
export async function openMembershipPortal(userId: string): Promise<PortalOutcome> {
  const running = runningSubscription(await membershipsOf(userId));
  if (!running?.stripeCustomerId) return { ok: false, reason: 'none' };
  const customerId = running.stripeCustomerId;
  const configuration = await membershipPortalConfiguration();
  const session = configuration.ok
    ? await callStripe(async (stripe) => {
        const created = await stripe.billingPortal.sessions.create({
          customer: customerId,
          configuration: configuration.id,
          return_url: `${getEnv().siteUrl}/account?portal=membership#membership`,
        });
        if (!isStripeHostedUrl(created.url)) {
          throw new Error(`Billing portal session ${created.id} has no Stripe-hosted URL`);
        }
        return { url: created.url };
      })
    : configuration;
  if (session.ok) return session;
  const log = await requestLogger();
  log.error(
    { membershipId: running.id, problem: session.problem },
    'membership portal did not open',
  );
  return { ok: false, reason: 'unavailable' };
}
