import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { recurringGifts, users } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import { stopMonthlyGiftsOf } from '@/lib/giving/recurring';
import { startDonation } from '@/lib/giving/start-donation';
import { deliverUntilAccepted, donationRequest, fakeStripeForThisFile } from '../support/giving';

const fake = await fakeStripeForThisFile();

beforeEach(() => fake.setMode('ok'));

let members = 0;

/** A member with a monthly gift that Stripe has taken a first payment for. */
async function memberGivingMonthly() {
  members += 1;
  const email = `monthly-${members}@example.org`;
  await upsertAccount(getDb(), { email, password: 'a long monthly phrase', role: 'member' });
  const [member] = await getDb().select().from(users).where(eq(users.email, email));
  const started = await startDonation(
    donationRequest({ frequency: 'monthly', amountMinor: 1200, email }),
    { ip: `198.51.100.${members}`, userId: member!.id },
  );
  if (!started.ok) throw new Error(started.error);
  const session = fake.listSessions().find((candidate) => candidate.customer_email === email)!;
  await deliverUntilAccepted(fake, fake.completeCheckout(session.id));
  const [gift] = await getDb()
    .select()
    .from(recurringGifts)
    .where(eq(recurringGifts.userId, member!.id));
  expect(gift).toMatchObject({ status: 'active' });
  return { member: member!, gift: gift!, subscriptionId: gift!.stripeSubscriptionId! };
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

  it('leaves other members’ gifts running', async () => {
    const leaving = await memberGivingMonthly();
    const staying = await memberGivingMonthly();
    expect(await stopMonthlyGiftsOf(leaving.member.id)).toEqual({ ok: true });
    expect(fake.getSubscription(staying.subscriptionId)?.status).toBe('active');
    expect((await giftNow(staying.gift.id)).status).toBe('active');
  });
});
