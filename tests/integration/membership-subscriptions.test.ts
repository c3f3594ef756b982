import { and, eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  auditLog,
  authors,
  emailOutbox,
  giftAidDeclarations,
  membershipPayments,
  memberships,
  stripeEvents,
  type Membership,
} from '@/db/schema';
import { giftAidClaimRows } from '@/lib/admin/donations/gift-aid-claim';
import { deleteAccount } from '@/lib/auth/account-data';
import type { Viewer } from '@/lib/auth/who';
import { getArticle } from '@/lib/content/queries/articles';
import { createArticle } from '@/lib/editorial/articles';
import { publishArticle } from '@/lib/editorial/publishing';
import { membershipsOf } from '@/lib/membership/held';
import { startJoining } from '@/lib/membership/join';
import { readerOf } from '@/lib/membership/reader';
import {
  recordCheckoutReturn,
  reconcileMemberships,
  stopMembershipsOf,
} from '@/lib/membership/sync';
import { paymentsOf } from '@/lib/membership/payments';
import { saveTier } from '@/lib/membership/tiers';
import { getStripe } from '@/lib/payments/stripe-client';
import { londonToday } from '@/lib/time/london';
import { deliver, deliverUntilAccepted, fakeStripeForThisFile } from '../support/giving';
import { verifiedUser } from '../support/verified-user';

const fake = await fakeStripeForThisFile();

let counter = 0;
let admin: { id: string };

beforeAll(async () => {
  admin = await verifiedUser('subscriptions-admin@example.org', 'admin');
});

async function tier(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const saved = await saveTier(admin, null, {
    name: `Fellow ${counter}`,
    slug: '',
    description: 'For those who take part.',
    benefits: 'Briefings\nEvents',
    monthlyPrice: '10',
    yearlyPrice: '100',
    currency: 'GBP',
    trialDays: '',
    visible: 'on',
    position: String(counter),
    giftAidEligible: '',
    ...overrides,
  });
  if (!saved.ok) throw new Error(`tier not saved: ${JSON.stringify(saved)}`);
  return saved;
}

/** Starts joining and answers the Checkout Session it opened (its id ends the hosted URL). */
async function startedSession(viewer: Viewer, slug: string, interval: 'month' | 'year') {
  const started = await startJoining(viewer, slug, interval);
  if (!started.ok) throw new Error(`not started: ${started.reason}`);
  return fake.getSession(new URL(started.url).pathname.split('/').at(-1)!)!;
}

/** The latest charge of a member's subscription, as Stripe has it. */
function chargeOf(subscriptionId: string): Stripe.Charge {
  const customer = fake.getSubscription(subscriptionId)!.customer as string;
  return fake.listCharges().find((charge) => charge.customer === customer)!;
}

async function member(): Promise<Viewer> {
  counter += 1;
  const email = `joiner${counter}@example.org`;
  const { id } = await verifiedUser(email, 'member');
  return { id, email, name: `Joiner ${counter}`, role: 'member', verified: true, signedInAt: 0 };
}

/** A member who has paid for a tier through Checkout, with every event of it delivered. */
async function joined(interval: 'month' | 'year' = 'year', tierOverrides = {}) {
  const chosen = await tier(tierOverrides);
  const viewer = await member();
  const session = await startedSession(viewer, chosen.slug, interval);
  const events = fake.completeCheckout(session.id);
  const subscriptionId = fake.getSession(session.id)!.subscription as string;
  return { tier: chosen, viewer, subscriptionId, events, sessionId: session.id };
}

async function membershipOf(subscriptionId: string): Promise<Membership | undefined> {
  const [row] = await getDb()
    .select()
    .from(memberships)
    .where(eq(memberships.stripeSubscriptionId, subscriptionId));
  return row;
}

// What a membership says, leaving out what differs between two recordings of the same thing.
function essence(row: Membership | undefined) {
  if (!row) return row;
  const { id: _id, createdAt: _c, updatedAt: _u, stripeReadAt: _r, ...rest } = row;
  return rest;
}

