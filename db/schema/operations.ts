import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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

export type RateLimit = typeof rateLimits.$inferSelect;
