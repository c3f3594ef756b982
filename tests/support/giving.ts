import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll } from 'vitest';
import { getDb } from '@/db/client';
import { users, type User } from '@/db/schema';
import { upsertAccount } from '@/lib/auth/accounts';
import type { DonationRequest } from '@/lib/giving/donation-form';
import { startDonation } from '@/lib/giving/start-donation';
import { receiveStripeWebhook, type WebhookResult } from '@/lib/payments/webhook';
import { startFakeStripe, type FakeStripe } from './fake-stripe';

/**
 * Starts a fake of Stripe's API for one test file and points the site at it. Call it at the top
 * level of the file, before anything reads the environment.
 */
export async function fakeStripeForThisFile(): Promise<FakeStripe & { mailDir: string }> {
  const fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = fake.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
  process.env.STRIPE_API_BASE_URL = fake.url;
  process.env.SITE_URL = 'https://northgate.example';
  const mailDir = await mkdtemp(path.join(os.tmpdir(), 'receipts-'));
  process.env.EMAIL_LOG_DIR = mailDir;
  afterAll(() => fake.close());
  return Object.assign(fake, { mailDir });
}

let counter = 0;

export function donationRequest(overrides: Partial<DonationRequest> = {}): DonationRequest {
  counter += 1;
  return {
    frequency: 'one_off',
    amountMinor: 5000,
    currency: 'GBP',
    name: 'Ada Lovelace',
    email: `donor${counter}@example.org`,
    anonymous: false,
    giftAid: null,
    attempt: null,
    ...overrides,
  };
}

/** Signs an event as Stripe would (the SDK's own test helper) and hands it to the webhook. */
export function deliver(
  fake: FakeStripe,
  event: Stripe.Event,
  options: { secret?: string; tamper?: (body: string) => string } = {},
): Promise<WebhookResult> {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? fake.webhookSecret,
  });
  return receiveStripeWebhook(options.tamper ? options.tamper(payload) : payload, header);
}

/**
 * Delivers events in the given order the way Stripe does: an event answered with an error is
 * sent again after the others, until every one is accepted.
 */
export async function deliverUntilAccepted(
  fake: FakeStripe,
  events: Stripe.Event[],
): Promise<WebhookResult[]> {
  const queue = [...events];
  const results: WebhookResult[] = [];
  for (let attempts = 0; queue.length > 0; attempts += 1) {
    if (attempts > events.length * 4) throw new Error('events still refused after many retries');
    const event = queue.shift()!;
    const result = await deliver(fake, event);
    results.push(result);
    if (result.status >= 300) queue.push(event);
  }
  return results;
}

/** Every permutation of a short list, for trying events in every order. */
export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

export const handledOnly = (events: Stripe.Event[], ...types: Stripe.Event['type'][]) =>
  events.filter((event) => types.includes(event.type));

let members = 0;

/**
 * A new member who has started a monthly gift and been sent to its Checkout Session, which is
 * still open: nothing has been paid and Stripe has sent nothing.
 */
export async function memberStartingMonthlyGift(
  fake: FakeStripe,
): Promise<{ member: User; donationId: string; sessionId: string }> {
  members += 1;
  const email = `monthly-${members}-${Date.now()}@example.org`;
  await upsertAccount(getDb(), { email, password: 'a long monthly phrase', role: 'member' });
  const [member] = await getDb().select().from(users).where(eq(users.email, email));
  const started = await startDonation(
    donationRequest({ frequency: 'monthly', amountMinor: 1200, email }),
    { ip: `198.51.100.${members % 250}`, userId: member!.id },
  );
  if (!started.ok) throw new Error(started.error);
  // The hosted page's address ends with the session's id.
  const session = fake.getSession(new URL(started.url).pathname.split('/').at(-1)!)!;
  return { member: member!, donationId: session.metadata!.donation_id!, sessionId: session.id };
}