async function forget(events: Stripe.Event[], subscriptionId: string) {
  const row = await membershipOf(subscriptionId);
  if (row) {
    await getDb().delete(membershipPayments).where(eq(membershipPayments.membershipId, row.id));
    await getDb().delete(memberships).where(eq(memberships.id, row.id));
  }
  await getDb()
    .delete(stripeEvents)
    .where(
      inArray(
        stripeEvents.id,
        events.map((event) => event.id),
      ),
    );
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('joining a tier', () => {
  it('opens Checkout in subscription mode on the member’s one customer, for the tier’s price', async () => {
    const chosen = await tier();
    const viewer = await member();
    const session = await startedSession(viewer, chosen.slug, 'year');
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: viewer.id,
      metadata: { membership_user_id: viewer.id },
    });
    const customer = session.customer as string;
    expect(fake.getCustomer(customer)?.email).toBe(viewer.email);
    const [item] = (await getStripe()!.checkout.sessions.listLineItems(session.id)).data;
    expect(item?.price).toMatchObject({ unit_amount: 10_000, recurring: { interval: 'year' } });

    // Joining again (a second tab) uses the same customer, not a new one, and closes the first
    // Checkout: only one membership can be paid for.
    const second = await startedSession(viewer, chosen.slug, 'month');
    expect(second.id).not.toBe(session.id);
    expect(second.customer).toBe(customer);
    expect(fake.getSession(session.id)?.status).toBe('expired');
    expect(() => fake.completeCheckout(session.id)).toThrow();
    expect(fake.getSession(second.id)?.status).toBe('open');
  });

  it('records the membership and its first payment from the webhooks', async () => {
    const { tier: chosen, viewer, subscriptionId, events } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const row = await membershipOf(subscriptionId);
    expect(row).toMatchObject({
      userId: viewer.id,
      tierId: chosen.id,
      source: 'stripe',
      status: 'active',
      interval: 'year',
      amountMinor: 10_000,
      currency: 'GBP',
      cancelAtPeriodEnd: false,
    });
    const payments = await getDb()
      .select()
      .from(membershipPayments)
      .where(eq(membershipPayments.membershipId, row!.id));
    expect(payments).toMatchObject([{ amountMinor: 10_000, giftAidEligible: false }]);
    // A receipt by e-mail, once, however often the events come.
    await deliverUntilAccepted(fake, events);
    const receipts = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.recipient, viewer.email), eq(emailOutbox.purpose, 'membership')));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text).toContain(`/account/membership/${payments[0]!.id}`);
    expect((await readerOf(viewer)).tiers).toEqual([chosen.id]);
    expect(await startJoining(viewer, chosen.slug, 'month')).toEqual({
      ok: false,
      reason: 'already-member',
    });
  });

  it('shows the membership and its receipt on the member’s return, before any webhook', async () => {
    const { viewer, subscriptionId, sessionId } = await joined('year');
    const stranger = await member();
    await recordCheckoutReturn(stranger.id, sessionId);
    expect(await membershipOf(subscriptionId)).toBeUndefined();

    await recordCheckoutReturn(viewer.id, sessionId);
    const row = await membershipOf(subscriptionId);
    expect(row).toMatchObject({ userId: viewer.id, status: 'active' });
    expect(await paymentsOf(viewer.id)).toMatchObject([
      { amountMinor: 10_000, membershipId: row!.id },
    ]);
    await recordCheckoutReturn(viewer.id, sessionId);
    expect(await paymentsOf(viewer.id)).toHaveLength(1);
  });

  it('refuses hidden tiers, prices not offered, and unverified people', async () => {
    const hidden = await tier({ visible: '' });
    const yearlyOnly = await tier({ monthlyPrice: '' });
    const viewer = await member();
    expect(await startJoining(viewer, hidden.slug, 'year')).toEqual({
      ok: false,
      reason: 'not-offered',
    });
    expect(await startJoining(viewer, yearlyOnly.slug, 'month')).toEqual({
      ok: false,
      reason: 'not-offered',
    });
    expect(await startJoining({ ...viewer, verified: false }, yearlyOnly.slug, 'year')).toEqual({
      ok: false,
      reason: 'unverified',
    });
  });

  it('gives a tier’s free trial once per person', async () => {
    const {
      tier: chosen,
      viewer,
      subscriptionId,
      events,
    } = await joined('month', {
      trialDays: '14',
    });
    await deliverUntilAccepted(fake, events);
    expect(await membershipOf(subscriptionId)).toMatchObject({ status: 'trialing' });
    await deliverUntilAccepted(fake, fake.cancelSubscription(subscriptionId));
    expect((await startedSession(viewer, chosen.slug, 'month')).status).toBe('open');
    const requests = fake.requests.filter((r) => r.path === '/v1/checkout/sessions');
    expect(requests.at(-1)?.params).not.toHaveProperty('subscription_data.trial_period_days');
  });

  it('makes a new Stripe price when the tier’s price changes, and keeps the old members on theirs', async () => {
    const { tier: chosen, subscriptionId, events } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const before = (await membershipOf(subscriptionId))!.stripePriceId;
    const resaved = await saveTier(admin, chosen.id, {
      name: `Renamed ${chosen.slug}`,
      slug: chosen.slug,
      description: '',
      benefits: '',
      monthlyPrice: '10',
      yearlyPrice: '120',
      currency: 'GBP',
      trialDays: '',
      visible: 'on',
      position: '1',
      giftAidEligible: '',
    });
    expect(resaved.ok).toBe(true);
    const next = await member();
    const session = await startedSession(next, chosen.slug, 'year');
    const [item] = (await getStripe()!.checkout.sessions.listLineItems(session.id)).data;
    expect(item?.price?.unit_amount).toBe(12_000);
    expect(item?.price?.id).not.toBe(before);
    expect((await getStripe()!.prices.retrieve(before!)).active).toBe(false);
    expect(await membershipOf(subscriptionId)).toMatchObject({
      tierId: chosen.id,
      amountMinor: 10_000,
    });
  });
});

