import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { MembershipTier } from '@/db/schema';
import { priceOptions, yearlySaving } from '@/lib/membership/offer';
import { standingOf, type StandingFields } from '@/lib/membership/standing';
import { subscriptionFacts } from '@/lib/membership/subscription-facts';

const now = new Date('2026-12-03T12:00:00Z');
const day = 86_400_000;
const paid: StandingFields = {
  source: 'stripe',
  status: 'active',
  pastDueSince: null,
  cancelAtPeriodEnd: false,
  endsAt: null,
  endedAt: null,
};

describe('standingOf', () => {
  it('gives access while a subscription is active, trialing or cancelling', () => {
    expect(standingOf(paid, now, 7)).toEqual({
      state: 'active',
      grantsAccess: true,
      graceEndsAt: null,
    });
    expect(standingOf({ ...paid, status: 'trialing' }, now, 7).state).toBe('trialing');
    const cancelling = standingOf({ ...paid, cancelAtPeriodEnd: true }, now, 7);
    expect(cancelling).toMatchObject({ state: 'cancelling', grantsAccess: true });
  });

  it('keeps access for the grace period after a failed payment, counted from the invoice', () => {
    const since = new Date(now.getTime() - 6 * day);
    const grace = standingOf({ ...paid, status: 'past_due', pastDueSince: since }, now, 7);
    expect(grace).toEqual({
      state: 'grace',
      grantsAccess: true,
      graceEndsAt: new Date(since.getTime() + 7 * day),
    });
    const late = {
      ...paid,
      status: 'past_due' as const,
      pastDueSince: new Date(now.getTime() - 7 * day),
    };
    expect(standingOf(late, now, 7)).toMatchObject({ state: 'lapsed', grantsAccess: false });
    expect(standingOf(late, now, 0).grantsAccess).toBe(false);
  });

  it('gives no access once Stripe gives up, the first payment is pending, or it ended', () => {
    for (const status of ['unpaid', 'paused'] as const) {
      expect(standingOf({ ...paid, status }, now, 7)).toMatchObject({
        state: 'lapsed',
        grantsAccess: false,
      });
    }
    expect(standingOf({ ...paid, status: 'incomplete' }, now, 7).state).toBe('pending');
    expect(standingOf({ ...paid, status: 'canceled' }, now, 7).state).toBe('ended');
    // A refund ends access at once, whatever the subscription still says.
    expect(standingOf({ ...paid, endedAt: now }, now, 7).state).toBe('ended');
    expect(standingOf({ ...paid, endedAt: new Date(now.getTime() + day) }, now, 7).state).toBe(
      'active',
    );
  });

  it('ends a complimentary or gift membership on its day, and never ends one without a day', () => {
    const grant: StandingFields = { ...paid, source: 'complimentary' };
    expect(standingOf(grant, now, 7).state).toBe('active');
    expect(standingOf({ ...grant, endsAt: new Date(now.getTime() + 1) }, now, 7).state).toBe(
      'active',
    );
    expect(standingOf({ ...grant, endsAt: now }, now, 7).state).toBe('ended');
    expect(standingOf({ ...grant, source: 'gift', status: 'canceled' }, now, 7).state).toBe(
      'ended',
    );
  });
});

function subscription(overrides: Partial<Stripe.Subscription> = {}): Stripe.Subscription {
  return {
    id: 'sub_1',
    object: 'subscription',
    customer: 'cus_1',
    status: 'active',
    start_date: 1_790_000_000,
    trial_end: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    ended_at: null,
    latest_invoice: null,
    metadata: {
      membership_user_id: 'user-1',
      membership_tier_id: '8c0f0c52-4b8e-4f62-9a59-5f1c2e7d3a10',
    },
    items: {
      object: 'list',
      has_more: false,
      url: '/v1/subscription_items',
      data: [
        {
          current_period_end: 1_800_000_000,
          price: {
            id: 'price_1',
            unit_amount: 12_000,
            currency: 'gbp',
            recurring: { interval: 'year', interval_count: 1 },
          },
        },
      ],
    },
    ...overrides,
  } as unknown as Stripe.Subscription;
}

describe('subscriptionFacts', () => {
  it('reads a membership from its subscription', () => {
    expect(subscriptionFacts(subscription())).toEqual({
      subscriptionId: 'sub_1',
      customerId: 'cus_1',
      userId: 'user-1',
      tierIdFromMetadata: '8c0f0c52-4b8e-4f62-9a59-5f1c2e7d3a10',
      priceId: 'price_1',
      interval: 'year',
      amountMinor: 12_000,
      currency: 'GBP',
      status: 'active',
      startedAt: new Date(1_790_000_000_000),
      currentPeriodEnd: new Date(1_800_000_000_000),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      pastDueSince: null,
      endedAt: null,
    });
  });

  it('is not a membership without the member in its metadata (a monthly gift, say)', () => {
    expect(subscriptionFacts(subscription({ metadata: { donation_id: 'x' } }))).toBeNull();
  });

  it('dates the grace period from the unpaid invoice, whenever it is read', () => {
    const facts = subscriptionFacts(
      subscription({
        status: 'past_due',
        latest_invoice: { id: 'in_1', status: 'open', created: 1_795_000_000 } as Stripe.Invoice,
      }),
    );
    expect(facts?.pastDueSince).toEqual(new Date(1_795_000_000_000));
  });

  it('counts a cancellation set for a date as cancelling, and an ended one as ended', () => {
    expect(subscriptionFacts(subscription({ cancel_at: 1_800_000_000 }))?.cancelAtPeriodEnd).toBe(
      true,
    );
    const ended = subscriptionFacts(subscription({ status: 'canceled', ended_at: 1_796_000_000 }));
    expect(ended?.endedAt).toEqual(new Date(1_796_000_000_000));
  });

  it('refuses a tier id in the metadata that is not an id', () => {
    const facts = subscriptionFacts(
      subscription({ metadata: { membership_user_id: 'u', membership_tier_id: "1' or 1=1" } }),
    );
    expect(facts?.tierIdFromMetadata).toBeNull();
  });
});

describe('prices on offer', () => {
  const tier = {
    monthlyPriceMinor: 1_000,
    yearlyPriceMinor: 10_000,
    currency: 'GBP',
  } as MembershipTier;

  it('lists yearly first, in words', () => {
    expect(priceOptions(tier).map((option) => option.label)).toEqual([
      '£100.00 a year',
      '£10.00 a month',
    ]);
    expect(priceOptions({ ...tier, monthlyPriceMinor: null }).map((o) => o.interval)).toEqual([
      'year',
    ]);
  });

  it('says what paying yearly saves, and nothing when it saves nothing', () => {
    expect(yearlySaving(tier)).toBe(16);
    expect(yearlySaving({ ...tier, yearlyPriceMinor: 12_000 })).toBeNull();
    expect(yearlySaving({ ...tier, monthlyPriceMinor: null })).toBeNull();
  });
});
