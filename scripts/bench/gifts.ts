// Gifts for `npm run bench:load`. They are started through the site's own code (startDonation:
// the same function the /support form's server action calls, with its rate limits, pending row
// and Checkout Session on the fake) from the bench process, before the server starts: PGlite
// allows one process per data folder, so the bench opens it while the server is not running,
// closes it, and opens it again only once the server has stopped. Driving the form in Chromium
// would add a browser and minutes for no extra webhook coverage, and the server action's wire
// format is not a stable interface to post to by hand.
import { count, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { closeConnection, getConnection, getDb, openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { donations, stripeEvents } from '@/db/schema';
import { seedIfEmpty } from '@/db/seed/seed';
import { startDonation } from '@/lib/giving/start-donation';
import { handledEventTypes } from '@/lib/payments/webhook-events';
import type { FakeStripe } from '../../tests/support/fake-stripe';

export interface PreparedGifts {
  gifts: number;
  /** Events the webhook acts on, in the order Stripe would send them, each once. */
  events: Stripe.Event[];
  /** Donation rows that are paid once every event has been received exactly once. */
  expectedPaid: number;
}

/**
 * Starts `gifts` gifts (every other one monthly), then plays out on the fake what Stripe would
 * do: each donor pays, and each monthly gift renews twice. Nothing is delivered here; the
 * events are returned for the load run to deliver, with duplicates, through HTTP.
 */
export async function prepareGifts(fake: FakeStripe, gifts: number): Promise<PreparedGifts> {
  try {
    // The build has already migrated and seeded; with --no-build the folder is new.
    await migrateDatabase(getConnection());
    await seedIfEmpty(getDb());
    const events: Stripe.Event[] = [];
    let expectedPaid = 0;
    for (let index = 0; index < gifts; index += 1) {
      const monthly = index % 2 === 1;
      const email = `load-donor${index}@bench.example`;
      const outcome = await startDonation(
        {
          frequency: monthly ? 'monthly' : 'one_off',
          amountMinor: 1000 + index,
          currency: 'GBP',
          name: `Load donor ${index}`,
          email,
          anonymous: false,
          giftAid: null,
          attempt: null,
        },
        // One address per gift: the per-IP Checkout limit (20 an hour) is not what is measured.
        { ip: `10.99.${index >> 8}.${index & 255}`, userId: null },
      );
      if (!outcome.ok) throw new Error(`gift ${index} did not start: ${outcome.error}`);
      const [row] = await getDb()
        .select({ session: donations.stripeCheckoutSessionId })
        .from(donations)
        .where(eq(donations.email, email));
      const sessionId = row?.session;
      if (!sessionId) throw new Error(`gift ${index} has no Checkout Session`);
      events.push(...fake.completeCheckout(sessionId));
      expectedPaid += 1;
      if (monthly) {
        const subscription = fake.getSession(sessionId)?.subscription;
        if (typeof subscription !== 'string') throw new Error(`gift ${index}: no subscription`);
        events.push(
          ...fake.renewSubscription(subscription),
          ...fake.renewSubscription(subscription),
        );
        expectedPaid += 2;
      }
    }
    const handled = events.filter((event) =>
      (handledEventTypes as readonly string[]).includes(event.type),
    );
    return { gifts, events: handled, expectedPaid };
  } finally {
    // Releases the data folder for the server.
    await closeConnection();
  }
}

export interface DonationCount {
  paid: number;
  eventIds: number;
  /** Gifts whose Checkout could not be started: kept, to be retried by the donor. */
  checkoutFailed: number;
}

/** Reads the figures from the data folder; call it only once the server has stopped. */
export async function countDonations(): Promise<DonationCount> {
  const connection = openConnection({ max: 1 });
  try {
    const [paid] = await connection.db
      .select({ value: count() })
      .from(donations)
      .where(eq(donations.status, 'succeeded'));
    const [recorded] = await connection.db.select({ value: count() }).from(stripeEvents);
    const [failed] = await connection.db
      .select({ value: count() })
      .from(donations)
      .where(eq(donations.status, 'checkout_failed'));
    return {
      paid: paid?.value ?? 0,
      eventIds: recorded?.value ?? 0,
      checkoutFailed: failed?.value ?? 0,
    };
  } finally {
    await connection.close();
  }
}
