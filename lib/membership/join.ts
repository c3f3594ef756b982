import 'server-only';
import { getDb } from '@/db/client';
import type { MembershipInterval } from '@/db/schema';
import { hasDeclaration, recordDeclaration } from '@/lib/giving/declarations';
import type { GiftAidFields } from '@/lib/giving/gift-aid';
import type { Viewer } from '@/lib/auth/who';
import { stripeCustomerFor } from '@/lib/payments/customers';
import { requestLogger } from '@/lib/platform/request-log';
import { getEnv } from '@/lib/platform/env';
import { callStripe, isStripeHostedUrl } from '@/lib/payments/stripe-client';
import { joiningPrice, tierPriceMinor } from './catalog';
import { membershipsOf, runningSubscription, trialOffered } from './held';
import { memberMetadataKey, tierMetadataKey } from './stripe-keys';
import { memberOf } from './subscription-facts';
import { getVisibleTierBySlug } from './tiers';

export type JoinOutcome =
  | { ok: true; url: string }
  | { ok: false; reason: 'not-offered' | 'unverified' | 'already-member' | 'unavailable' };

/**
 * Opens Stripe Checkout for a signed-in, verified person to join a visible tier, monthly or
 * yearly, on their one Stripe customer. The subscription carries who joined and which tier, so
 * every later event about it can be matched without our records. A free trial is given once
 * per person and tier. For a tier whose fee may carry Gift Aid, the member may declare first.
 */
export async function startJoining(
  viewer: Viewer,
  tierSlug: string,
  interval: MembershipInterval,
  giftAid: GiftAidFields | null = null,
): Promise<JoinOutcome> {
  if (!viewer.verified) return { ok: false, reason: 'unverified' };
  const tier = await getVisibleTierBySlug(tierSlug);
  if (!tier || tierPriceMinor(tier, interval) === null) return { ok: false, reason: 'not-offered' };
  const held = await membershipsOf(viewer.id);
  if (runningSubscription(held)) return { ok: false, reason: 'already-member' };

  // A declaration made here covers this fee and those to come (lib/membership/records.ts).
  if (giftAid && tier.giftAidEligible && !(await hasDeclaration(viewer.id))) {
    await recordDeclaration(getDb(), giftAid, viewer.id);
  }
  const customer = await stripeCustomerFor(viewer);
  if (!customer.ok) return unavailable(tier.id, customer);
  const price = await joiningPrice(tier, interval);
  if (!price.ok) return unavailable(tier.id, price);
  const trialDays = tier.trialDays && trialOffered(held, tier.id) ? tier.trialDays : null;
  const metadata = { [memberMetadataKey]: viewer.id, [tierMetadataKey]: tier.id };
  const site = getEnv().siteUrl;
  const session = await callStripe(async (stripe) => {
    const created = await stripe.checkout.sessions.create(
      {
        mode: 'subscription',
        customer: customer.customerId,
        client_reference_id: viewer.id,
        line_items: [{ price: price.priceId, quantity: 1 }],
        metadata,
        subscription_data: {
          metadata,
          ...(trialDays ? { trial_period_days: trialDays } : {}),
        },
        success_url: `${site}/account?membership=joined&session_id={CHECKOUT_SESSION_ID}#membership`,
        cancel_url: `${site}/membership?cancelled=${tier.slug}`,
      },
      // A double click within the same ten minutes gets the session the first click made. The
      // key names what the session holds, and how many memberships the person has had, so a
      // changed offer or a second joining after the first has ended opens a new one.
      {
        idempotencyKey: [
          'membership-checkout',
          viewer.id,
          price.priceId,
          trialDays ?? 0,
          held.length,
          Math.floor(Date.now() / 600_000),
        ].join('-'),
      },
    );
    if (!created.url || !isStripeHostedUrl(created.url)) {
      throw new Error(`Checkout Session ${created.id} has no Stripe-hosted URL`);
    }
    // One membership at a time: the person's other membership Checkouts (another tab, another
    // tier chosen after going back) close, so only the latest can be paid.
    const open = await stripe.checkout.sessions.list({
      customer: customer.customerId,
      status: 'open',
      limit: 100,
    });
    for (const other of open.data) {
      if (other.id !== created.id && memberOf(other.metadata)) {
        await stripe.checkout.sessions.expire(other.id);
      }
    }
    return { url: created.url };
  });
  return session.ok ? session : unavailable(tier.id, session);
}

async function unavailable(tierId: string, failure: { problem: string }): Promise<JoinOutcome> {
  const log = await requestLogger();
  log.error({ tierId, problem: failure.problem }, 'membership checkout could not open');
  return { ok: false, reason: 'unavailable' };
}
