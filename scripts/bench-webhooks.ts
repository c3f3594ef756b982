// Webhook throughput: signed Stripe events for a few hundred gifts, each delivered several times
// in a shuffled order and several at once, through the same code as /api/stripe/webhook. Prints
// events per second and checks that every gift was counted exactly once. Figures only: nothing
// here asserts a timing.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { closeConnection, getConnection, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { donations, stripeEvents } from '@/db/schema';
import { startDonation } from '@/lib/giving/start-donation';
import { handledEventTypes } from '@/lib/payments/webhook-events';
import { receiveStripeWebhook, type WebhookOutcome } from '@/lib/payments/webhook';
import { startFakeStripe } from '../tests/support/fake-stripe';
import { createDatabase, databaseUrl, dropDatabase } from '../tests/setup/postgres-server';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    gifts: { type: 'string', default: '200' },
    copies: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
  },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
const gifts = Number(values.gifts);
const copies = Number(values.copies);
const concurrency = Number(values.concurrency);
const progress = (message: string) => console.error(`· ${message}`);

// A fixed seed, so two runs deliver the same order.
function shuffle<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let state = seed;
  for (let index = out.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const fake = await startFakeStripe();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'bench-webhooks-'));
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE_URL: fake.url,
    EMAIL_LOG_DIR: path.join(temp, 'mail'),
    PGLITE_DATA_DIR: 'memory://',
  });
  const database = engine === 'postgres' ? await createDatabase('northgate_bench') : null;
  if (database) process.env.DATABASE_URL = databaseUrl(database);
  else delete process.env.DATABASE_URL;
  try {
    await migrateDatabase(getConnection());
    progress(`${engine}: starting ${gifts} gifts through Checkout (half monthly)…`);
    const events: Stripe.Event[] = [];
    let expectedPaid = 0;
    for (let index = 0; index < gifts; index += 1) {
      const monthly = index % 2 === 1;
      const outcome = await startDonation(
        {
          frequency: monthly ? 'monthly' : 'one_off',
          amountMinor: 1000 + index,
          currency: 'GBP',
          name: `Donor ${index}`,
          email: `donor${index}@bench.example`,
          anonymous: false,
          giftAid: null,
          attempt: null,
        },
        { ip: `10.${index >> 8}.${index & 255}.1`, userId: null },
      );
      if (!outcome.ok) throw new Error(outcome.error);
      const [row] = await getDb()
        .select({ session: donations.stripeCheckoutSessionId })
        .from(donations)
        .where(eq(donations.email, `donor${index}@bench.example`));
      const sessionId = row!.session!;
      events.push(...fake.completeCheckout(sessionId));
      expectedPaid += 1;
      if (monthly) {
        const subscription = fake.getSession(sessionId)!.subscription as string;
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
    const deliveries = shuffle(
      handled.flatMap((event) => Array.from({ length: copies }, () => event)),
    );
    const signed = deliveries.map((event) => {
      const payload = JSON.stringify(event);
      return {
        payload,
        header: Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret }),
      };
    });

    progress(
      `delivering ${signed.length} events (${handled.length} distinct × ${copies}), ${concurrency} at a time…`,
    );
    const latencies: number[] = [];
    const outcomes = new Map<WebhookOutcome | `status ${number}`, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < signed.length; index = next++) {
          const { payload, header } = signed[index]!;
          const begun = performance.now();
          const result = await receiveStripeWebhook(payload, header);
          latencies.push(performance.now() - begun);
          outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const [paid] = await getDb()
      .select({ value: count() })
      .from(donations)
      .where(eq(donations.status, 'succeeded'));
    const [recorded] = await getDb().select({ value: count() }).from(stripeEvents);
    const rows = [
      ['engine', engine],
      ['events delivered', String(signed.length)],
      ['distinct events', String(handled.length)],
      ['events per second', (signed.length / seconds).toFixed(0)],
      [
        'latency p50 / p99 ms',
        `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`,
      ],
      ['outcomes', [...outcomes].map(([key, value]) => `${key} ${value}`).join(', ')],
      ['paid donation rows expected / found', `${expectedPaid} / ${paid!.value}`],
      ['event ids expected / recorded', `${handled.length} / ${recorded!.value}`],
    ];
    const width = Math.max(...rows.map(([label]) => label!.length));
    for (const [label, value] of rows) console.log(`${label!.padEnd(width)}  ${value}`);
    if (paid!.value !== expectedPaid || recorded!.value !== handled.length) {
      console.error('bench:webhooks: rows do not match what was expected');
      process.exitCode = 1;
    }
  } finally {
    await closeConnection();
    if (database) await dropDatabase(database);
    await fake.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error('bench:webhooks failed:', error);
    process.exit(1);
  },
);
