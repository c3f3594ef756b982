import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations, users, type Donation } from '@/db/schema';
import { stripeCustomerFor } from '@/lib/payments/customers';
import { getSiteConfig } from '@/lib/config/site';
import { createCheckout, openCheckoutUrl } from '@/lib/payments/checkout';
import { getStripe } from '@/lib/payments/stripe-client';
import { requestLogger } from '@/lib/platform/request-log';
import { hitRateLimits, type RateRule } from '@/lib/security/rate-limit';
import { tryAgainMessage } from '@/lib/security/retry-message';
import type { DonationRequest } from './donation-form';
import { recordDeclaration } from './declarations';
import { resumableDonation } from './resume';
import { isSoftOptInList } from '@/lib/newsletters/soft-opt-in';

export const checkoutPerIp: RateRule = { bucket: 'donate:ip', limit: 20, windowSeconds: 3600 };
export const checkoutPerEmail: RateRule = { bucket: 'donate:email', limit: 8, windowSeconds: 3600 };

export type StartOutcome =
  { ok: true; url: string } | { ok: false; error: string; attempt?: string };

export const notConfiguredMessage =
  'Donations are not configured on this site yet, so no gift can be taken here.';

const stripeDownMessage =
  'We could not reach our payment provider, so nothing was charged. Please try again in a moment.';

export function isDonationsConfigured(): boolean {
  return getStripe() !== null;
}

/**
 * Starts a gift: records it as pending (with its Gift Aid declaration), then opens a Stripe
 * Checkout Session for it. Nothing is marked paid here; only Stripe's webhook does that.
 */
export async function startDonation(
  request: DonationRequest,
  context: { ip: string; userId: string | null },
): Promise<StartOutcome> {
  if (!isDonationsConfigured()) return { ok: false, error: notConfiguredMessage };
  const throttle = await hitRateLimits([
    { rule: checkoutPerIp, subject: context.ip },
    { rule: checkoutPerEmail, subject: request.email },
  ]);
  if (!throttle.allowed) return { ok: false, error: tryAgainMessage(throttle.retryAfterSeconds) };

  const donation =
    (await reusableAttempt(request)) ?? (await recordPending(request, context.userId));
  if (donation.stripeCheckoutSessionId) {
    const url = await openCheckoutUrl(donation.stripeCheckoutSessionId);
    if (url) return { ok: true, url };
  }

  const site = getSiteConfig();
  const checkout = await createCheckout({
    donationId: donation.id,
    frequency: donation.frequency,
    amountMinor: donation.amountMinor,
    currency: donation.currency,
    email: request.email,
    customerId: await donorCustomer(request, context.userId),
    description:
      donation.frequency === 'monthly' ? `Monthly gift to ${site.name}` : `Gift to ${site.name}`,
  });
  if (!checkout.ok) {
    const log = await requestLogger();
    log.error({ donationId: donation.id, problem: checkout.problem }, 'Checkout could not start');
    await getDb()
      .update(donations)
      .set({ status: 'checkout_failed', failureReason: checkout.problem.slice(0, 500) })
      .where(
        and(
          eq(donations.id, donation.id),
          inArray(donations.status, ['pending', 'checkout_failed']),
        ),
      );
    return { ok: false, error: stripeDownMessage, attempt: donation.id };
  }
  await getDb()
    .update(donations)
    .set({ status: 'pending', failureReason: null, stripeCheckoutSessionId: checkout.sessionId })
    .where(
      and(eq(donations.id, donation.id), inArray(donations.status, ['pending', 'checkout_failed'])),
    );
  return { ok: true, url: checkout.url };
}

/**
 * The signed-in donor's Stripe customer when they give with their account's address, so their
 * gifts and membership share one; null for a guest, another address, or Stripe unreachable
 * (Checkout then takes the address as typed, as for a guest).
 */
async function donorCustomer(request: DonationRequest, userId: string | null) {
  if (!userId) return null;
  const [account] = await getDb()
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (account?.email !== request.email) return null;
  const customer = await stripeCustomerFor({
    id: userId,
    email: account.email,
    name: request.name,
  });
  return customer.ok ? customer.customerId : null;
}

/**
 * The row of an earlier try of this same form, when it is still waiting and asks for the same
 * gift; a changed amount, frequency or address is a new gift with a row of its own.
 */
async function reusableAttempt(request: DonationRequest): Promise<Donation | null> {
  if (!request.attempt) return null;
  const [row] = await getDb().select().from(donations).where(resumableDonation(request.attempt));
  const same =
    row &&
    row.amountMinor === request.amountMinor &&
    row.frequency === request.frequency &&
    row.currency === request.currency &&
    row.email === request.email &&
    (row.giftAidDeclarationId !== null) === (request.giftAid !== null) &&
    // A refusal ticked or unticked since is a new answer, which the first row must not outlive.
    (row.newsRefused ?? null) === (request.news?.refused ?? null);
  return same ? row : null;
}

async function recordPending(request: DonationRequest, userId: string | null): Promise<Donation> {
  return getDb().transaction(async (tx) => {
    const giftAidDeclarationId = request.giftAid
      ? await recordDeclaration(tx, request.giftAid, userId)
      : null;
    // The form's id names the row when it is free, so the same form re-sent finds it again.
    const idTaken =
      request.attempt &&
      (
        await tx
          .select({ id: donations.id })
          .from(donations)
          .where(eq(donations.id, request.attempt))
      ).length > 0;
    const [row] = await tx
      .insert(donations)
      .values({
        ...(request.attempt && !idTaken ? { id: request.attempt } : {}),
        userId,
        email: request.email,
        donorName: request.name,
        anonymous: request.anonymous,
        frequency: request.frequency,
        amountMinor: request.amountMinor,
        currency: request.currency,
        giftAidDeclarationId,
        // A refusal is recorded only against the list the form offers now: an offer the site has
        // since withdrawn, or a made-up one, counts as none.
        ...(request.news && (await isSoftOptInList(tx, request.news.listId))
          ? { newsListId: request.news.listId, newsRefused: request.news.refused }
          : {}),
      })
      .returning();
    return row!;
  });
}
