import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database, Transaction } from '../client';
import {
  articleAuthors,
  articles,
  articleTiers,
  articleTopics,
  authors,
  media,
  membershipTiers,
  series,
  topics,
  users,
  type UserRole,
} from '../schema';
import { seedArticlesAutumn } from './data/articles-1';
import { seedArticlesSummer, seedArticlesUnpublished } from './data/articles-2';
import { seedAuthors, seedMedia, seedPortraits, seedSeries, seedTopics } from './data/catalogue';
import { seedPersonDetails, seedPressReleases } from './data/people-press';
import { seedPublicationArticles } from './data/publications';
import { seedTiers } from './data/tiers';
import { seedInstitutionPages } from './data/seed-pages';
import { seedNewsletterLists } from './newsletters';
import { personColumns, seedPeopleAndPress } from './people-press';

export const seedArticles = [
  ...seedArticlesAutumn,
  ...seedArticlesSummer,
  ...seedArticlesUnpublished,
  ...seedPressReleases,
];

export const demoAccounts: { email: string; name: string; role: UserRole }[] = [
  { email: 'admin@northgate.example', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@northgate.example', name: 'Demo Editor', role: 'editor' },
  { email: 'member@northgate.example', name: 'Demo Member', role: 'member' },
];

export interface SeedResult {
  created: Record<
    | 'media'
    | 'authors'
    | 'series'
    | 'topics'
    | 'tiers'
    | 'articles'
    | 'publications'
    | 'users'
    | 'pages'
    | 'funders'
    | 'pressContacts'
    | 'coverage'
    | 'newsletterLists',
    number
  >;
  accounts: { email: string; role: UserRole; password: string }[];
}

function fileSize(key: string): number {
  return fs.statSync(path.join(process.cwd(), 'public', key)).size;
}

function idsBy<T extends { id: string }>(rows: T[], key: (row: T) => string) {
  return new Map(rows.map((row) => [key(row), row.id]));
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data names an unknown ${what}: ${key}`);
  return value;
}

async function seedCatalogue(tx: Transaction, created: SeedResult['created']) {
  const allMedia = [...seedMedia, ...seedPortraits];
  const insertedMedia = await tx
    .insert(media)
    .values(
      allMedia.map((item) => ({
        storageKey: item.key,
        mimeType: 'image/jpeg',
        width: item.width,
        height: item.height,
        bytes: fileSize(item.key),
        alt: item.alt,
        credit: item.credit,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: media.id });
  created.media = insertedMedia.length;
  const mediaIds = await idsBy(
    await tx
      .select({ id: media.id, storageKey: media.storageKey })
      .from(media)
      .where(
        inArray(
          media.storageKey,
          allMedia.map((item) => item.key),
        ),
      ),
    (row) => row.storageKey,
  );

  const insertedAuthors = await tx
    .insert(authors)
    .values(
      seedAuthors.map((author) => ({
        ...author,
        ...personColumns(seedPersonDetails[author.slug]),
        photoId: must(mediaIds, `images/demo/${author.slug}.jpg`, 'portrait'),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: authors.id });
  created.authors = insertedAuthors.length;
  const authorIds = await idsBy(
    await tx.select({ id: authors.id, slug: authors.slug }).from(authors),
    (row) => row.slug,
  );

  const insertedSeries = await tx
    .insert(series)
    .values(
      seedSeries.map(({ columnist, ...rest }) => ({
        ...rest,
        columnistId: columnist ? must(authorIds, columnist, 'columnist') : null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: series.id });
  created.series = insertedSeries.length;

  const insertedTopics = await tx
    .insert(topics)
    .values(seedTopics)
    .onConflictDoNothing()
    .returning({ id: topics.id });
  created.topics = insertedTopics.length;

  return {
    mediaIds,
    authorIds,
    seriesIds: await idsBy(
      await tx.select({ id: series.id, slug: series.slug }).from(series),
      (row) => row.slug,
    ),
    topicIds: await idsBy(
      await tx.select({ id: topics.id, slug: topics.slug }).from(topics),
      (row) => row.slug,
    ),
  };
}

async function seedMembershipTiers(
  tx: Transaction,
  created: SeedResult['created'],
): Promise<Map<string, string>> {
  const inserted = await tx
    .insert(membershipTiers)
    .values(seedTiers)
    .onConflictDoNothing()
    .returning({ id: membershipTiers.id });
  created.tiers += inserted.length;
  return idsBy(
    await tx.select({ id: membershipTiers.id, slug: membershipTiers.slug }).from(membershipTiers),
    (row) => row.slug,
  );
}

async function seedContent(tx: Transaction, created: SeedResult['created']) {
  await seedInstitutionPages(tx, created);
  const ids = await seedCatalogue(tx, created);
  await seedPeopleAndPress(tx, ids, created);
  created.newsletterLists += await seedNewsletterLists(tx, ids);
  const tierIds = await seedMembershipTiers(tx, created);
  created.publications += await seedPublicationArticles(tx, ids);
  for (const article of seedArticles) {
    const heroMedia = article.hero
      ? seedMedia.find((item) => item.key === `images/demo/${article.hero!.image}.jpg`)
      : undefined;
    const [inserted] = await tx
      .insert(articles)
      .values({
        slug: article.slug,
        kind: article.kind,
        title: article.title,
        standfirst: article.standfirst,
        body: article.body,
        status: article.status ?? 'published',
        visibility: article.visibility ?? 'public',
        publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
        revisedAt: article.revisedAt ? new Date(article.revisedAt) : null,
        seriesId: article.series ? must(ids.seriesIds, article.series, 'series') : null,
        heroImageId: heroMedia ? must(ids.mediaIds, heroMedia.key, 'image') : null,
        heroAlt: heroMedia?.alt ?? null,
        heroCaption: article.hero?.caption ?? null,
        heroCredit: heroMedia?.credit ?? null,
        externalSourceName: article.external?.name ?? null,
        externalSourceUrl: article.external?.url ?? null,
        externalPublishedAt: article.external ? new Date(article.external.publishedAt) : null,
      })
      .onConflictDoNothing()
      .returning({ id: articles.id });
    // An article that exists already keeps whatever editors have done to it.
    if (!inserted) continue;
    created.articles++;
    await tx.insert(articleAuthors).values(
      article.authors.map((slug, position) => ({
        articleId: inserted.id,
        authorId: must(ids.authorIds, slug, 'author'),
        position,
      })),
    );
    await tx.insert(articleTopics).values(
      article.topics.map((slug) => ({
        articleId: inserted.id,
        topicId: must(ids.topicIds, slug, 'topic'),
      })),
    );
    if (article.tiers?.length) {
      await tx.insert(articleTiers).values(
        article.tiers.map((slug) => ({
          articleId: inserted.id,
          tierId: must(tierIds, slug, 'tier'),
        })),
      );
    }
  }
}

async function seedAccounts(db: Database, result: SeedResult) {
  for (const account of demoAccounts) {
    const password = randomBytes(15).toString('base64url');
    const [inserted] = await db
      .insert(users)
      .values({
        email: account.email,
        name: account.name,
        role: account.role,
        emailVerified: new Date(),
        privacyConsentAt: new Date(),
        passwordHash: await hashPassword(password),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (inserted) {
      result.created.users++;
      result.accounts.push({ email: account.email, role: account.role, password });
    }
  }
}

/** Adds the demo content and accounts that are missing; rows that exist are left untouched. */
export async function seedDatabase(db: Database): Promise<SeedResult> {
  const result: SeedResult = {
    created: {
      media: 0,
      authors: 0,
      series: 0,
      topics: 0,
      tiers: 0,
      articles: 0,
      publications: 0,
      users: 0,
      pages: 0,
      funders: 0,
      pressContacts: 0,
      coverage: 0,
      newsletterLists: 0,
    },
    accounts: [],
  };
  await db.transaction((tx) => seedContent(tx, result.created));
  await seedAccounts(db, result);
  return result;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [articleCount] = await db.select({ value: count() }).from(articles);
  const [userCount] = await db.select({ value: count() }).from(users);
  return (articleCount?.value ?? 0) === 0 && (userCount?.value ?? 0) === 0;
}

/** Seeds a database that holds nothing yet (a fresh embedded or development one) and says so. */
export async function seedIfEmpty(db: Database): Promise<void> {
  if (await isDatabaseEmpty(db)) console.log(formatSeedResult(await seedDatabase(db)));
}

export function formatSeedResult(result: SeedResult): string {
  const counts = Object.entries(result.created)
    .filter(([, value]) => value > 0)
    .map(([table, value]) => `${value} ${table}`);
  const lines = [
    counts.length
      ? `Seeded ${counts.join(', ')}.`
      : 'Demo content is already in place; nothing changed.',
  ];
  if (result.accounts.length) {
    lines.push(
      '',
      'Demo accounts (passwords are shown this once; sign in with them or reset them):',
    );
    for (const account of result.accounts) {
      lines.push(`  ${account.role.padEnd(7)} ${account.email.padEnd(28)} ${account.password}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
