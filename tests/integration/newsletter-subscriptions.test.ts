import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  emailOutbox,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
} from '@/db/schema';
import { deleteAccount } from '@/lib/auth/account-data';
import { proveAddress } from '@/lib/auth/address-proof';
import { joinAsMember } from '@/lib/auth/join';
import { readPreferencesKey } from '@/lib/newsletters/links';
import {
  confirmSignup,
  readAccountPreferences,
  readPreferences,
  requestSignup,
  savePreferences,
  subscriberForAccount,
  unsubscribeFromAll,
  unsubscribeFromList,
} from '@/lib/newsletters/subscriptions';

let weekly: string;
let series: string;
let archived: string;
let counter = 0;
// A fresh address and IP per test, so no test meets another's rate limits.
const nextEmail = () => `reader-${++counter}@example.org`;
const nextIp = () => `203.0.113.${counter}`;

beforeAll(async () => {
  const rows = await getDb()
    .insert(newsletterLists)
    .values([
      { slug: 'weekly', name: 'The Weekly Briefing', cadence: 'Every Friday', kind: 'issues' },
      { slug: 'events', name: 'Events', cadence: 'Monthly', kind: 'issues', position: 1 },
      { slug: 'old', name: 'Old list', kind: 'issues', archived: true, position: 2 },
    ])
    .returning({ id: newsletterLists.id, slug: newsletterLists.slug });
  const id = (slug: string) => rows.find((row) => row.slug === slug)!.id;
  [weekly, series, archived] = [id('weekly'), id('events'), id('old')];
});

async function mailTo(email: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipient, email), eq(emailOutbox.purpose, 'newsletter_confirm')))
    .orderBy(asc(emailOutbox.createdAt));
}

async function subscriptionsOf(email: string) {
  return getDb()
    .select({
      listId: newsletterSubscriptions.listId,
      status: newsletterSubscriptions.status,
      source: newsletterSubscriptions.source,
      consentText: newsletterSubscriptions.consentText,
      confirmedAt: newsletterSubscriptions.confirmedAt,
      unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
    })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .where(eq(newsletterSubscribers.email, email));
}

