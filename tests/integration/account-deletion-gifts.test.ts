import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { donations, recurringGifts } from '@/db/schema';
import { stopMonthlyGiftsOf } from '@/lib/giving/recurring';
import {
  deliverUntilAccepted,
  fakeStripeForThisFile,
  memberStartingMonthlyGift,
} from '../support/giving';

const fake = await fakeStripeForThisFile();

beforeEach(() => fake.setMode('ok'));

/** A member with a monthly gift that Stripe has taken a first payment for. */
async function memberGivingMonthly() {
  const { member, sessionId } = await memberStartingMonthlyGift(fake);
  await deliverUntilAccepted(fake, fake.completeCheckout(sessionId));
  const [gift] = await getDb()
    .select()
    .from(recurringGifts)
    .where(eq(recurringGifts.userId, member.id));
  expect(gift).toMatchObject({ status: 'active' });
  return { member, gift: gift!, subscriptionId: gift!.stripeSubscriptionId! };
}

async function giftNow(id: string) {
  const [gift] = await getDb().select().from(recurringGifts).where(eq(recurringGifts.id, id));
  return gift!;
}

describe('stopping a member’s monthly gifts before their account is deleted', () => {
  it('ends the subscription at Stripe at once and records it', async () => {
    const { member, gift, subscriptionId } = await memberGivingMonthly();
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect(fake.getSubscription(subscriptionId)?.status).toBe('canceled');
    const stopped = await giftNow(gift.id);
    expect(stopped.status).toBe('canceled');
    expect(stopped.canceledAt).toBeInstanceOf(Date);
    // Nothing left to stop: asking again calls Stripe for nothing.
    const calls = fake.requests.length;
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect(fake.requests.length).toBe(calls);
  });

  it('changes nothing and says so when Stripe cannot be reached', async () => {
    const { member, gift, subscriptionId } = await memberGivingMonthly();
    fake.setMode('down');
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: false });
    fake.setMode('ok');
    expect(fake.getSubscription(subscriptionId)?.status).toBe('active');
    expect((await giftNow(gift.id)).status).toBe('active');
  });

  it('counts a gift the donor already stopped at Stripe as stopped', async () => {
    const { member, gift, subscriptionId } = await memberGivingMonthly();
    // Cancelled in the billing portal, its webhook not yet arrived.
    fake.cancelSubscription(subscriptionId);
    expect((await giftNow(gift.id)).status).toBe('active');
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect((await giftNow(gift.id)).status).toBe('canceled');
  });

  it('ends a monthly gift paid moments ago, before Stripe’s webhooks about it have arrived', async () => {
    const { member, donationId, sessionId } = await memberStartingMonthlyGift(fake);
    const events = fake.completeCheckout(sessionId);
    const subscriptionId = fake.getSession(sessionId)!.subscription as string;
    expect(fake.getSubscription(subscriptionId)?.status).toBe('active');

    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect(fake.getSubscription(subscriptionId)?.status).toBe('canceled');
    const [recorded] = await getDb()
      .select()
      .from(recurringGifts)
      .where(eq(recurringGifts.stripeSubscriptionId, subscriptionId));
    expect(recorded).toMatchObject({ userId: member.id, status: 'canceled' });

    // The webhooks, arriving afterwards, count the first payment and leave the gift stopped.
    await deliverUntilAccepted(fake, events);
    expect((await giftNow(recorded!.id)).status).toBe('canceled');
    const [first] = await getDb().select().from(donations).where(eq(donations.id, donationId));
    expect(first).toMatchObject({ status: 'succeeded', recurringGiftId: recorded!.id });
  });

  it('closes a monthly gift’s Checkout that is still open, so it can start nothing', async () => {
    const { member, sessionId } = await memberStartingMonthlyGift(fake);
    fake.setMode('down');
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: false });
    expect(fake.getSession(sessionId)?.status).toBe('open');
    fake.setMode('ok');
    expect(await stopMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect(fake.getSession(sessionId)?.status).toBe('expired');
  });

  it('leaves other members’ gifts running', async () => {
    const leaving = await memberGivingMonthly();
    const staying = await memberGivingMonthly();
    expect(await stopMonthlyGiftsOf(leaving.member.id)).toEqual({ ok: true });
    expect(fake.getSubscription(staying.subscriptionId)?.status).toBe('active');
    expect((await giftNow(staying.gift.id)).status).toBe('active');
  });
});
