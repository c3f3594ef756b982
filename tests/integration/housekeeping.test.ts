import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  authTokens,
  emailOutbox,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  rateLimits,
  sessions,
  users,
} from '@/db/schema';
import { openSession } from '@/lib/auth/sessions';
import { pruneAll } from '@/lib/housekeeping/prune';
import { startHousekeeping } from '@/lib/housekeeping/schedule';

const hour = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);

async function seedWhatGrows() {
  const db = getDb();
  const [fresh, stale, verified] = await db
    .insert(users)
    .values([
      { email: 'just.joined@example.org', createdAt: ago(hour) },
      { email: 'never.verified@example.org', createdAt: ago(8 * 24 * hour) },
      {
        email: 'verified.long.ago@example.org',
        emailVerified: ago(30 * 24 * hour),
        createdAt: ago(30 * 24 * hour),
      },
    ])
    .returning();
  await db.insert(rateLimits).values([
    {
      bucket: 'sign-in:ip',
      subject: 'old',
      windowStart: ago(2 * hour),
      hits: 3,
      expiresAt: ago(hour),
    },
    {
      bucket: 'sign-in:ip',
      subject: 'now',
      windowStart: ago(60_000),
      hits: 1,
      expiresAt: new Date(Date.now() + hour),
    },
  ]);
  const live = await openSession(verified!.id);
  const expired = await openSession(verified!.id);
  await db
    .update(sessions)
    .set({ expires: ago(1000) })
    .where(eq(sessions.sessionToken, expired));
  const token = (id: number, values: Partial<typeof authTokens.$inferInsert>) => ({
    purpose: 'sign_in' as const,
    email: verified!.email,
    userId: verified!.id,
    tokenHash: `hash-${id}`,
    createdAt: ago(3 * 24 * hour),
    expiresAt: new Date(Date.now() + hour),
    ...values,
  });
  await db
    .insert(authTokens)
    .values([
      token(1, { expiresAt: ago(2 * 24 * hour) }),
      token(2, { usedAt: ago(2 * 24 * hour) }),
      token(3, { createdAt: ago(hour) }),
    ]);
  await db.insert(emailOutbox).values([
    {
      purpose: 'receipt',
      recipient: 'a@example.org',
      subject: 'Old',
      status: 'sent',
      sentAt: ago(40 * 24 * hour),
      createdAt: ago(40 * 24 * hour),
    },
    {
      purpose: 'receipt',
      recipient: 'b@example.org',
      subject: 'New',
      status: 'sent',
      sentAt: ago(hour),
    },
  ]);
  // A sign-up never confirmed, long after its link expired, and one still waiting.
  const [list] = await db
    .insert(newsletterLists)
    .values({ slug: 'weekly', name: 'Weekly' })
    .returning({ id: newsletterLists.id });
  const subscribers = await db
    .insert(newsletterSubscribers)
    .values([{ email: 'typed.once@example.org' }, { email: 'still.deciding@example.org' }])
    .returning({ id: newsletterSubscribers.id });
  await db.insert(newsletterSubscriptions).values(
    [ago(9 * 24 * hour), ago(hour)].map((consentAt, index) => ({
      subscriberId: subscribers[index]!.id,
      listId: list!.id,
      status: 'pending' as const,
      source: 'form' as const,
      consentText: 'Send me Weekly.',
      consentAt,
    })),
  );
  return { fresh: fresh!, stale: stale!, live };
}

it('prunes what only grows, and keeps what is still of use', async () => {
  const { fresh, stale, live } = await seedWhatGrows();
  expect(await pruneAll()).toEqual({
    rateLimits: 1,
    sessions: 1,
    authTokens: 2,
    unverifiedAccounts: 1,
    emails: 1,
    newsletterSignups: 1,
  });
  const db = getDb();
  expect(await db.select().from(users).where(eq(users.id, stale.id))).toEqual([]);
  expect(await db.select().from(users).where(eq(users.id, fresh.id))).toHaveLength(1);
  expect((await db.select().from(rateLimits)).map((row) => row.subject)).toEqual(['now']);
  expect((await db.select().from(sessions)).map((row) => row.sessionToken)).toEqual([live]);
  expect((await db.select().from(authTokens)).map((row) => row.tokenHash)).toEqual(['hash-3']);
  expect((await db.select().from(emailOutbox)).map((row) => row.subject)).toEqual(['New']);
  expect((await db.select().from(newsletterSubscribers)).map((row) => row.email)).toEqual([
    'still.deciding@example.org',
  ]);
  expect(await pruneAll()).toEqual({
    rateLimits: 0,
    sessions: 0,
    authTokens: 0,
    unverifiedAccounts: 0,
    emails: 0,
    newsletterSignups: 0,
  });
});

it('runs on its schedule in the server process', async () => {
  const db = getDb();
  await db.insert(rateLimits).values({
    bucket: 'email:ip',
    subject: 'scheduled',
    windowStart: ago(2 * hour),
    hits: 1,
    expiresAt: ago(hour),
  });
  const stop = startHousekeeping(50, 10);
  try {
    await expect
      .poll(
        async () =>
          (await db.select().from(rateLimits).where(eq(rateLimits.subject, 'scheduled'))).length,
        {
          timeout: 5000,
        },
      )
      .toBe(0);
  } finally {
    stop();
  }
});
