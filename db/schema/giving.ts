import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { newsletterLists } from './newsletters';
import { isNotBlank, timestamps } from './columns';

// The largest gift one row may record, in minor units; the site's own bounds are tighter.
const maxAmountMinor = 100_000_000;

export const donationFrequencies = ['one_off', 'monthly'] as const;
export const donationFrequency = pgEnum('donation_frequency', donationFrequencies);
export const donationStatuses = [
  'pending',
  'checkout_failed',
  'awaiting_payment',
  'succeeded',
  'failed',
  'expired',
  'refunded',
] as const;
export const donationStatus = pgEnum('donation_status', donationStatuses);

// A UK Gift Aid declaration, with the fields HMRC requires of one.
export const giftAidDeclarations = pgTable(
  'gift_aid_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    houseNameOrNumber: text('house_name_or_number').notNull(),
    postcode: text('postcode').notNull(),
    declarationText: text('declaration_text').notNull(),
    coversPastFourYears: boolean('covers_past_four_years').notNull().default(false),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('gift_aid_first_name_not_blank', isNotBlank(table.firstName)),
    check('gift_aid_last_name_not_blank', isNotBlank(table.lastName)),
    check('gift_aid_house_not_blank', isNotBlank(table.houseNameOrNumber)),
    check('gift_aid_postcode_not_blank', isNotBlank(table.postcode)),
    check('gift_aid_declaration_not_blank', isNotBlank(table.declarationText)),
  ],
);

export const recurringGiftStatuses = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;
export const recurringGiftStatus = pgEnum('recurring_gift_status', recurringGiftStatuses);

export const recurringGifts = pgTable(
  'recurring_gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: recurringGiftStatus('status').notNull().default('incomplete'),
    stripeSubscriptionId: text('stripe_subscription_id').unique(),
    stripeCustomerId: text('stripe_customer_id'),
    giftAidDeclarationId: uuid('gift_aid_declaration_id').references(() => giftAidDeclarations.id, {
      onDelete: 'restrict',
    }),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    cancelAt: timestamp('cancel_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    check(
      'recurring_gifts_amount_range',
      sql`${table.amountMinor} > 0 and ${table.amountMinor} <= ${sql.raw(String(maxAmountMinor))}`,
    ),
    check('recurring_gifts_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    index('recurring_gifts_user_idx').on(table.userId),
  ],
);

export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    // Cleared when the donor's account is deleted, so no later account can claim the gift.
    email: text('email'),
    // Kept after an account is deleted only where the law requires (Gift Aid records).
    donorName: text('donor_name'),
    anonymous: boolean('anonymous').notNull().default(false),
    frequency: donationFrequency('frequency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: donationStatus('status').notNull().default('pending'),
    recurringGiftId: uuid('recurring_gift_id').references(() => recurringGifts.id, {
      onDelete: 'restrict',
    }),
    giftAidDeclarationId: uuid('gift_aid_declaration_id').references(() => giftAidDeclarations.id, {
      onDelete: 'restrict',
    }),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id').unique(),
    // One row per paid invoice of a monthly gift.
    stripeInvoiceId: text('stripe_invoice_id').unique(),
    stripeChargeId: text('stripe_charge_id'),
    failureReason: text('failure_reason'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    // The newsletter the donor was told they would get unless they refused it (the soft opt-in),
    // and whether they refused; both null when none was offered.
    newsListId: uuid('news_list_id').references(() => newsletterLists.id, { onDelete: 'set null' }),
    newsRefused: boolean('news_refused'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    refundedAmountMinor: integer('refunded_amount_minor').notNull().default(0),
    receiptSentAt: timestamp('receipt_sent_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    check(
      'donations_amount_range',
      sql`${table.amountMinor} > 0 and ${table.amountMinor} <= ${sql.raw(String(maxAmountMinor))}`,
    ),
    check('donations_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check(
      'donations_refund_within_amount',
      sql`${table.refundedAmountMinor} >= 0 and ${table.refundedAmountMinor} <= ${table.amountMinor}`,
    ),
    check(
      'donations_paid_when_succeeded',
      sql`${table.status} not in ('succeeded', 'refunded') or ${table.paidAt} is not null`,
    ),
    index('donations_user_idx').on(table.userId),
    index('donations_status_created_idx').on(table.status, table.createdAt),
    index('donations_recurring_idx').on(table.recurringGiftId),
  ],
);

// Each Stripe event id is recorded once, in the same transaction as its effect.
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  stripeCreatedAt: timestamp('stripe_created_at', { withTimezone: true }).notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Donation = typeof donations.$inferSelect;
export type NewDonation = typeof donations.$inferInsert;
export type RecurringGift = typeof recurringGifts.$inferSelect;
export type GiftAidDeclaration = typeof giftAidDeclarations.$inferSelect;
export type DonationFrequency = (typeof donationFrequencies)[number];
export type DonationStatus = (typeof donationStatuses)[number];
