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
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const userRoles = ['member', 'editor', 'admin'] as const;
export const userRole = pgEnum('user_role', userRoles);

// Column names of users, accounts, sessions and verification_token follow the Auth.js Drizzle adapter.
export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').notNull().unique(),
    emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
    image: text('image'),
    role: userRole('role').notNull().default('member'),
    passwordHash: text('password_hash'),
    newsletterOptIn: boolean('newsletter_opt_in').notNull().default(false),
    privacyConsentAt: timestamp('privacy_consent_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    stripeCustomerId: text('stripe_customer_id').unique(),
    ...timestamps(),
  },
  (table) => [
    check('users_email_format', sql`${table.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_email_lowercase', sql`${table.email} = lower(${table.email})`),
  ],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index('accounts_user_idx').on(table.userId),
  ],
);

// One row per signed-in browser. Sessions are JWTs (Credentials sign-in needs them) that carry
// this row's id; a session whose row is gone has ended, whatever its cookie says, so signing out
// ends it on the server too. The columns Auth.js's adapter knows keep their names.
export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
    // When the person signed in: what "signed in within the last few minutes" is measured from.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sessions_user_idx').on(table.userId),
    index('sessions_expires_idx').on(table.expires),
  ],
);

export const verificationTokens = pgTable(
  'verification_token',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

export const authTokenPurposes = [
  'verify_email',
  'sign_in',
  'password_reset',
  'email_change',
  'email_change_undo',
  'newsletter_confirm',
] as const;
export const authTokenPurpose = pgEnum('auth_token_purpose', authTokenPurposes);

// E-mailed links and codes: only hashes are stored, each is single-use and expires.
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: authTokenPurpose('purpose').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    codeHash: text('code_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    // The page to open once the link has signed its person in, such as the article whose
    // paywall they joined from: kept here rather than in the link, so nobody can change it.
    returnPath: text('return_path'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('auth_tokens_email_idx').on(table.email, table.purpose),
    index('auth_tokens_expires_idx').on(table.expiresAt),
    check('auth_tokens_expiry_after_creation', sql`${table.expiresAt} > ${table.createdAt}`),
    check('auth_tokens_failed_attempts_nonnegative', sql`${table.failedAttempts} >= 0`),
    check('auth_tokens_return_path_on_site', sql`${table.returnPath} ~ '^/([^/\\\\]|$)'`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRoles)[number];
export type AuthToken = typeof authTokens.$inferSelect;
export type Session = typeof sessions.$inferSelect;
