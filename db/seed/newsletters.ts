import type { Transaction } from '../client';
import { newsletterLists, type NewsletterListKind } from '../schema';

interface SeedList {
  slug: string;
  name: string;
  description: string;
  cadence: string;
  kind: NewsletterListKind;
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
  return created;
}
