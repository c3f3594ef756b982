import { and, desc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  donations,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  users,
} from '@/db/schema';
import { parseDonationForm, type DonationFormValues } from '@/lib/giving/donation-form';
import { getGivingSettings } from '@/lib/giving/settings';
import { saveNewsletterList } from '@/lib/newsletters/list-admin';
import type { ListInput } from '@/lib/newsletters/list-input';
import { startDonation } from '@/lib/giving/start-donation';
import { deliver, donationRequest, fakeStripeForThisFile, handledOnly } from '../support/giving';

const fake = await fakeStripeForThisFile();

let offered: string;
let other: string;

beforeAll(async () => {
  const lists = await getDb()
    .insert(newsletterLists)
    .values([
      { slug: 'supporters', name: 'Supporters’ News', cadence: 'Monthly', softOptIn: true },
      { slug: 'other', name: 'Other Notes' },
    ])
    .returning();
  offered = lists.find((list) => list.slug === 'supporters')!.id;
  other = lists.find((list) => list.slug === 'other')!.id;
});

/** Gives through the site and, unless told not to, pays on the fake Checkout. */
async function give(news: { listId: string; refused: boolean } | null, { pay = true } = {}) {
  const request = donationRequest({ news });
  const outcome = await startDonation(request, {
    ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    userId: null,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  const [row] = await getDb()
    .select()
    .from(donations)
    .where(eq(donations.email, request.email))
    .orderBy(desc(donations.createdAt))
    .limit(1);
  if (pay) {
    const events = fake.completeCheckout(row!.stripeCheckoutSessionId!);
    const completed = handledOnly(events, 'checkout.session.completed')[0] as Stripe.Event;
    // Stripe may deliver an event twice: the subscription is made once either way.
    await deliver(fake, completed);
    await deliver(fake, completed);
  }
  return request.email;
}

async function subscriptionsOf(email: string) {
  return getDb()
    .select({
      listId: newsletterSubscriptions.listId,
      status: newsletterSubscriptions.status,
      source: newsletterSubscriptions.source,
      consentText: newsletterSubscriptions.consentText,
    })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .where(eq(newsletterSubscribers.email, email));
}

describe('the charitable soft opt-in for donors', () => {
  it('subscribes a donor who did not refuse, once their gift is paid, recording the offer', async () => {
    const email = await give({ listId: offered, refused: false });
    const [subscription, ...more] = await subscriptionsOf(email);
    expect(more).toEqual([]);
    expect(subscription).toMatchObject({
      listId: offered,
      status: 'subscribed',
      source: 'soft_opt_in',
    });
    expect(subscription!.consentText).toContain('Supporters’ News (Monthly)');
    expect(subscription!.consentText).toContain('did not tick “No thanks: do not send it to me.”');
  });

  it('sends nothing to a donor who refused, to an unpaid gift, or where nothing was offered', async () => {
    expect(await subscriptionsOf(await give({ listId: offered, refused: true }))).toEqual([]);
    expect(
      await subscriptionsOf(await give({ listId: offered, refused: false }, { pay: false })),
    ).toEqual([]);
    expect(await subscriptionsOf(await give(null))).toEqual([]);
    // An offer the form never made (another list, or a made-up id) counts as none.
    expect(await subscriptionsOf(await give({ listId: other, refused: false }))).toEqual([]);
    expect(
      await subscriptionsOf(await give({ listId: crypto.randomUUID(), refused: false })),
    ).toEqual([]);
  });

  it('never resubscribes an address that unsubscribed', async () => {
    const email = donationRequest().email;
    const db = getDb();
    const [subscriber] = await db.insert(newsletterSubscribers).values({ email }).returning();
    await db.insert(newsletterSubscriptions).values({
      subscriberId: subscriber!.id,
      listId: offered,
      status: 'unsubscribed',
      source: 'form',
      consentText: 'Yes please',
      consentAt: new Date(Date.now() - 86_400_000),
      confirmedAt: new Date(Date.now() - 86_400_000),
      unsubscribedAt: new Date(),
    });
    const request = donationRequest({ email, news: { listId: offered, refused: false } });
    const outcome = await startDonation(request, { ip: '10.8.0.1', userId: null });
    if (!outcome.ok) throw new Error(outcome.error);
    const [row] = await db.select().from(donations).where(eq(donations.email, email));
    const events = fake.completeCheckout(row!.stripeCheckoutSessionId!);
    await deliver(fake, handledOnly(events, 'checkout.session.completed')[0] as Stripe.Event);
    expect(await subscriptionsOf(email)).toMatchObject([
      { status: 'unsubscribed', source: 'form' },
    ]);
  });

  it('reads the refusal from the form, and a retry that changes it is a new answer', async () => {
    const settings = getGivingSettings();
    const values = {
      frequency: 'one_off',
      oneOffAmount: String(settings.suggested.one_off[0]),
      monthlyAmount: '',
      otherAmount: '',
      name: 'Ada',
      email: 'ada.form@example.org',
      newsOffered: offered.toUpperCase(),
      noNews: 'on',
      attempt: crypto.randomUUID(),
    } as unknown as DonationFormValues;
    const parsed = parseDonationForm(values, settings);
    expect(parsed.ok && parsed.request.news).toEqual({ listId: offered, refused: true });
    const garbled = parseDonationForm({ ...values, newsOffered: 'nonsense' }, settings);
    expect(garbled.ok && garbled.request.news).toBeNull();

    if (!parsed.ok) throw new Error('form refused');
    const first = await startDonation(parsed.request, { ip: '10.7.0.1', userId: null });
    const second = await startDonation(
      { ...parsed.request, news: { listId: offered, refused: false } },
      { ip: '10.7.0.1', userId: null },
    );
    expect(first.ok && second.ok).toBe(true);
    const rows = await getDb()
      .select({ refused: donations.newsRefused })
      .from(donations)
      .where(and(eq(donations.email, 'ada.form@example.org')));
    expect(rows.map((row) => row.refused).sort()).toEqual([false, true]);
  });

  it('is offered for one list at a time, and never for a retired one', async () => {
    const [editor] = await getDb()
      .insert(users)
      .values({ email: 'editor@soft.example', role: 'editor' })
      .returning({ id: users.id });
    const fields = (more: Record<string, string>) =>
      ({ name: 'Other Notes', slug: 'other', kind: 'issues', ...more }) as unknown as ListInput;
    const retired = await saveNewsletterList(
      editor!,
      other,
      fields({ softOptIn: 'on', archived: 'on' }),
      () => {},
    );
    expect(retired).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      await saveNewsletterList(editor!, other, fields({ softOptIn: 'on' }), () => {}),
    ).toMatchObject({
      ok: true,
    });
    const flagged = await getDb()
      .select({ id: newsletterLists.id })
      .from(newsletterLists)
      .where(eq(newsletterLists.softOptIn, true));
    expect(flagged).toEqual([{ id: other }]);
    // Gifts offered the list withdrawn meanwhile send nothing from now on.
    expect(await subscriptionsOf(await give({ listId: offered, refused: false }))).toEqual([]);
  });
});