describe('in step with Stripe', () => {
  it('ends in the same membership whatever the order and repetition of the events', async () => {
    const { subscriptionId, events: joining } = await joined('year');
    const invoiceOf = () => fake.getSubscription(subscriptionId)!.latest_invoice as string;
    const failed = fake.renewSubscription(subscriptionId, { fail: true });
    const recovered = fake.payInvoice(invoiceOf());
    const cancelled = fake.cancelSubscription(subscriptionId, { atPeriodEnd: true });
    const all = [...joining, ...failed, ...recovered, ...cancelled];

    await deliverUntilAccepted(fake, all);
    const reference = essence(await membershipOf(subscriptionId));
    expect(reference).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      pastDueSince: null,
    });
    const paymentCount = async () =>
      (
        await getDb()
          .select()
          .from(membershipPayments)
          .innerJoin(memberships, eq(memberships.id, membershipPayments.membershipId))
          .where(eq(memberships.stripeSubscriptionId, subscriptionId))
      ).length;
    expect(await paymentCount()).toBe(2);

    const orders = [
      [...all].reverse(),
      shuffled(all, 1),
      shuffled(all, 2),
      shuffled([...all, ...all], 3),
      [...all, ...shuffled(all, 4)],
    ];
    for (const order of orders) {
      await forget(all, subscriptionId);
      await deliverUntilAccepted(fake, order);
      expect(essence(await membershipOf(subscriptionId))).toEqual(reference);
      expect(await paymentCount()).toBe(2);
    }
  });

  it('charges an upgrade at once, and records the new tier and the payment', async () => {
    const { subscriptionId, events, viewer } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const higher = await tier({ monthlyPrice: '30', yearlyPrice: '300' });
    // The price of the higher tier, as the portal offers it.
    const next = await startedSession(await member(), higher.slug, 'year');
    const [line] = (await getStripe()!.checkout.sessions.listLineItems(next.id)).data;
    const item = fake.getSubscription(subscriptionId)!.items.data[0]!;
    await getStripe()!.subscriptions.update(subscriptionId, {
      items: [{ id: item.id, price: line!.price!.id }],
      proration_behavior: 'always_invoice',
    });
    await deliverUntilAccepted(
      fake,
      fake.events.filter((event) => event.created >= item.created),
    );
    expect(await membershipOf(subscriptionId)).toMatchObject({
      tierId: higher.id,
      amountMinor: 30_000,
    });
    const payments = await paymentsOf(viewer.id);
    expect(payments).toHaveLength(2);
    expect(payments[0]!.amountMinor).toBeGreaterThan(0);
    expect(payments[0]!.amountMinor).toBeLessThanOrEqual(20_000);
  });

  it('gives a grace period after a failed renewal, with one e-mail however often Stripe says so', async () => {
    const { viewer, subscriptionId, events, tier: chosen } = await joined('month');
    await deliverUntilAccepted(fake, events);
    const failed = fake.renewSubscription(subscriptionId, { fail: true });
    await deliverUntilAccepted(fake, [...failed, ...failed]);
    const row = await membershipOf(subscriptionId);
    expect(row?.status).toBe('past_due');
    expect(row?.pastDueSince).toBeInstanceOf(Date);
    const [held] = await membershipsOf(viewer.id);
    expect(held?.standing).toMatchObject({ state: 'grace', grantsAccess: true });
    expect((await readerOf(viewer)).tiers).toEqual([chosen.id]);
    const invoiceId = fake.getSubscription(subscriptionId)!.latest_invoice as string;
    const notices = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.purpose, 'membership'), eq(emailOutbox.recipient, viewer.email)));
    expect(notices.filter((mail) => mail.reference?.startsWith('grace-'))).toHaveLength(1);
    const notice = notices.find((mail) => mail.reference === `grace-${invoiceId}`);
    expect(notice?.text).toContain('/account#membership');

    await deliverUntilAccepted(fake, fake.markUnpaid(subscriptionId));
    expect((await membershipsOf(viewer.id))[0]?.standing).toMatchObject({
      state: 'lapsed',
      grantsAccess: false,
    });
    expect((await readerOf(viewer)).tiers).toEqual([]);
  });

  it('ends a membership whose latest payment is refunded in full, and cancels it at Stripe', async () => {
    const { viewer, subscriptionId, events } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const charge = chargeOf(subscriptionId);
    await deliverUntilAccepted(fake, fake.refundCharge(charge.id));
    expect(fake.getSubscription(subscriptionId)?.status).toBe('canceled');
    expect(await membershipOf(subscriptionId)).toMatchObject({
      status: 'canceled',
      endedReason: 'refunded',
    });
    expect((await membershipsOf(viewer.id))[0]?.standing.state).toBe('ended');
    const [payment] = await getDb()
      .select()
      .from(membershipPayments)
      .where(eq(membershipPayments.stripePaymentIntentId, charge.payment_intent as string));
    expect(payment?.refundedAmountMinor).toBe(10_000);
  });

  it('records a partial refund without ending the membership', async () => {
    const { subscriptionId, events } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const charge = chargeOf(subscriptionId);
    await deliverUntilAccepted(fake, fake.refundCharge(charge.id, 2_500));
    expect(await membershipOf(subscriptionId)).toMatchObject({
      status: 'active',
      endedReason: null,
    });
  });

  it('ends a membership whose payment is disputed, even before the payment is recorded', async () => {
    const { subscriptionId, events } = await joined('month');
    const charge = chargeOf(subscriptionId);
    const disputed = fake.disputeCharge(charge.id);
    // The dispute first: it waits (503) until the payment it is about has been recorded.
    const results = await deliverUntilAccepted(fake, [...disputed, ...events]);
    expect(results[0]).toMatchObject({ status: 503, outcome: 'retry-later' });
    expect(await membershipOf(subscriptionId)).toMatchObject({
      status: 'canceled',
      endedReason: 'disputed',
    });
  });

  it('ignores events about subscriptions that are not memberships', async () => {
    const { events } = await joined('year');
    const stranger = structuredClone(
      events.find((e) => e.type === 'customer.subscription.updated') ?? events[0]!,
    );
    (stranger.data.object as { metadata: Record<string, string> }).metadata = {};
    const result = await deliver(fake, { ...stranger, id: `${stranger.id}_x` });
    expect(result.outcome).toBe('ignored');
  });
});

