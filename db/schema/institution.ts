import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { isNotBlank, isSlug, timestamps } from './columns';
import { articles, authors, topics } from './content';

export const pageStatuses = ['draft', 'published'] as const;
export const pageStatus = pgEnum('page_status', pageStatuses);

/**
 * The institution's own pages (about, funding, contact, press office, privacy, terms, and any an
 * editor adds), served at the site's root by their slug. An editor places each in the header's
 * navigation, the footer, both or neither.
 */
export const pages = pgTable(
  'pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    // One or two sentences: the page's description for search engines and link previews.
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    status: pageStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    inNavigation: boolean('in_navigation').notNull().default(false),
    inFooter: boolean('in_footer').notNull().default(false),
    // The link's words where the title is too long for a menu.
    menuLabel: text('menu_label'),
    menuPosition: integer('menu_position').notNull().default(0),
    // Shows the funders table and income per year (from funders and funding_years) under the body.
    showsFunders: boolean('shows_funders').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('pages_slug_format', isSlug(table.slug)),
    check('pages_title_not_blank', isNotBlank(table.title)),
    check('pages_version_positive', sql`${table.version} >= 1`),
    check(
      'pages_dated_when_published',
      sql`${table.status} = 'draft' or ${table.publishedAt} is not null`,
    ),
  ],
);

export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // The page's editable fields as they were saved at this version.
    snapshot: jsonb('snapshot').notNull(),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('page_revisions_version_unique').on(table.pageId, table.version)],
);

// The bands of the transparency ratings: every funder of £5,000 or more in a year is named.
export const funderBands = ['under_5k', 'from_5k', 'from_25k', 'from_100k', 'from_250k'] as const;
export const funderBand = pgEnum('funder_band', funderBands);

/** Who gave in a year, by band: one row per funder and year. */
export const funders = pgTable(
  'funders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    band: funderBand('band').notNull(),
    year: integer('year').notNull(),
    purpose: text('purpose').notNull().default(''),
    url: text('url'),
    ...timestamps(),
  },
  (table) => [
    unique('funders_name_year_unique').on(table.name, table.year),
    index('funders_year_idx').on(table.year.desc()),
    check('funders_name_not_blank', isNotBlank(table.name)),
    check('funders_year_range', sql`${table.year} between 1900 and 2200`),
    check('funders_url_http', sql`${table.url} is null or ${table.url} ~ '^https?://'`),
  ],
);

/** The institution's total income in a year, in pence, published beside the funders. */
export const fundingYears = pgTable(
  'funding_years',
  {
    year: integer('year').primaryKey(),
    totalIncomePence: bigint('total_income_pence', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    ...timestamps(),
  },
  (table) => [
    check('funding_years_year_range', sql`${table.year} between 1900 and 2200`),
    check('funding_years_income_nonnegative', sql`${table.totalIncomePence} >= 0`),
  ],
);

/** The press office's people, shown on /press in their position's order. */
export const pressContacts = pgTable(
  'press_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    hours: text('hours').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (table) => [
    check('press_contacts_name_not_blank', isNotBlank(table.name)),
    check('press_contacts_email_shape', sql`${table.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
  ],
);

/** "In the news": coverage of the institution's work elsewhere. */
export const coverage = pgTable(
  'coverage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    outlet: text('outlet').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    url: text('url').notNull(),
    // The expert quoted or writing, when there is one.
    authorId: uuid('author_id').references(() => authors.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    index('coverage_published_idx').on(table.publishedOn.desc()),
    check('coverage_title_not_blank', isNotBlank(table.title)),
    check('coverage_outlet_not_blank', isNotBlank(table.outlet)),
    check('coverage_url_http', sql`${table.url} ~ '^https?://'`),
  ],
);

/** The home page's editorial choices: one row, changed in /admin without a deploy. */
export const homeSettings = pgTable(
  'home_settings',
  {
    id: integer('id').primaryKey().default(1),
    // Empty: the latest piece leads.
    leadArticleId: uuid('lead_article_id').references(() => articles.id, { onDelete: 'set null' }),
    // Empty: the latest publication with a PDF.
    featuredPublicationId: uuid('featured_publication_id').references(() => articles.id, {
      onDelete: 'set null',
    }),
    updatedById: text('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('home_settings_one_row', sql`${table.id} = 1`)],
);

/** The topics with a section of their own on the home page, in order. */
export const homeTopics = pgTable(
  'home_topics',
  {
    topicId: uuid('topic_id')
      .primaryKey()
      .references(() => topics.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (table) => [unique('home_topics_position_unique').on(table.position)],
);

/** A person's areas of work, which /people filters by. */
export const authorTopics = pgTable(
  'author_topics',
  {
    authorId: uuid('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.authorId, table.topicId] }),
    index('author_topics_topic_idx').on(table.topicId, table.authorId),
  ],
);

export type Page = typeof pages.$inferSelect;
export type PageStatus = (typeof pageStatuses)[number];
export type Funder = typeof funders.$inferSelect;
export type FunderBand = (typeof funderBands)[number];
export type FundingYear = typeof fundingYears.$inferSelect;
export type PressContact = typeof pressContacts.$inferSelect;
export type Coverage = typeof coverage.$inferSelect;
