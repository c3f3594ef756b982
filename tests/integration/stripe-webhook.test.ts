import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { getConnection, getDb } from '@/db/client';
import { donations, giftAidDeclarations, recurringGifts, stripeEvents, users } from '@/db/schema';
import { signInWithVerification } from '@/lib/auth/email-links';
import { issueToken } from '@/lib/auth/tokens';
import { deliverEmailsNow } from '@/lib/email/outbox';
import { updateRecurringGift } from '@/lib/giving/ledger';
import { startDonation } from '@/lib/giving/start-donation';
import { getStripe } from '@/lib/payments/stripe-client';
import { subscriptionState } from '@/lib/payments/subscription-state';
import { planEvent } from '@/lib/payments/webhook-events';
import {
  deliver,
  deliverUntilAccepted,
  donationRequest,
  handledOnly,
  permutations,
  fakeStripeForThisFile,
} from '../support/giving';
import { adminUrl } from '../setup/postgres-server';

const fake = await fakeStripeForThisFile();
const context = { ip: '203.0.113.8', userId: null };

/** Starts a gift through the site and returns its row and Checkout Session id. */
async function startGift(overrides: Parameters<typeof donationRequest>[0] = {}) {
  const request = donationRequest(overrides);
  const outcome = await startDonation(request, {
    ...context,
    ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  const [row] = await getDb()
    .select()
    .from(donations)
    .where(eq(donations.email, request.email))
    .orderBy(desc(donations.createdAt))
    .limit(1);
  return { donation: row!, sessionId: row!.stripeCheckoutSessionId!, request };
}

async function rowsFor(email: string) {
  return getDb()
    .select()
    .from(donations)
    .where(eq(donations.email, email))
    .orderBy(asc(donations.createdAt), asc(donations.stripeInvoiceId));
}

async function eventCount() {
  const [row] = await getDb().select({ value: count() }).from(stripeEvents);
  return row!.value;
}

const completed = (events: Stripe.Event[]) => handledOnly(events, 'checkout.session.completed')[0]!;

describe('one-off gifts', () => {
  it('become paid only when the webhook confirms them, once, with one receipt', async () => {
    const { donation, sessionId } = await startGift({ amountMinor: 7500 });
    const events = fake.completeCheckout(sessionId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => deliver(fake, completed(events))),
    );
    expect(results.map((result) => result.outcome).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'processed',
    ]);
    expect(results.flatMap((result) => result.confirmed)).toEqual([donation.id]);
    const [paid] = await rowsFor(donation.email!);
    expect(paid).toMatchObject({ status: 'succeeded', amountMinor: 7500 });
    expect(paid!.paidAt).toBeInstanceOf(Date);
    expect(paid!.stripePaymentIntentId).toMatch(/^pi_/);

    const receipts = results.flatMap((result) => result.receipts);
    expect(receipts).toHaveLength(1);
    await Promise.all([deliverEmailsNow(receipts), deliverEmailsNow(receipts)]);
    const mails = (await readdir(fake.mailDir)).filter((file) => file.includes('receipt'));
    expect(mails).toHaveLength(1);
    const mail = await readFile(path.join(fake.mailDir, mails[0]!), 'utf8');
    expect(mail).toContain(`To: ${donation.email}`);
    expect(mail).toContain('=C2=A375.00');
  });

  it('never dates a payment before the gift was recorded, so its Gift Aid declaration counts', async () => {
    const { donation, sessionId } = await startGift({
      giftAid: {
        giftAidTitle: null,
        giftAidFirstName: 'Quick',
        giftAidLastName: 'Payer',
        giftAidHouse: '1',
        giftAidPostcode: 'EC1A 1BB',
        giftAidPastFourYears: false,
      },
    });
    const event = structuredClone(completed(fake.completeCheckout(sessionId)));
    // Stripe stamps events in whole seconds: this one reads as a moment before the gift began.
    event.created = Math.floor(donation.createdAt.getTime() / 1000) - 1;
    await deliver(fake, event);
    const [row] = await getDb()
      .select({ paidAt: donations.paidAt, declaredAt: giftAidDeclarations.declaredAt })
      .from(donations)
      .innerJoin(giftAidDeclarations, eq(giftAidDeclarations.id, donations.giftAidDeclarationId))
      .where(eq(donations.id, donation.id));
    expect(row!.paidAt!.getTime()).toBeGreaterThanOrEqual(row!.declaredAt.getTime());
  });

  it('waits for a delayed payment, then counts it when it clears or marks it failed', async () => {
    const cleared = await startGift();
    await deliver(
      fake,
      completed(fake.completeCheckout(cleared.sessionId, { delayedPayment: true })),
    );
    expect((await rowsFor(cleared.donation.email!))[0]!.status).toBe('awaiting_payment');
    const succeeded = await deliver(fake, fake.settleAsyncPayment(cleared.sessionId, true)[0]!);
    expect(succeeded.confirmed).toEqual([cleared.donation.id]);
    expect((await rowsFor(cleared.donation.email!))[0]!.status).toBe('succeeded');

    const bounced = await startGift();
    const late = fake.completeCheckout(bounced.sessionId, { delayedPayment: true });
    // The failure arrives before the completion: the end state is the same.
    await deliver(fake, fake.settleAsyncPayment(bounced.sessionId, false)[0]!);
    await deliver(fake, completed(late));
    expect((await rowsFor(bounced.donation.email!))[0]!.status).toBe('failed');
  });

  it('marks an abandoned Checkout as expired', async () => {
    const { donation, sessionId } = await startGift();
    await deliver(fake, fake.expireCheckout(sessionId)[0]!);
    expect((await rowsFor(donation.email!))[0]!.status).toBe('expired');
  });

  it('records refunds whatever order they arrive in, retrying one that comes first', async () => {
    const { donation, sessionId } = await startGift({ amountMinor: 10000 });
    const paid = completed(fake.completeCheckout(sessionId));
    const intent = fake.getSession(sessionId)!.payment_intent as string;
    const charge = fake.getPaymentIntent(intent)!.latest_charge as string;
    const partial = handledOnly(fake.refundCharge(charge, 4000), 'charge.refunded');
    const full = handledOnly(fake.refundCharge(charge), 'charge.refunded');

    const results = await deliverUntilAccepted(fake, [...full, ...partial, paid]);
    expect(results[0]).toMatchObject({ status: 503, outcome: 'retry-later' });
    const [row] = await rowsFor(donation.email!);
    expect(row).toMatchObject({ status: 'refunded', refundedAmountMinor: 10000 });
  });
});

