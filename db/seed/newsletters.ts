import { getSiteConfig } from '@/lib/config/site';
import { consentWording } from '@/lib/newsletters/consent';
import type { Transaction } from '../client';
import {
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  type NewsletterListKind,
  type SubscriptionSource,
  type SubscriptionStatus,
} from '../schema';

interface SeedList {
  slug: string;
  name: string;
  description: string;
  cadence: string;
  kind: NewsletterListKind;
  softOptIn?: boolean;
  series?: string;
  topic?: string;
}

// The first is the one every page's footer offers.
const seedLists: SeedList[] = [
  {
    slug: 'weekly-briefing',
    name: 'The Weekly Briefing',
    description:
      'The week’s research in one e-mail: what we published, what it found and why it matters, in five minutes’ reading.',
    cadence: 'Every Friday morning',
    kind: 'digest',
    softOptIn: true,
  },
  {
    slug: 'fiscal-watch',
    name: 'Fiscal Watch',
    description:
      'Each new instalment of our column on the public finances, as it is published: borrowing, tax and spending, read closely.',
    cadence: 'When a new piece appears, about twice a month',
    kind: 'series',
    series: 'fiscal-watch',
  },
  {
    slug: 'energy-and-climate',
    name: 'Energy and Climate',
    description:
      'Everything we publish on energy security, prices and the path to net zero, as it appears.',
    cadence: 'When a new piece appears',
    kind: 'topic',
    topic: 'energy-climate',
  },
  {
    slug: 'events-and-launches',
    name: 'Events and launches',
    description:
      'Invitations to report launches, roundtables and public lectures, and the occasional note from the Director.',
    cadence: 'About once a month',
    kind: 'issues',
  },
];

// Demo readers on the lists, as the admin's subscribers page shows them: [address, list, status,
// source, days ago]. Addresses are at example.org, which receives no mail.
const seedSubscriptions: [string, string, SubscriptionStatus, SubscriptionSource, number][] = [
  ['h.marsh@example.org', 'weekly-briefing', 'subscribed', 'form', 120],
  ['h.marsh@example.org', 'fiscal-watch', 'subscribed', 'form', 120],
  ['treasury.watcher@example.org', 'fiscal-watch', 'subscribed', 'form', 95],
  ['k.osei@example.org', 'weekly-briefing', 'subscribed', 'join', 80],
  ['grid.analyst@example.org', 'energy-and-climate', 'subscribed', 'form', 61],
  ['grid.analyst@example.org', 'weekly-briefing', 'unsubscribed', 'form', 61],
  ['l.fernandes@example.org', 'weekly-briefing', 'subscribed', 'account', 44],
  ['l.fernandes@example.org', 'events-and-launches', 'subscribed', 'account', 44],
  ['policy.desk@example.org', 'weekly-briefing', 'subscribed', 'form', 30],
  ['r.iqbal@example.org', 'energy-and-climate', 'unsubscribed', 'form', 21],
  ['s.mcallister@example.org', 'weekly-briefing', 'subscribed', 'form', 9],
  ['new.reader@example.org', 'weekly-briefing', 'pending', 'form', 1],
];

const day = 86_400_000;

/** The demo newsletters; a list that exists already keeps whatever editors have done to it. */
export async function seedNewsletterLists(
  tx: Transaction,
  ids: { seriesIds: Map<string, string>; topicIds: Map<string, string> },
): Promise<number> {
  let created = 0;
  for (const [position, list] of seedLists.entries()) {
    const { series, topic, ...fields } = list;
    const seriesId = series ? ids.seriesIds.get(series) : undefined;
    const topicId = topic ? ids.topicIds.get(topic) : undefined;
    if ((series && !seriesId) || (topic && !topicId)) {
      throw new Error(`Seed newsletter ${list.slug} names an unknown series or topic`);
    }
    const inserted = await tx
      .insert(newsletterLists)
      .values({ ...fields, position, seriesId, topicId })
      .onConflictDoNothing()
      .returning({ id: newsletterLists.id });
    created += inserted.length;
  }
  if (created > 0) await seedSubscribers(tx);
  return created;
}

async function seedSubscribers(tx: Transaction): Promise<void> {
  const lists = await tx.select().from(newsletterLists);
  const now = Date.now();
  for (const [email, slug, status, source, daysAgo] of seedSubscriptions) {
    const list = lists.find((row) => row.slug === slug)!;
    const [subscriber] = await tx
      .insert(newsletterSubscribers)
      .values({ email })
      .onConflictDoUpdate({ target: newsletterSubscribers.email, set: { email } })
      .returning({ id: newsletterSubscribers.id });
    const consentAt = new Date(now - daysAgo * day);
    await tx.insert(newsletterSubscriptions).values({
      subscriberId: subscriber!.id,
      listId: list.id,
      status,
      source,
      consentText: consentWording(list, getSiteConfig().name),
      consentAt,
      confirmedAt: status === 'pending' ? null : new Date(consentAt.getTime() + 600_000),
      unsubscribedAt: status === 'unsubscribed' ? new Date(consentAt.getTime() + 20 * day) : null,
    });
  }
}
