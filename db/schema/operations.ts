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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

// Fixed-window counters: one row per bucket (e.g. "sign-in:ip"), subject and window.
export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    subject: text('subject').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.bucket, table.subject, table.windowStart] }),
    index('rate_limits_expires_idx').on(table.expiresAt),
    check('rate_limits_hits_nonnegative', sql`${table.hits} >= 0`),
    check('rate_limits_window_order', sql`${table.expiresAt} > ${table.windowStart}`),
  ],
);

export const emailPurposes = [
  'verify_email',
  'account_exists',
  'sign_in_link',
  'password_reset',
  'email_change',
  'email_changed',
  'receipt',
  'membership',
  'media_request',
  'newsletter_confirm',
  'newsletter_test',
  'newsletter_preferences',
] as const;
export const emailPurpose = pgEnum('email_purpose', emailPurposes);
export const emailStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export const emailStatus = pgEnum('email_status', emailStatuses);

// Every e-mail the site sends, written in the transaction that causes it and delivered from
// here (lib/email/outbox.ts), so a mail server that is down delays mail instead of losing it.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: emailPurpose('purpose').notNull(),
    // What the e-mail is about, such as the donation a receipt is for: one e-mail per purpose.
    reference: text('reference'),
    recipient: text('recipient').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    // Cleared once sent or expired: they may hold sign-in links, whose tokens are otherwise
    // stored only hashed.
    text: text('text'),
    html: text('html'),
    status: emailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // When a worker may take it next; for a 'sending' row, when its worker's lease runs out.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // The link in it stops working then, so it is not worth sending later.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    index('email_outbox_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('pending', 'sending')`),
    uniqueIndex('email_outbox_reference_idx')
      .on(table.purpose, table.reference)
      .where(sql`${table.reference} is not null`),
    index('email_outbox_created_idx').on(table.createdAt),
    check('email_outbox_attempts_nonnegative', sql`${table.attempts} >= 0`),
    check('email_outbox_sent_at', sql`(${table.status} = 'sent') = (${table.sentAt} is not null)`),
  ],
);

export type RateLimit = typeof rateLimits.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
export type EmailPurpose = (typeof emailPurposes)[number];
export type EmailStatus = (typeof emailStatuses)[number];
