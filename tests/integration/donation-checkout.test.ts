import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { donations, giftAidDeclarations, users } from '@/db/schema';
import { startDonation } from '@/lib/giving/start-donation';
import { isStripeHostedUrl } from '@/lib/payments/stripe-client';
import { donationRequest, fakeStripeForThisFile } from '../support/giving';
import { verifiedUser } from '../support/verified-user';

const fake = await fakeStripeForThisFile();
const context = { ip: '203.0.113.7', userId: null };

const createRequests = () =>
  fake.requests.filter(
    (request) => request.method === 'POST' && request.path === '/v1/checkout/sessions',
  );

async function donationRow(id: string) {
  const [row] = await getDb().select().from(donations).where(eq(donations.id, id));
  return row!;
}

describe('starting a gift', () => {
  it('records a pending one-off gift, then opens Checkout for exactly that amount', async () => {
    const before = createRequests().length;
    const outcome = await startDonation(donationRequest({ amountMinor: 4200 }), context);
    expect(outcome.ok).toBe(true);
    const [created] = createRequests().slice(before);
    expect(created?.status).toBe(200);
    const donationId = (created!.params.metadata as Record<string, string>).donation_id!;
    expect(created!.idempotencyKey).toBe(`donation-checkout-${donationId}`);
    expect(created!.params).toMatchObject({
      mode: 'payment',
      submit_type: 'donate',
      success_url: 'https://northgate.example/support/thank-you?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: `https://northgate.example/support?resume=${donationId}`,
      line_items: [{ price_data: { currency: 'gbp', unit_amount: '4200' }, quantity: '1' }],
      payment_intent_data: { metadata: { donation_id: donationId } },
    });
    const row = await donationRow(donationId);
    expect(row).toMatchObject({ status: 'pending', amountMinor: 4200, frequency: 'one_off' });
    expect(outcome.ok && outcome.url).toBe(fake.getSession(row.stripeCheckoutSessionId!)!.url);
  });

  it('opens a monthly gift as a subscription with an inline monthly price', async () => {
    const before = createRequests().length;
    const outcome = await startDonation(
      donationRequest({ frequency: 'monthly', amountMinor: 1000 }),
      context,
    );
    expect(outcome.ok).toBe(true);
    const [created] = createRequests().slice(before);
    expect(created!.params).toMatchObject({
      mode: 'subscription',
      line_items: [
        { price_data: { currency: 'gbp', unit_amount: '1000', recurring: { interval: 'month' } } },
      ],
    });
    expect(created!.params).not.toHaveProperty('payment_intent_data');
  });

  it('keeps the Gift Aid declaration with the exact words the donor agreed to', async () => {
    const outcome = await startDonation(
      donationRequest({
        giftAid: {
          giftAidTitle: null,
          giftAidFirstName: 'Ada',
          giftAidLastName: 'Lovelace',
          giftAidHouse: '12',
          giftAidPostcode: 'SW1A 1AA',
          giftAidPastFourYears: true,
        },
      }),
      context,
    );
    expect(outcome.ok).toBe(true);
    const [latest] = await getDb()
      .select({ declaration: giftAidDeclarations })
      .from(donations)
      .innerJoin(giftAidDeclarations, eq(giftAidDeclarations.id, donations.giftAidDeclarationId));
    expect(latest!.declaration).toMatchObject({
      firstName: 'Ada',
      postcode: 'SW1A 1AA',
      coversPastFourYears: true,
    });
    expect(latest!.declaration.declarationText).toContain('past 4 years');
  });

  it('tells the donor to try again when Stripe is down, keeps the row, and makes one session on retry', async () => {
    const attempt = crypto.randomUUID();
    const request = donationRequest({ attempt });
    for (const mode of ['down', 'error'] as const) {
      fake.setMode(mode);
      const failed = await startDonation(request, context);
      expect(failed).toEqual({
        ok: false,
        error: expect.stringMatching(/could not reach our payment provider.*nothing was charged/i),
        attempt,
      });
      expect(await donationRow(attempt)).toMatchObject({
        status: 'checkout_failed',
        stripeCheckoutSessionId: null,
      });
    }
    fake.setMode('ok');
    const before = createRequests().length;
    const retried = await startDonation(request, context);
    expect(retried.ok).toBe(true);
    expect(await donationRow(attempt)).toMatchObject({ status: 'pending', failureReason: null });
    // Sending the same form again (say, back from Checkout) finds the open session.
    const again = await startDonation(request, context);
    expect(again).toEqual(retried);
    expect(
      createRequests()
        .slice(before)
        .filter((request) => request.status === 200),
    ).toHaveLength(1);
    expect(
      await getDb().select().from(donations).where(eq(donations.email, request.email)),
    ).toHaveLength(1);
  });

  it('treats a changed amount as a new gift rather than reusing the first row', async () => {
    const attempt = crypto.randomUUID();
    const first = donationRequest({ attempt });
    expect((await startDonation(first, context)).ok).toBe(true);
    const changed = await startDonation({ ...first, amountMinor: 9900 }, context);
    expect(changed.ok).toBe(true);
    const rows = await getDb().select().from(donations).where(eq(donations.email, first.email));
    expect(rows.map((row) => row.amountMinor).sort()).toEqual([5000, 9900]);
  });

  it('throttles checkouts per e-mail address and per IP address', async () => {
    const email = 'eager@example.org';
    const outcomes = [];
    for (let index = 0; index < 9; index += 1) {
      outcomes.push(
        await startDonation(donationRequest({ email }), { ...context, ip: `198.51.100.${index}` }),
      );
    }
    expect(outcomes.slice(0, 8).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[8]).toEqual({ ok: false, error: expect.stringMatching(/try again in/i) });
    const ipOutcomes = [];
    for (let index = 0; index < 21; index += 1) {
      ipOutcomes.push(await startDonation(donationRequest(), { ...context, ip: '192.0.2.99' }));
    }
    expect(ipOutcomes.filter((outcome) => !outcome.ok)).toHaveLength(1);
  });

  it('gives a signed-in donor’s gifts their own Stripe customer, shared with their membership', async () => {
    const { id } = await verifiedUser('one-customer@example.org', 'member');
    const sessionOf = (url: string) => fake.getSession(new URL(url).pathname.split('/').at(-1)!)!;
    const first = await startDonation(donationRequest({ email: 'one-customer@example.org' }), {
      ip: '203.0.113.60',
      userId: id,
    });
    const second = await startDonation(
      donationRequest({
        email: 'one-customer@example.org',
        frequency: 'monthly',
        amountMinor: 1000,
      }),
      { ip: '203.0.113.60', userId: id },
    );
    if (!first.ok || !second.ok) throw new Error('not started');
    const [account] = await getDb().select().from(users).where(eq(users.id, id));
    expect(account?.stripeCustomerId).toMatch(/^cus_/);
    expect(sessionOf(first.url).customer).toBe(account!.stripeCustomerId);
    expect(sessionOf(second.url).customer).toBe(account!.stripeCustomerId);

    // Giving with another address keeps that address, as a guest's gift does.
    const other = await startDonation(donationRequest({ email: 'elsewhere@example.org' }), {
      ip: '203.0.113.60',
      userId: id,
    });
    if (!other.ok) throw new Error('not started');
    expect(sessionOf(other.url)).toMatchObject({ customer_email: 'elsewhere@example.org' });
  });

  it('sends visitors only to the payment provider’s own pages', () => {
    expect(isStripeHostedUrl(`${fake.url}/pay/cs_test_1`)).toBe(true);
    expect(isStripeHostedUrl('https://checkout.stripe.com.evil.example/pay')).toBe(false);
    expect(isStripeHostedUrl('https://evil.example/pay')).toBe(false);
    expect(isStripeHostedUrl('javascript:alert(1)')).toBe(false);
    expect(isStripeHostedUrl('//evil.example')).toBe(false);
  });
});
