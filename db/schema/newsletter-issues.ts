import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { isNotBlank, timestamps } from './columns';
import { articles } from './content';
import { newsletterLists, newsletterSubscribers } from './newsletters';

/**
 * An issue is written (`draft`), perhaps set for a time (`scheduled`), then `sending` from the
 * moment its recipients are fixed until every one of them is settled (`sent`).
 */
export const issueStatuses = ['draft', 'scheduled', 'sending', 'sent'] as const;
export const issueStatus = pgEnum('newsletter_issue_status', issueStatuses);

// One e-mail to a list's subscribers: an editor's issue, or an automatic send (a digest, a new
// piece in a series or on a topic) named by its reference so that it is made once.
export const newsletterIssues = pgTable(
  'newsletter_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => newsletterLists.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    // The line mail clients show after the subject.
    preheader: text('preheader').notNull().default(''),
    // Markdown, above the pieces.
    intro: text('intro').notNull().default(''),
    status: issueStatus('status').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    // What an automatic send is for ("piece:<list>:<article>", "digest:<list>:<week>").
    reference: text('reference').unique(),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('newsletter_issues_subject', isNotBlank(table.subject)),
    check(
      'newsletter_issues_scheduled_at',
      sql`${table.status} <> 'scheduled' or ${table.scheduledAt} is not null`,
    ),
    check(
      'newsletter_issues_started_at',
      sql`${table.status} not in ('sending', 'sent') or ${table.startedAt} is not null`,
    ),
    index('newsletter_issues_list_idx').on(table.listId, table.createdAt),
    index('newsletter_issues_due_idx')
      .on(table.scheduledAt)
      .where(sql`${table.status} = 'scheduled'`),
  ],
);

export const newsletterIssueArticles = pgTable(
  'newsletter_issue_articles',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.issueId, table.articleId] })],
);

/**
 * `queued` until a sender claims it (`sending`, leased until next_attempt_at), then `sent`, or
 * `failed` for good; `suppressed` when the address was on the suppression list or had
 * unsubscribed by its turn, so nothing was sent.
 */
export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export const deliveryStatus = pgEnum('newsletter_delivery_status', deliveryStatuses);

// An issue's recipients, fixed in the transaction that starts the send: one row each, whatever
// happens to the list afterwards, so a sender that dies is followed by one that finishes.
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    // The members-only pieces of the issue this recipient may read, as their ids in order,
    // comma-separated: recipients with the same access share one rendering.
    access: text('access').notNull().default(''),
    status: deliveryStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    // When a sender may take it next; for a 'sending' row, when its sender's lease runs out.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.issueId, table.subscriberId] }),
    index('newsletter_deliveries_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('queued', 'sending')`),
    index('newsletter_deliveries_issue_idx').on(table.issueId, table.status),
    check(
      'newsletter_deliveries_sent_at',
      sql`(${table.status} = 'sent') = (${table.sentAt} is not null)`,
    ),
  ],
);

export type NewsletterIssue = typeof newsletterIssues.$inferSelect;
export type IssueStatus = (typeof issueStatuses)[number];
export type NewsletterDelivery = typeof newsletterDeliveries.$inferSelect;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