describe('Gift Aid on a fee', () => {
  it('keeps the declaration that covered it, so the claim stands after the account is closed', async () => {
    const chosen = await tier({ giftAidEligible: 'on' });
    const viewer = await member();
    await getDb()
      .insert(giftAidDeclarations)
      .values({
        userId: viewer.id,
        firstName: 'Mary',
        lastName: 'Somerville',
        houseNameOrNumber: '3',
        postcode: 'EH1 1AA',
        declarationText: 'I want to Gift Aid my membership fees.',
        declaredAt: new Date(Date.now() - 60_000),
      });
    const session = await startedSession(viewer, chosen.slug, 'year');
    await deliverUntilAccepted(fake, fake.completeCheckout(session.id));
    const [payment] = await paymentsOf(viewer.id);
    expect(payment).toMatchObject({
      giftAidEligible: true,
      giftAidDeclarationId: expect.any(String),
    });

    await stopMembershipsOf(viewer.id);
    await deleteAccount(viewer.id);
    const day = londonToday();
    const claim = await giftAidClaimRows(admin, { from: day, to: day });
    if (!claim.ok) throw new Error('claim refused');
    expect(claim.rows.filter((row) => row.lastName === 'Somerville')).toEqual([
      expect.objectContaining({ amount: '100.00', postcode: 'EH1 1AA' }),
    ]);
  });
});

