import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { authTokens, users } from './auth';
import { isNotBlank, isSlug, timestamps } from './columns';
import { series, topics } from './content';

/**
 * How a list is sent: `issues` only when an editor sends one; `digest` the week's pieces on its
 * day; `series` each new piece of one series; `topic` each new piece on one topic.
 */
export const newsletterListKinds = ['issues', 'digest', 'series', 'topic'] as const;
export const newsletterListKind = pgEnum('newsletter_list_kind', newsletterListKinds);

export const newsletterLists = pgTable(
  'newsletter_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // In the reader's words: "Every Friday", "When a new piece appears".
    cadence: text('cadence').notNull().default(''),
    kind: newsletterListKind('kind').notNull().default('issues'),
    // A series or topic a list follows cannot be deleted until the list stops following it.
    seriesId: uuid('series_id').references(() => series.id),
    topicId: uuid('topic_id').references(() => topics.id),
    // A retired list takes no new subscribers and is not offered, but keeps its consent records.
    archived: boolean('archived').notNull().default(false),
    position: integer('position').notNull().default(0),
    // The one list donors and members get unless they refuse it when they give their details
    // (the charitable-purpose soft opt-in, PECR regulation 22(3A)).
    softOptIn: boolean('soft_opt_in').notNull().default(false),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('newsletter_lists_soft_opt_in_idx')
      .on(table.softOptIn)
      .where(sql`${table.softOptIn}`),
    check('newsletter_lists_slug', isSlug(table.slug)),
    check('newsletter_lists_name', isNotBlank(table.name)),
    check(
      'newsletter_lists_source',
      sql`(${table.kind} = 'series') = (${table.seriesId} is not null) and (${table.kind} = 'topic') = (${table.topicId} is not null)`,
    ),
  ],
);

/**
 * Everyone who subscribes, with an account or without: one row per address, tied to the
 * account that has that address, if any.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    userId: text('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('newsletter_subscribers_email_lowercase', sql`${table.email} = lower(${table.email})`),
  ],
);

export const subscriptionStatuses = ['pending', 'subscribed', 'unsubscribed'] as const;
export const subscriptionStatus = pgEnum('subscription_status', subscriptionStatuses);

/**
 * Where a subscription came from: a sign-up form (`form`, double opt-in), the reader's account,
 * the join form, an admin's import, or the soft opt-in of a donor or member who was offered a
 * refusal when they gave their details (PECR regulation 22(3A)).
 */
export const subscriptionSources = ['form', 'account', 'join', 'import', 'soft_opt_in'] as const;
export const subscriptionSource = pgEnum('subscription_source', subscriptionSources);

// One row per subscriber and list: its state, and the consent behind it as it was given.
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    listId: uuid('list_id')
      .notNull()
      .references(() => newsletterLists.id, { onDelete: 'cascade' }),
    status: subscriptionStatus('status').notNull(),
    source: subscriptionSource('source').notNull(),
    // The words the person agreed to, as shown to them, and when.
    consentText: text('consent_text').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    primaryKey({ columns: [table.subscriberId, table.listId] }),
    index('newsletter_subscriptions_list_idx').on(table.listId, table.status),
    check(
      'newsletter_subscriptions_confirmed',
      sql`${table.status} <> 'subscribed' or ${table.confirmedAt} is not null`,
    ),
    check(
      'newsletter_subscriptions_unsubscribed',
      sql`(${table.status} = 'unsubscribed') = (${table.unsubscribedAt} is not null)`,
    ),
  ],
);

/**
 * The lists a confirmation e-mail names: its button confirms those and no others, whatever was
 * asked for with the same address since.
 */
export const newsletterConfirmations = pgTable(
  'newsletter_confirmations',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => authTokens.id, { onDelete: 'cascade' }),
    listId: uuid('list_id')
      .notNull()
      .references(() => newsletterLists.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.tokenId, table.listId] })],
);

export const suppressionReasons = ['bounced', 'complained', 'admin'] as const;
export const suppressionReason = pgEnum('suppression_reason', suppressionReasons);

// Addresses no newsletter goes to, whatever their subscriptions say.
export const newsletterSuppressions = pgTable(
  'newsletter_suppressions',
  {
    email: text('email').primaryKey(),
    reason: suppressionReason('reason').notNull(),
    detail: text('detail').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('newsletter_suppressions_email_lowercase', sql`${table.email} = lower(${table.email})`),
  ],
);

export type NewsletterList = typeof newsletterLists.$inferSelect;
export type NewsletterListKind = (typeof newsletterListKinds)[number];
export type NewsletterSubscriber = typeof newsletterSubscribers.$inferSelect;
export type NewsletterSubscription = typeof newsletterSubscriptions.$inferSelect;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];
export type SubscriptionSource = (typeof subscriptionSources)[number];
export type SuppressionReason = (typeof suppressionReasons)[number];
