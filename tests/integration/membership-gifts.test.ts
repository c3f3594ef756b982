import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emailOutbox, membershipGifts, membershipPayments, memberships } from '@/db/schema';
import { AdminOnlyError, type Viewer } from '@/lib/auth/who';
import { listGiftsForAdmin } from '@/lib/membership/admin-reads';
import { giftPrice } from '@/lib/membership/gift-input';
import {
  deliverDueGifts,
  giftsGivenBy,
  redeemGift,
  remindEndingGifts,
} from '@/lib/membership/gifts';
import { giftSummaryFor, startGiftPurchase } from '@/lib/membership/gift-purchase';
import { membershipsOf } from '@/lib/membership/held';
import { readerOf } from '@/lib/membership/reader';
import { saveTier } from '@/lib/membership/tiers';
import { londonToday } from '@/lib/time/london';
import { deliverUntilAccepted, fakeStripeForThisFile } from '../support/giving';
import { verifiedUser } from '../support/verified-user';

const fake = await fakeStripeForThisFile();

let tier: { id: string; slug: string };
let admin: { id: string };
let counter = 0;

beforeAll(async () => {
  admin = await verifiedUser('gifts-admin@example.org', 'admin');
  const saved = await saveTier(admin, null, {
    name: 'Fellow',
    slug: '',
    description: '',
    benefits: '',
    monthlyPrice: '20',
    yearlyPrice: '200',
    currency: 'GBP',
    trialDays: '',
    visible: 'on',
    position: '1',
    giftAidEligible: 'on',
  });
  if (!saved.ok) throw new Error('tier not saved');
  tier = saved;
});

async function person(): Promise<Viewer> {
  counter += 1;
  const email = `gift-person${counter}@example.org`;
  const { id } = await verifiedUser(email, 'member');
  return { id, email, name: null, role: 'member', verified: true, signedInAt: 0 };
}

function form(overrides: Record<string, string> = {}) {
  counter += 1;
  return {
    tier: tier.slug,
    months: '6',
    recipientName: 'Grace Hopper',
    recipientEmail: `recipient${counter}@example.org`,
    message: 'For all the reading you do.',
    deliverOn: londonToday(),
    buyerName: 'Ada Byron',
    buyerEmail: `buyer${counter}@example.org`,
    ...overrides,
  };
}

/** Buys a gift through Checkout and delivers Stripe's events; answers the gift's row. */
async function bought(overrides: Record<string, string> = {}) {
  const started = await startGiftPurchase(form(overrides), null);
  if (!started.ok) throw new Error(JSON.stringify(started));
  const sessionId = new URL(started.url).pathname.split('/').at(-1)!;
  const results = await deliverUntilAccepted(fake, fake.completeCheckout(sessionId));
  const [gift] = await getDb()
    .select()
    .from(membershipGifts)
    .where(eq(membershipGifts.stripeCheckoutSessionId, sessionId));
  return { gift: gift!, sessionId, results };
}