function confirmationToken(text: string): string {
  const match = /\/newsletters\/confirm\?token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no confirmation link in:\n${text}`);
  return match[1]!;
}

async function subscribed(email: string, lists = [weekly]) {
  const outcome = await requestSignup({ email, lists }, nextIp());
  expect(outcome.ok).toBe(true);
  const [mail] = await mailTo(email);
  return confirmSignup(confirmationToken(mail!.text!));
}

describe('signing up without an account', () => {
  it('records a pending subscription with its wording and e-mails a link that confirms it once', async () => {
    const email = nextEmail();
    const outcome = await requestSignup(
      { email: ` ${email.toUpperCase()} `, lists: [weekly] },
      nextIp(),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({
        listId: weekly,
        status: 'pending',
        source: 'form',
        consentText: expect.stringContaining('Send me The Weekly Briefing (Every Friday)'),
        confirmedAt: null,
      }),
    ]);
    const [mail] = await mailTo(email);
    expect(mail).toMatchObject({ subject: 'Confirm your subscription to The Weekly Briefing' });
    expect(mail!.expiresAt).not.toBeNull();
    const token = confirmationToken(mail!.text!);

    const confirmed = await confirmSignup(token);
    expect(confirmed?.lists).toEqual(['The Weekly Briefing']);
    expect(readPreferencesKey(`${confirmed!.subscriberId}.nope`)).toBeNull();
    const [row] = await subscriptionsOf(email);
    expect(row).toMatchObject({ status: 'subscribed' });
    expect(row!.confirmedAt).toBeInstanceOf(Date);
    expect(await confirmSignup(token)).toBeNull();
  });

  it('answers an address that already has the list as any other, and tells its owner instead', async () => {
    const email = nextEmail();
    await subscribed(email);
    const again = await requestSignup({ email, lists: [weekly] }, nextIp());
    expect(again).toMatchObject({ ok: true, emailIds: [expect.any(String)] });
    const mails = await mailTo(email);
    expect(mails.at(-1)!.subject).toBe('You already receive The Weekly Briefing');
    expect(mails.at(-1)!.text).toContain('/newsletters/preferences/');
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({ status: 'subscribed' }),
    ]);
  });

  it('confirms only the lists its e-mail named, not those asked for with the address since', async () => {
    const email = nextEmail();
    await requestSignup({ email, lists: [weekly] }, nextIp());
    // Someone else asks for another list with the same address.
    await requestSignup({ email, lists: [weekly, series] }, nextIp());
    const [first, second] = await mailTo(email);
    expect(second!.text).toContain('Events');
    const confirmed = await confirmSignup(confirmationToken(first!.text!));
    expect(confirmed?.lists).toEqual(['The Weekly Briefing']);
    const rows = await subscriptionsOf(email);
    expect(rows.find((row) => row.listId === weekly)?.status).toBe('subscribed');
    expect(rows.find((row) => row.listId === series)?.status).toBe('pending');
  });

  it('does nothing for a filled-in honeypot, and says nothing of it', async () => {
    const email = nextEmail();
    const outcome = await requestSignup(
      { email, lists: [weekly], website: 'http://spam' },
      nextIp(),
    );
    expect(outcome).toEqual({ ok: true, emailIds: [] });
    expect(await mailTo(email)).toEqual([]);
    expect(await subscriptionsOf(email)).toEqual([]);
  });

  it('sends nothing to a suppressed address, with the same answer', async () => {
    const email = nextEmail();
    await getDb().insert(newsletterSuppressions).values({ email, reason: 'bounced' });
    expect(await requestSignup({ email, lists: [weekly] }, nextIp())).toEqual({
      ok: true,
      emailIds: [],
    });
    expect(await mailTo(email)).toEqual([]);
  });

  it('refuses a bad address, no list and a retired list, changing nothing', async () => {
    const email = nextEmail();
    expect(
      await requestSignup({ email: 'not an address', lists: [weekly] }, nextIp()),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { email: expect.any(String) },
    });
    expect(await requestSignup({ email, lists: [] }, nextIp())).toMatchObject({
      ok: false,
      errors: { lists: 'Choose at least one newsletter.' },
    });
    expect(await requestSignup({ email, lists: ['x'] }, nextIp())).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await requestSignup({ email, lists: [archived] }, nextIp())).toMatchObject({
      ok: false,
      errors: { lists: expect.stringContaining('no longer offered') },
    });
    expect(await subscriptionsOf(email)).toEqual([]);
    expect(await mailTo(email)).toEqual([]);
  });

  it('limits how often one address is e-mailed, from however many places', async () => {
    const email = nextEmail();
    for (let i = 0; i < 3; i++) {
      expect((await requestSignup({ email, lists: [weekly] }, `198.51.100.${i}`)).ok).toBe(true);
    }
    expect(await requestSignup({ email, lists: [weekly] }, '198.51.100.9')).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    expect(await mailTo(email)).toHaveLength(3);
  });

  it('asks again for confirmation from someone who had unsubscribed', async () => {
    const email = nextEmail();
    const confirmed = await subscribed(email);
    await unsubscribeFromAll(confirmed!.subscriberId);
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({ status: 'unsubscribed', unsubscribedAt: expect.any(Date) }),
    ]);
    await requestSignup({ email, lists: [weekly] }, nextIp());
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({ status: 'pending', unsubscribedAt: null }),
    ]);
  });
});

describe('preferences and unsubscribing', () => {
  it('subscribes the lists ticked and unsubscribes those unticked, keeping the rest', async () => {
    const email = nextEmail();
    const { subscriberId } = (await subscribed(email))!;
    const saved = await savePreferences(subscriberId, [series.toUpperCase()], 'form');
    expect(saved.map((list) => list.name)).toEqual(['Events']);
    const preferences = await readPreferences(subscriberId);
    expect(preferences?.lists.map((list) => [list.name, list.status])).toEqual([
      ['The Weekly Briefing', 'unsubscribed'],
      ['Events', 'subscribed'],
    ]);
    // A retired list is neither offered nor changed by a save.
    await savePreferences(subscriberId, [archived], 'form');
    expect((await subscriptionsOf(email)).map((row) => row.listId)).not.toContain(archived);
  });

  it('leaves one list by its one-click link, repeatably', async () => {
    const email = nextEmail();
    const { subscriberId } = (await subscribed(email, [weekly, series]))!;
    expect(await unsubscribeFromList(subscriberId, weekly)).toBe('The Weekly Briefing');
    expect(await unsubscribeFromList(subscriberId, weekly)).toBe('The Weekly Briefing');
    const rows = await subscriptionsOf(email);
    expect(rows.find((row) => row.listId === weekly)?.status).toBe('unsubscribed');
    expect(rows.find((row) => row.listId === series)?.status).toBe('subscribed');
    expect(await unsubscribeFromList(subscriberId, crypto.randomUUID())).toBeNull();
  });
});

describe('a member’s newsletters', () => {
  it('are read without writing, chosen in the account, and go with the account', async () => {
    const email = nextEmail();
    const [user] = await getDb()
      .insert(users)
      .values({ email, emailVerified: new Date() })
      .returning({ id: users.id, email: users.email });
    const before = await readAccountPreferences(user!);
    expect(before.lists.every((list) => list.status === null)).toBe(true);
    expect(await subscriptionsOf(email)).toEqual([]);
    const [subscriber] = await getDb()
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    expect(subscriber).toBeUndefined();

    const id = await subscriberForAccount(user!);
    expect(await subscriberForAccount(user!)).toBe(id);
    await savePreferences(id, [weekly], 'account');
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({ status: 'subscribed', source: 'account' }),
    ]);
    expect((await readAccountPreferences(user!)).lists[0]!.status).toBe('subscribed');

    await deleteAccount(user!.id);
    expect(await subscriptionsOf(email)).toEqual([]);
  });

  it('finds the subscriber a reader made by address before joining', async () => {
    const email = nextEmail();
    const { subscriberId } = (await subscribed(email))!;
    const [user] = await getDb()
      .insert(users)
      .values({ email, emailVerified: new Date() })
      .returning({ id: users.id, email: users.email });
    expect((await readAccountPreferences(user!)).subscriberId).toBe(subscriberId);
    expect(await subscriberForAccount(user!)).toBe(subscriberId);
  });
});

describe('the join form’s newsletter box', () => {
  async function join(email: string, newsletter: boolean) {
    const outcome = await joinAsMember(
      {
        name: 'New Member',
        email,
        password: 'a long enough passphrase',
        consent: 'on',
        ...(newsletter ? { newsletter: 'on' as const } : {}),
      },
      nextIp(),
    );
    expect(outcome.ok).toBe(true);
    const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
    return user!.id;
  }

  it('starts the first list once the joiner’s own verification link proves the address', async () => {
    const email = nextEmail();
    const userId = await join(email, true);
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({
        listId: weekly,
        status: 'pending',
        source: 'join',
        consentText: expect.stringContaining('Send me our newsletter, The Weekly Briefing'),
      }),
    ]);
    await proveAddress(userId, 'verification-link');
    expect(await subscriptionsOf(email)).toEqual([
      expect.objectContaining({ status: 'subscribed', confirmedAt: expect.any(Date) }),
    ]);
  });

  it('starts nothing when the address is proven another way, or the box was left empty', async () => {
    const stranger = nextEmail();
    await proveAddress(await join(stranger, true), 'other');
    expect(await subscriptionsOf(stranger)).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    const unticked = nextEmail();
    await proveAddress(await join(unticked, false), 'verification-link');
    expect(await subscriptionsOf(unticked)).toEqual([]);
  });
});