describe('monthly gifts', () => {
  const flowTypes = [
    'checkout.session.completed',
    'invoice.paid',
    'invoice.payment_failed',
    'customer.subscription.deleted',
  ] as const;

  /** A monthly gift's life on Stripe's side: first payment, one renewal, one failure, cancelled. */
  async function monthlyLife() {
    const gift = await startGift({ frequency: 'monthly', amountMinor: 1500 });
    const events = [...fake.completeCheckout(gift.sessionId)];
    const subscriptionId = fake.getSession(gift.sessionId)!.subscription as string;
    events.push(...fake.renewSubscription(subscriptionId));
    events.push(...fake.renewSubscription(subscriptionId, { fail: true }));
    events.push(...fake.cancelSubscription(subscriptionId));
    return { ...gift, subscriptionId, events: handledOnly(events, ...flowTypes) };
  }

  async function endState(email: string, subscriptionId: string) {
    const rows = await rowsFor(email);
    const [gift] = await getDb()
      .select()
      .from(recurringGifts)
      .where(eq(recurringGifts.stripeSubscriptionId, subscriptionId));
    return {
      payments: rows
        .map(
          (row) =>
            `${row.status}:${row.amountMinor}:${row.stripeInvoiceId ? 'invoice' : '-'}:${row.recurringGiftId === gift?.id}`,
        )
        .sort(),
      gift: gift && {
        status: gift.status,
        amountMinor: gift.amountMinor,
        ended: gift.canceledAt !== null,
      },
    };
  }

  it('gives each invoice its own row and follows the subscription to its end', async () => {
    const life = await monthlyLife();
    expect(life.events.map((event) => event.type)).toEqual([
      'invoice.paid',
      'checkout.session.completed',
      'invoice.paid',
      'invoice.payment_failed',
      'customer.subscription.deleted',
    ]);
    const results = await deliverUntilAccepted(fake, life.events);
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(await endState(life.request.email, life.subscriptionId)).toEqual({
      payments: [
        'failed:1500:invoice:true',
        'succeeded:1500:invoice:true',
        'succeeded:1500:invoice:true',
      ],
      gift: { status: 'canceled', amountMinor: 1500, ended: true },
    });
  });

  it('keeps an ended gift ended when a read of it from before it ended is written after', async () => {
    const gift = await startGift({ frequency: 'monthly', amountMinor: 1500 });
    const started = fake.completeCheckout(gift.sessionId);
    await deliverUntilAccepted(fake, handledOnly(started, ...flowTypes));
    const subscriptionId = fake.getSession(gift.sessionId)!.subscription as string;
    const renewal = handledOnly(fake.renewSubscription(subscriptionId), 'invoice.paid')[0]!;
    const gone = { status: 'canceled', ended: true };

    // Two deliveries side by side: the renewal's plan reads the subscription while it runs, the
    // cancellation is received meanwhile, then the renewal's plan is applied.
    const early = (await planEvent(renewal, getStripe()!))!;
    const stale = subscriptionState(await getStripe()!.subscriptions.retrieve(subscriptionId));
    await deliverUntilAccepted(fake, fake.cancelSubscription(subscriptionId));
    expect((await endState(gift.request.email, subscriptionId)).gift).toMatchObject(gone);
    await getDb().transaction((tx) => early.apply(tx));
    const after = await endState(gift.request.email, subscriptionId);
    expect(after.gift).toMatchObject(gone);
    expect(after.payments).toEqual(['succeeded:1500:invoice:true', 'succeeded:1500:invoice:true']);

    // The same for a member's return from the billing portal, read before the end.
    const [row] = await getDb()
      .select()
      .from(recurringGifts)
      .where(eq(recurringGifts.stripeSubscriptionId, subscriptionId));
    await updateRecurringGift(getDb(), row!.id, stale);
    expect((await endState(gift.request.email, subscriptionId)).gift).toMatchObject(gone);
  });

  it('ends in the same state whatever order the events arrive in, and with duplicates', async () => {
    const reference = await monthlyLife();
    await deliverUntilAccepted(fake, reference.events);
    const expected = await endState(reference.request.email, reference.subscriptionId);

    const orders = permutations([0, 1, 2, 3, 4]);
    expect(orders).toHaveLength(120);
    for (const order of orders) {
      const life = await monthlyLife();
      const shuffled = order.map((index) => life.events[index]!);
      // Stripe may send any event again: deliver the first one twice more at the end.
      await deliverUntilAccepted(fake, [...shuffled, shuffled[0]!, shuffled[0]!]);
      expect(
        await endState(life.request.email, life.subscriptionId),
        `order ${order.join('')}`,
      ).toEqual(expected);
    }
  }, 240_000);
});