/** The redemption link in the e-mail the recipient was sent, as its token. */
async function tokenSentTo(email: string): Promise<string> {
  const [mail] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.recipient, email));
  const match = /\/membership\/redeem\/([\w-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no redemption link sent to ${email}`);
  return match[1]!;
}

describe('gift prices', () => {
  it('are a year at the yearly price, shorter gifts at the monthly one', () => {
    const prices = { monthlyPriceMinor: 2_000, yearlyPriceMinor: 20_000 };
    expect(giftPrice(prices, 12)).toBe(20_000);
    expect(giftPrice(prices, 6)).toBe(12_000);
    expect(giftPrice({ ...prices, monthlyPriceMinor: null }, 3)).toBe(5_000);
    expect(giftPrice({ ...prices, yearlyPriceMinor: null }, 12)).toBe(24_000);
  });
});

describe('buying a gift membership', () => {
  it('charges the server’s price once, then sends it today with a single-use link', async () => {
    const { gift, sessionId, results } = await bought();
    expect(gift).toMatchObject({ status: 'delivered', amountMinor: 12_000, months: 6 });
    // The receipt and the gift go out as soon as the webhook is answered, not a worker's turn later.
    const completed = results.find((result) => result.eventType === 'checkout.session.completed');
    expect(completed?.receipts).toHaveLength(2);
    expect(gift.redeemTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const session = fake.getSession(sessionId)!;
    expect(session).toMatchObject({ mode: 'payment', amount_total: 12_000 });
    const [payment] = await getDb()
      .select()
      .from(membershipPayments)
      .where(eq(membershipPayments.stripePaymentIntentId, gift.stripePaymentIntentId!));
    expect(payment).toMatchObject({ giftAidEligible: false, membershipId: null });
    const token = await tokenSentTo(gift.recipientEmail);
    expect(token.length).toBeGreaterThan(30);
    const receipts = await getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.recipient, gift.buyerEmail!));
    expect(receipts).toHaveLength(1);
    expect(await giftSummaryFor(sessionId)).toMatchObject({ recipientName: 'Grace Hopper' });
  });

  it('is listed, once paid, among the gifts its signed-in buyer has given', async () => {
    const buyer = await person();
    const started = await startGiftPurchase(form({ buyerEmail: buyer.email }), buyer);
    if (!started.ok) throw new Error('not started');
    expect(await giftsGivenBy(buyer.id)).toEqual([]);
    await deliverUntilAccepted(
      fake,
      fake.completeCheckout(new URL(started.url).pathname.split('/').at(-1)!),
    );
    expect(await giftsGivenBy(buyer.id)).toMatchObject([
      {
        description: 'Fellow membership for 6 months',
        recipientName: 'Grace Hopper',
        status: 'delivered',
      },
    ]);
  });

  it('are listed for admins, newest first, and for nobody else', async () => {
    const { gift } = await bought({ recipientName: 'Listed Recipient' });
    const [latest] = await listGiftsForAdmin(admin);
    expect(latest).toMatchObject({
      id: gift.id,
      recipientName: 'Listed Recipient',
      status: 'delivered',
    });
    await expect(listGiftsForAdmin(await person())).rejects.toThrow(AdminOnlyError);
  });

  it('refuses a day in the past or over a year away, an unknown tier, and no recipient', async () => {
    const refused = await startGiftPurchase(
      form({ deliverOn: '2020-01-01', tier: 'nope', recipientName: ' ', months: '7' }),
      null,
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: {
        deliverOn: 'Choose today or a day to come.',
        recipientName: expect.any(String),
        months: 'Choose 3, 6 or 12 months.',
      },
    });
    const far = await startGiftPurchase(form({ deliverOn: '2099-01-01' }), null);
    expect(far).toMatchObject({ errors: { deliverOn: 'Choose a day within the next year.' } });
    const unknown = await startGiftPurchase(form({ tier: 'nope' }), null);
    expect(unknown).toMatchObject({ errors: { tier: expect.any(String) } });
  });

  it('waits for its day, then the worker sends it once', async () => {
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const { gift } = await bought({ deliverOn: later });
    expect(gift.status).toBe('paid');
    await deliverDueGifts();
    const [still] = await getDb()
      .select()
      .from(membershipGifts)
      .where(eq(membershipGifts.id, gift.id));
    expect(still?.status).toBe('paid');
    await deliverDueGifts(later);
    await deliverDueGifts(later);
    const sent = await getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.recipient, gift.recipientEmail));
    expect(sent).toHaveLength(1);
  });
});

describe('redeeming a gift', () => {
  it('starts the membership for whoever opens the link, once, and reminds them before it ends', async () => {
    const { gift } = await bought({ months: '3' });
    const token = await tokenSentTo(gift.recipientEmail);
    const recipient = await person();
    const now = new Date();
    const [first, second] = await Promise.all([
      redeemGift(recipient, token, now),
      redeemGift(recipient, token, now),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const [held] = await membershipsOf(recipient.id);
    expect(held).toMatchObject({ source: 'gift', tierId: tier.id });
    expect(held?.standing.state).toBe('active');
    expect((await readerOf(recipient)).tiers).toEqual([tier.id]);
    expect(await redeemGift(await person(), token)).toEqual({ ok: false, reason: 'used' });

    const endsAt = held!.endsAt!;
    expect(await remindEndingGifts(new Date(endsAt.getTime() - 30 * 86_400_000))).toBe(0);
    const weekBefore = new Date(endsAt.getTime() - 6 * 86_400_000);
    expect(await remindEndingGifts(weekBefore)).toBeGreaterThanOrEqual(1);
    await remindEndingGifts(weekBefore);
    const reminders = await getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.recipient, recipient.email));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain('ends on');
    expect((await membershipsOf(recipient.id, getDb(), endsAt))[0]?.standing.state).toBe('ended');
  });

  it('refuses a wrong link and an unverified account', async () => {
    const recipient = await person();
    expect(await redeemGift(recipient, 'x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    const { gift } = await bought();
    const token = await tokenSentTo(gift.recipientEmail);
    expect(await redeemGift({ ...recipient, verified: false }, token)).toEqual({
      ok: false,
      reason: 'unverified',
    });
  });

  it('is withdrawn by a full refund, which ends a membership it started', async () => {
    const { gift } = await bought();
    const token = await tokenSentTo(gift.recipientEmail);
    const recipient = await person();
    await redeemGift(recipient, token);
    const charge = fake.listCharges().find((c) => c.payment_intent === gift.stripePaymentIntentId)!;
    await deliverUntilAccepted(fake, fake.refundCharge(charge.id));
    const [after] = await getDb()
      .select()
      .from(membershipGifts)
      .where(eq(membershipGifts.id, gift.id));
    expect(after?.status).toBe('refunded');
    const [row] = await getDb()
      .select()
      .from(memberships)
      .where(eq(memberships.userId, recipient.id));
    expect(row).toMatchObject({ status: 'canceled', endedReason: 'refunded' });
    expect((await readerOf(recipient)).tiers).toEqual([]);
  });
});
