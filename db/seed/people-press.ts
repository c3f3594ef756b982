import { count, inArray } from 'drizzle-orm';
import type { Transaction } from '../client';
import { authors, authorTopics, coverage, pressContacts } from '../schema';
import {
  seedCoverage,
  seedPeople,
  seedPersonDetails,
  seedPressContacts,
  type SeedPersonDetails,
} from './data/people-press';

interface SeedIds {
  authorIds: Map<string, string>;
  topicIds: Map<string, string>;
}

interface Created {
  authors: number;
  pressContacts: number;
  coverage: number;
}

function must(map: Map<string, string>, key: string, what: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data names an unknown ${what}: ${key}`);
  return value;
}

/** The columns of an author row that say what kind of person they are and how to reach them. */
export function personColumns(details: Pick<SeedPersonDetails, 'role' | 'media'> | undefined) {
  if (!details) return {};
  return {
    role: details.role,
    acceptsMedia: Boolean(details.media),
    mediaEmail: details.media?.email ?? null,
    mediaPhone: details.media?.phone ?? null,
  };
}

/**
 * The people beyond the catalogue's experts, everyone's areas, the press contacts and coverage.
 * Like the rest of the seed it adds what is missing: a person's areas only while they have none,
 * contacts and coverage only into empty tables.
 */
export async function seedPeopleAndPress(tx: Transaction, ids: SeedIds, created: Created) {
  const inserted = await tx
    .insert(authors)
    .values(
      seedPeople.map((person) => ({
        slug: person.slug,
        name: person.name,
        jobTitle: person.jobTitle,
        bio: person.bio,
        ...personColumns(person),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: authors.id, slug: authors.slug });
  created.authors += inserted.length;
  for (const row of inserted) ids.authorIds.set(row.slug, row.id);

  const everyone = [
    ...Object.entries(seedPersonDetails).map(([slug, details]) => ({ slug, ...details })),
    ...seedPeople,
  ];
  const personIds = everyone.map((person) => must(ids.authorIds, person.slug, 'person'));
  const withAreas = new Set(
    (
      await tx
        .select({ authorId: authorTopics.authorId })
        .from(authorTopics)
        .where(inArray(authorTopics.authorId, personIds))
    ).map((row) => row.authorId),
  );
  const areaRows = everyone.flatMap((person) => {
    const authorId = must(ids.authorIds, person.slug, 'person');
    if (withAreas.has(authorId)) return [];
    return person.areas.map((slug) => ({ authorId, topicId: must(ids.topicIds, slug, 'topic') }));
  });
  if (areaRows.length > 0) await tx.insert(authorTopics).values(areaRows);

  const [contacts] = await tx.select({ n: count() }).from(pressContacts);
  if (!contacts?.n) {
    await tx.insert(pressContacts).values(seedPressContacts);
    created.pressContacts += seedPressContacts.length;
  }

  const [items] = await tx.select({ n: count() }).from(coverage);
  if (!items?.n) {
    await tx.insert(coverage).values(
      seedCoverage.map(({ person, ...item }) => ({
        ...item,
        authorId: person ? must(ids.authorIds, person, 'person') : null,
      })),
    );
    created.coverage += seedCoverage.length;
  }
}
