import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { donations } from '@/db/schema';
import {
  isDonationsConfigured,
  notConfiguredMessage,
  startDonation,
} from '@/lib/giving/start-donation';
import { receiveStripeWebhook } from '@/lib/payments/webhook';
import { donationRequest } from '../support/giving';

delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;

it('says plainly that donations are off, and records nothing', async () => {
  expect(isDonationsConfigured()).toBe(false);
  expect(await startDonation(donationRequest(), { ip: '203.0.113.1', userId: null })).toEqual({
    ok: false,
    error: notConfiguredMessage,
  });
  const [rows] = await getDb().select({ value: count() }).from(donations);
  expect(rows!.value).toBe(0);
  expect(await receiveStripeWebhook('{}', 't=1,v1=abc')).toMatchObject({
    status: 503,
    outcome: 'not-configured',
  });
});
