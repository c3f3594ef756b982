import { sql, type SQL } from 'drizzle-orm';
import { timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date()),
});

export const slugPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const isSlug = (column: AnyPgColumn): SQL =>
  sql`${column} ~ ${sql.raw(`'${slugPattern}'`)} and char_length(${column}) <= 120`;

export const isNotBlank = (column: AnyPgColumn): SQL => sql`char_length(btrim(${column})) > 0`;
