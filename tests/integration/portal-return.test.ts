import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { recurringGifts } from '@/db/schema';
import {
  listMonthlyGiftsOf,
  openBillingPortal,
  refreshMonthlyGiftsOf,
} from '@/lib/giving/recurring';
import {
  deliverUntilAccepted,
  fakeStripeForThisFile,
  memberStartingMonthlyGift,
} from '../support/giving';

const fake = await fakeStripeForThisFile();

beforeEach(() => fake.setMode('ok'));

async function memberGivingMonthly() {
  const { member, sessionId } = await memberStartingMonthlyGift(fake);
  await deliverUntilAccepted(fake, fake.completeCheckout(sessionId));
  const [gift] = await getDb()
    .select()
    .from(recurringGifts)
    .where(eq(recurringGifts.userId, member.id));
  const subscriptionId = gift!.stripeSubscriptionId!;
  const periodEnd = fake.getSubscription(subscriptionId)!.items.data[0]!.current_period_end;
  return { member, gift: gift!, subscriptionId, periodEnd: new Date(periodEnd * 1000) };
}

// Stripe sends its webhooks about what a member changed in the billing portal on its own time,
// often after they are back on the site: their account page reads their gifts afresh instead.
describe('coming back from the billing portal', () => {
  it('is how the portal sends a member back to their account', async () => {
    const { member, gift } = await memberGivingMonthly();
    expect(await openBillingPortal(member.id, gift.id)).toMatchObject({ ok: true });
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/billing_portal/sessions',
      params: { return_url: 'https://northgate.example/account?portal=returned#giving' },
    });
  });

  it('shows a gift cancelled there as ending, then as stopped, before the webhooks arrive', async () => {
    const { member, subscriptionId, periodEnd } = await memberGivingMonthly();
    const cancelled = fake.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    expect((await listMonthlyGiftsOf(member.id))[0]).toMatchObject({
      status: 'active',
      endsAt: null,
      nextPaymentAt: periodEnd.toISOString(),
    });

    expect(await refreshMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect((await listMonthlyGiftsOf(member.id))[0]).toMatchObject({
      status: 'active',
      endsAt: periodEnd.toISOString(),
      nextPaymentAt: null,
    });

    const ended = fake.renewSubscription(subscriptionId);
    expect(await refreshMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect((await listMonthlyGiftsOf(member.id))[0]).toMatchObject({
      status: 'canceled',
      endedAt: periodEnd.toISOString(),
    });

    // The webhooks, late and in any order, leave the same state.
    await deliverUntilAccepted(fake, [...ended, ...cancelled]);
    expect((await listMonthlyGiftsOf(member.id))[0]).toMatchObject({
      status: 'canceled',
      endedAt: periodEnd.toISOString(),
    });
    // An ended gift is not read again.
    const calls = fake.requests.length;
    expect(await refreshMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect(fake.requests.length).toBe(calls);
  });

  it('keeps the records as they are when Stripe cannot be reached', async () => {
    const { member, subscriptionId, periodEnd } = await memberGivingMonthly();
    fake.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    fake.setMode('down');
    expect(await refreshMonthlyGiftsOf(member.id)).toEqual({ ok: false });
    expect((await listMonthlyGiftsOf(member.id))[0]).toMatchObject({
      status: 'active',
      endsAt: null,
      nextPaymentAt: periodEnd.toISOString(),
    });
  });

  it('reads only the member’s own gifts', async () => {
    const other = await memberGivingMonthly();
    const { member } = await memberGivingMonthly();
    fake.cancelSubscription(other.subscriptionId);
    expect(await refreshMonthlyGiftsOf(member.id)).toEqual({ ok: true });
    expect((await listMonthlyGiftsOf(other.member.id))[0]?.status).toBe('active');
  });

  it('asks Stripe a few times a quarter hour per member at most, however often the page is opened', async () => {
    const { member } = await memberGivingMonthly();
    const calls = fake.requests.length;
    const answers = [];
    // The limit counts in fixed quarter hours: the visits are made in the middle of one, so
    // that a test run across the hour's quarter does not see two windows' worth.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-06-01T12:07:30Z') });
    try {
      for (let visit = 0; visit < 8; visit++) answers.push(await refreshMonthlyGiftsOf(member.id));
    } finally {
      vi.useRealTimers();
    }
    expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
    expect(fake.requests.length - calls).toBe(5);
  });
});