describe('guests and members', () => {
  it('puts a guest gift on the account of the member who verified that address', async () => {
    const [member] = await getDb()
      .insert(users)
      .values({ email: 'verified-donor@example.org', name: 'Verified', emailVerified: new Date() })
      .returning();
    const { donation, sessionId } = await startGift({ email: member!.email });
    expect(donation.userId).toBeNull();
    await deliver(fake, completed(fake.completeCheckout(sessionId)));
    expect((await rowsFor(member!.email))[0]!.userId).toBe(member!.id);
  });
  it('gives a member the gifts they made as a guest once they verify that address', async () => {
    const email = 'later-member@example.org';
    const oneOff = await startGift({ email });
    await deliver(fake, completed(fake.completeCheckout(oneOff.sessionId)));
    const monthly = await startGift({ email, frequency: 'monthly', amountMinor: 800 });
    await deliverUntilAccepted(
      fake,
      handledOnly(fake.completeCheckout(monthly.sessionId), 'checkout.session.completed'),
    );
    const [member] = await getDb()
      .insert(users)
      .values({ email, name: 'Later Member' })
      .returning();
    const token = await getDb().transaction((tx) =>
      issueToken(tx, { purpose: 'verify_email', email, userId: member!.id, ttlMinutes: 60 }),
    );
    expect(await signInWithVerification(token.token, '203.0.113.1')).toMatchObject({ ok: true });
    expect((await rowsFor(email)).map((row) => row.userId)).toEqual([member!.id, member!.id]);
    const [gift] = await getDb()
      .select()
      .from(recurringGifts)
      .where(eq(recurringGifts.email, email));
    expect(gift!.userId).toBe(member!.id);
  });
});

