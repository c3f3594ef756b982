import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articles,
  memberships,
  membershipTiers,
  recurringGifts,
  users,
  type UserRole,
} from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed';
import { upsertAccount } from '@/lib/auth/accounts';
import { describeHeaderAccount } from '@/lib/auth/header-account';
import type { Viewer } from '@/lib/auth/who';
import {
  deliverUntilAccepted,
  fakeStripeForThisFile,
  memberStartingMonthlyGift,
} from '../support/giving';

const fake = await fakeStripeForThisFile();

beforeAll(async () => {
  await seedDatabase(getDb());
});

async function viewer(email: string, role: UserRole, name: string | null = null): Promise<Viewer> {
  await upsertAccount(getDb(), {
    email,
    password: 'a long header passphrase',
    role,
    name: name ?? undefined,
  });
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  return { id: user!.id, email, name, role, verified: true, signedInAt: Date.now() };
}

async function idOfArticle(slug: string) {
  const [row] = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, slug));
  return row!.id;
}

const published = 'fiscal-rules-need-a-stress-test';
const draft = 'housing-supply-and-the-planning-system';

describe('the header of a signed-in reader', () => {
  it('gives a member their name, no editorial links, and "Support us"', async () => {
    const member = await viewer('header.member@example.org', 'member', 'Ruth Header');
    expect(await describeHeaderAccount(member, published)).toEqual({
      signedIn: true,
      name: 'Ruth Header',
      staff: false,
      givesMonthly: false,
      editHref: null,
    });
  });

  it('tells a member whose membership payment failed what to do, until it has lapsed', async () => {
    const member = await viewer('header.failing@example.org', 'member');
    const [tier] = await getDb()
      .select({ id: membershipTiers.id })
      .from(membershipTiers)
      .where(eq(membershipTiers.slug, 'supporter'));
    const [row] = await getDb()
      .insert(memberships)
      .values({
        userId: member.id,
        tierId: tier!.id,
        source: 'stripe',
        status: 'past_due',
        stripeSubscriptionId: 'sub_header_failing',
        pastDueSince: new Date(Date.now() - 86_400_000),
      })
      .returning({ id: memberships.id });
    const header = await describeHeaderAccount(member, null);
    expect(header.paymentProblem?.accessUntil).toMatch(/^\d{1,2} \w+ \d{4}$/);
    await getDb().update(memberships).set({ status: 'unpaid' }).where(eq(memberships.id, row!.id));
    expect((await describeHeaderAccount(member, null)).paymentProblem).toEqual({
      accessUntil: null,
    });
  });

  it.each(['editor', 'admin'] as const)(
    'gives an %s the editorial area and the article’s edit page',
    async (role) => {
      const staff = await viewer(`header.${role}@example.org`, role);
      expect(await describeHeaderAccount(staff, published)).toMatchObject({
        name: null,
        staff: true,
        editHref: `/admin/articles/${await idOfArticle(published)}`,
      });
      // An editor may be looking at a piece the public cannot see yet.
      expect((await describeHeaderAccount(staff, draft)).editHref).toBe(
        `/admin/articles/${await idOfArticle(draft)}`,
      );
      expect((await describeHeaderAccount(staff, 'no-such-article')).editHref).toBeNull();
      expect((await describeHeaderAccount(staff, null)).editHref).toBeNull();
    },
  );
});

describe('a monthly donor', () => {
  it('is one from the first payment until the gift ends, and not before', async () => {
    const { member, sessionId } = await memberStartingMonthlyGift(fake);
    const reader: Viewer = { ...member, verified: true, signedInAt: Date.now() };
    // Checkout open, nothing paid.
    expect((await describeHeaderAccount(reader, null)).givesMonthly).toBe(false);

    await deliverUntilAccepted(fake, fake.completeCheckout(sessionId));
    expect((await describeHeaderAccount(reader, null)).givesMonthly).toBe(true);

    const [gift] = await getDb()
      .select()
      .from(recurringGifts)
      .where(eq(recurringGifts.userId, member.id));
    const subscriptionId = gift!.stripeSubscriptionId!;
    // Cancelled at the end of the month paid for: still giving until then.
    await deliverUntilAccepted(
      fake,
      fake.cancelSubscription(subscriptionId, { atPeriodEnd: true }),
    );
    expect((await describeHeaderAccount(reader, null)).givesMonthly).toBe(true);
    await deliverUntilAccepted(fake, fake.renewSubscription(subscriptionId));
    expect((await describeHeaderAccount(reader, null)).givesMonthly).toBe(false);
  });
});