describe('declaring Gift Aid on joining', () => {
  const declaration = {
    giftAidTitle: null,
    giftAidFirstName: 'Caroline',
    giftAidLastName: 'Herschel',
    giftAidHouse: '19',
    giftAidPostcode: 'BA1 1AA',
    giftAidPastFourYears: false,
  };
  const declarationsOf = (userId: string) =>
    getDb().select().from(giftAidDeclarations).where(eq(giftAidDeclarations.userId, userId));

  it('records the declaration once, for a tier whose fee may carry Gift Aid only', async () => {
    const eligible = await tier({ giftAidEligible: 'on' });
    const viewer = await member();
    await startJoining(viewer, eligible.slug, 'year', declaration);
    await startJoining(viewer, eligible.slug, 'month', declaration);
    expect(await declarationsOf(viewer.id)).toMatchObject([{ lastName: 'Herschel' }]);

    const other = await member();
    await startJoining(other, (await tier()).slug, 'year', declaration);
    expect(await declarationsOf(other.id)).toEqual([]);
  });
});

describe('closing an account', () => {
  it('stops its paid membership at Stripe first, so nothing is charged after it is gone', async () => {
    const { viewer, subscriptionId, events } = await joined('month');
    await deliverUntilAccepted(fake, events);
    expect(await stopMembershipsOf(viewer.id)).toEqual({ ok: true });
    expect(fake.getSubscription(subscriptionId)?.status).toBe('canceled');

    const other = await joined('year');
    await deliverUntilAccepted(fake, other.events);
    fake.setMode('down');
    try {
      expect(await stopMembershipsOf(other.viewer.id)).toEqual({ ok: false });
    } finally {
      fake.setMode('ok');
    }
    expect(fake.getSubscription(other.subscriptionId)?.status).toBe('active');
  });
});

describe('nightly reconciliation', () => {
  it('repairs a corrupted row and a missing one, and logs what drifted', async () => {
    const corrupted = await joined('year');
    await deliverUntilAccepted(fake, corrupted.events);
    const missing = await joined('month');
    // Not one webhook of this one arrives.
    await getDb()
      .update(memberships)
      .set({ status: 'canceled', amountMinor: 1, cancelAtPeriodEnd: true })
      .where(eq(memberships.stripeSubscriptionId, corrupted.subscriptionId));

    const report = await reconcileMemberships();
    expect(report.failed).toBe(0);
    expect(report.repaired).toBeGreaterThanOrEqual(1);
    expect(report.added).toBeGreaterThanOrEqual(1);
    expect(await membershipOf(corrupted.subscriptionId)).toMatchObject({
      status: 'active',
      amountMinor: 10_000,
      cancelAtPeriodEnd: false,
    });
    expect(await membershipOf(missing.subscriptionId)).toMatchObject({
      status: 'active',
      userId: missing.viewer.id,
    });
    const audits = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'membership.repaired'));
    const repaired = audits.find(
      (row) =>
        (row.detail as { subscriptionId?: string }).subscriptionId === corrupted.subscriptionId,
    );
    expect(repaired?.detail).toMatchObject({
      status: { was: 'canceled', now: 'active' },
      amountMinor: { was: 1, now: 10_000 },
    });

    // A second night finds nothing to repair.
    const again = await reconcileMemberships();
    expect(again).toMatchObject({ repaired: 0, added: 0, failed: 0 });
  });
});

async function tierOnlyPiece(tierId: string): Promise<string> {
  const [author] = await getDb()
    .insert(authors)
    .values({ slug: `tier-author-${++counter}`, name: 'Tier Author' })
    .returning({ id: authors.id });
  const created = await createArticle(admin, {
    title: `For one tier ${counter}`,
    kind: 'briefing',
    standfirst: 'Only some members read this.',
    body: 'The tier canary sings quillwort.',
    authorIds: [author!.id],
    visibility: 'tiers',
    tierIds: [tierId],
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await publishArticle(admin, created.article.id, () => {});
  return created.article.fields.slug;
}

describe('tier-only pieces', () => {
  it('refuse to be saved without a tier', async () => {
    const result = await createArticle(admin, {
      title: 'No tier chosen',
      kind: 'analysis',
      authorIds: [],
      visibility: 'tiers',
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { tierIds: 'Choose the tiers whose members may read it.' },
    });
  });

  it('are read in full by the tier’s members and staff only', async () => {
    const { tier: chosen, viewer, events } = await joined('year');
    await deliverUntilAccepted(fake, events);
    const slug = await tierOnlyPiece(chosen.id);
    const outsider = await member();
    const read = async (who: Viewer | null) =>
      (await getArticle(slug, await readerOf(who)))?.body ?? null;
    expect(await read(null)).toBeNull();
    expect(await read(outsider)).toBeNull();
    expect(await read(viewer)).toContain('quillwort');
    expect(await read({ ...outsider, role: 'editor' })).toContain('quillwort');
    expect((await getArticle(slug, await readerOf(null)))?.tiers).toEqual([
      { slug: chosen.slug, name: expect.any(String) },
    ]);
  });
});