describe('refused deliveries', () => {
  it('answers 400 to a bad signature or a tampered body and writes nothing', async () => {
    const { donation, sessionId } = await startGift();
    const event = completed(fake.completeCheckout(sessionId));
    const before = await eventCount();
    const forged = await deliver(fake, event, { secret: 'whsec_not_the_real_secret' });
    expect(forged).toMatchObject({ status: 400, outcome: 'bad-signature' });
    const tampered = await deliver(fake, event, {
      tamper: (body) => body.replace(/"amount_total": \d+/, '"amount_total": 1'),
    });
    expect(tampered).toMatchObject({ status: 400, outcome: 'bad-signature' });
    expect(await eventCount()).toBe(before);
    expect((await rowsFor(donation.email!))[0]!.status).toBe('pending');
  });

  it('does not count a gift whose amount differs from the one recorded', async () => {
    const { donation, sessionId } = await startGift({ amountMinor: 5000 });
    const event = completed(fake.completeCheckout(sessionId));
    const altered = structuredClone(event) as Stripe.CheckoutSessionCompletedEvent;
    altered.data.object.amount_total = 500;
    const result = await deliver(fake, altered);
    expect(result).toMatchObject({ status: 200, confirmed: [] });
    expect((await rowsFor(donation.email!))[0]!.status).toBe('pending');
  });

  it('ignores events about payments that are not donations', async () => {
    const event = completed(fake.completeCheckout((await startGift()).sessionId));
    const foreign = structuredClone(event) as Stripe.CheckoutSessionCompletedEvent;
    foreign.id = 'evt_foreign';
    foreign.data.object.metadata = { order: '42' };
    expect(await deliver(fake, foreign)).toMatchObject({ status: 200, outcome: 'ignored' });
  });

  it('asks Stripe to retry when the database fails mid-way, leaving nothing half-written', async () => {
    const gift = await startGift({ frequency: 'monthly', amountMinor: 2000 });
    const events = handledOnly(fake.completeCheckout(gift.sessionId), 'checkout.session.completed');
    const before = await eventCount();
    // A fault after the event id and the donation were written, inside the same transaction.
    await getDb().execute(
      sql.raw(`create function refuse_gift() returns trigger language plpgsql as
        $$ begin raise exception 'disk full'; end $$`),
    );
    await getDb().execute(
      sql.raw(`create trigger refuse_gift before insert on recurring_gifts
        for each row execute function refuse_gift()`),
    );
    try {
      const failed = await deliver(fake, events[0]!);
      expect(failed).toMatchObject({ status: 500, outcome: 'failed' });
      expect(await eventCount()).toBe(before);
      expect((await rowsFor(gift.request.email))[0]!.status).toBe('pending');
    } finally {
      await getDb().execute(sql.raw('drop trigger refuse_gift on recurring_gifts'));
      await getDb().execute(sql.raw('drop function refuse_gift()'));
    }
    const retried = await deliver(fake, events[0]!);
    expect(retried).toMatchObject({ status: 200, outcome: 'processed' });
    expect((await rowsFor(gift.request.email))[0]!.status).toBe('succeeded');
  });
});

// The embedded engine lives in this process and cannot go away on its own; a server can.
if (getConnection().engine === 'postgres')
  describe('a database server that goes away', () => {
    it('answers 5xx while PostgreSQL refuses connections, and the retry succeeds', async () => {
      const { donation, sessionId } = await startGift({ amountMinor: 3300 });
      const event = completed(fake.completeCheckout(sessionId));
      const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`alter database "${name}" allow_connections false`);
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
        const down = await deliver(fake, event);
        expect(down.status).toBeGreaterThanOrEqual(500);
      } finally {
        await admin.unsafe(`alter database "${name}" allow_connections true`);
        await admin.end();
      }
      // Stripe retries with backoff; the pool may need a moment to open fresh connections.
      let retried = await deliver(fake, event);
      for (let attempt = 0; retried.status >= 500 && attempt < 10; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        retried = await deliver(fake, event);
      }
      expect(retried).toMatchObject({
        status: 200,
        outcome: 'processed',
        confirmed: [donation.id],
      });
      expect((await rowsFor(donation.email!))[0]!.status).toBe('succeeded');
    });
  });
