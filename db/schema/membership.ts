import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { users } from './auth';
import { articles } from './content';
import { giftAidDeclarations } from './giving';
import { isNotBlank, isSlug, timestamps } from './columns';

// The largest price one tier may ask, in minor units (£10,000 a year).
const maxPriceMinor = 1_000_000;

/**
 * A paid membership tier that admins define: its prices, what it gives, and whether people can
 * see and join it (a hidden tier is for complimentary or invited members). The free account is
 * not a tier: it is what every signed-in reader has.
 */
export const membershipTiers = pgTable(
  'membership_tiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    /** One line each, in the order shown. */
    benefits: text('benefits')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    monthlyPriceMinor: integer('monthly_price_minor'),
    yearlyPriceMinor: integer('yearly_price_minor'),
    currency: text('currency').notNull().default('GBP'),
    /** Days free before the first payment; null for none. */
    trialDays: integer('trial_days'),
    visible: boolean('visible').notNull().default(true),
    /** Order on /membership and in the admin, lowest first. */
    position: integer('position').notNull().default(0),
    /**
     * Whether the fee may carry Gift Aid: only when membership gives no personal benefit beyond
     * what HMRC permits. No by default.
     */
    giftAidEligible: boolean('gift_aid_eligible').notNull().default(false),
    /** The Stripe product the tier's prices belong to, made when someone first joins. */
    stripeProductId: text('stripe_product_id').unique(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('membership_tiers_slug_unique').on(table.slug),
    uniqueIndex('membership_tiers_name_unique').on(sql`lower(${table.name})`),
    check('membership_tiers_name_not_blank', isNotBlank(table.name)),
    check('membership_tiers_slug_format', isSlug(table.slug)),
    check('membership_tiers_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check(
      'membership_tiers_monthly_range',
      sql`${table.monthlyPriceMinor} is null or (${table.monthlyPriceMinor} >= 100 and ${table.monthlyPriceMinor} <= ${sql.raw(String(maxPriceMinor))})`,
    ),
    check(
      'membership_tiers_yearly_range',
      sql`${table.yearlyPriceMinor} is null or (${table.yearlyPriceMinor} >= 100 and ${table.yearlyPriceMinor} <= ${sql.raw(String(maxPriceMinor))})`,
    ),
    check(
      'membership_tiers_trial_range',
      sql`${table.trialDays} is null or (${table.trialDays} >= 1 and ${table.trialDays} <= 365)`,
    ),
    // Nobody could join a tier shown with no price.
    check(
      'membership_tiers_visible_has_price',
      sql`not ${table.visible} or ${table.monthlyPriceMinor} is not null or ${table.yearlyPriceMinor} is not null`,
    ),
  ],
);

export type MembershipTier = typeof membershipTiers.$inferSelect;
export type NewMembershipTier = typeof membershipTiers.$inferInsert;

export const membershipIntervals = ['month', 'year'] as const;
export const membershipInterval = pgEnum('membership_interval', membershipIntervals);

/**
 * Every Stripe price made for a tier. Stripe's prices cannot change amount, so a new tier price
 * makes a new Stripe price and the old one is archived; subscriptions on the old one keep their
 * tier through this table.
 */
export const membershipPrices = pgTable(
  'membership_prices',
  {
    stripePriceId: text('stripe_price_id').primaryKey(),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
    interval: membershipInterval('interval').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** False once the tier's price for this interval has changed or been removed. */
    current: boolean('current').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('membership_prices_tier_idx').on(table.tierId),
    // At most one price per tier and interval is the one new members join on.
    uniqueIndex('membership_prices_current_unique')
      .on(table.tierId, table.interval)
      .where(sql`${table.current}`),
  ],
);

export const membershipSources = ['stripe', 'complimentary', 'gift'] as const;
export const membershipSource = pgEnum('membership_source', membershipSources);

// Stripe's subscription statuses; complimentary and gift memberships are 'active' or 'canceled'.
export const membershipStatuses = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;
export const membershipStatus = pgEnum('membership_status', membershipStatuses);

/**
 * One membership of a tier: a Stripe subscription (its state copied from Stripe, never decided
 * here), a complimentary grant or a redeemed gift. Whether it gives access now is worked out
 * from these fields and the clock in lib/membership/standing.ts.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
    source: membershipSource('source').notNull(),
    status: membershipStatus('status').notNull(),
    interval: membershipInterval('interval'),
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    stripeSubscriptionId: text('stripe_subscription_id').unique(),
    stripeCustomerId: text('stripe_customer_id'),
    stripePriceId: text('stripe_price_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    trialEnd: timestamp('trial_end', { withTimezone: true }),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    /** When the unpaid invoice of a past-due subscription was raised: the grace period's start. */
    pastDueSince: timestamp('past_due_since', { withTimezone: true }),
    /** A complimentary or gift membership's last moment; null for a grant with no end. */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Why it ended early, when something other than its own course ended it. */
    endedReason: text('ended_reason'),
    note: text('note'),
    grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
    /** When Stripe was last read for this row: an older read never overwrites a newer one. */
    stripeReadAt: timestamp('stripe_read_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    index('memberships_user_idx').on(table.userId),
    index('memberships_tier_status_idx').on(table.tierId, table.status),
    check(
      'memberships_stripe_has_subscription',
      sql`(${table.source} = 'stripe') = (${table.stripeSubscriptionId} is not null)`,
    ),
    check(
      'memberships_amount_currency',
      sql`(${table.amountMinor} is null) = (${table.currency} is null)`,
    ),
  ],
);

/**
 * Every payment of a membership (each paid invoice of its subscription, or a gift's purchase):
 * the member's receipts, the admin's revenue figures and, for tiers whose fee is eligible, the
 * Gift Aid claim.
 */
export const membershipPayments = pgTable(
  'membership_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'restrict' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Copied from the tier when paid: a later change to the tier does not rewrite a claim. */
    giftAidEligible: boolean('gift_aid_eligible').notNull(),
    /**
     * The member's Gift Aid declaration that covered an eligible fee when it was paid: kept
     * with the fee, like a donation's, so the claim stands after the account is deleted.
     */
    giftAidDeclarationId: uuid('gift_aid_declaration_id').references(() => giftAidDeclarations.id, {
      onDelete: 'restrict',
    }),
    stripeInvoiceId: text('stripe_invoice_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeChargeId: text('stripe_charge_id'),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    refundedAmountMinor: integer('refunded_amount_minor').notNull().default(0),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    index('membership_payments_user_idx').on(table.userId),
    index('membership_payments_paid_idx').on(table.paidAt),
    index('membership_payments_charge_idx').on(table.stripeChargeId),
    index('membership_payments_intent_idx').on(table.stripePaymentIntentId),
    check('membership_payments_amount_positive', sql`${table.amountMinor} > 0`),
    check(
      'membership_payments_refund_within_amount',
      sql`${table.refundedAmountMinor} >= 0 and ${table.refundedAmountMinor} <= ${table.amountMinor}`,
    ),
    check('membership_payments_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const giftMonths = [3, 6, 12] as const;
export const membershipGiftStatuses = [
  'pending',
  'paid',
  'delivered',
  'redeemed',
  'expired',
  'refunded',
] as const;
export const membershipGiftStatus = pgEnum('membership_gift_status', membershipGiftStatuses);

/**
 * A gift membership bought for someone: paid once through Checkout, e-mailed to the recipient
 * on its delivery date with a link to redeem it, and a membership of `months` from redemption.
 */
export const membershipGifts = pgTable(
  'membership_gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
    months: integer('months').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    buyerUserId: text('buyer_user_id').references(() => users.id, { onDelete: 'set null' }),
    buyerName: text('buyer_name').notNull(),
    // Cleared with the rest of the buyer's details when their account is deleted.
    buyerEmail: text('buyer_email'),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email').notNull(),
    message: text('message').notNull().default(''),
    /** The London day the recipient is sent it, from which it may be redeemed. */
    deliverOn: date('deliver_on', { mode: 'string' }).notNull(),
    status: membershipGiftStatus('status').notNull().default('pending'),
    /** SHA-256 of the redemption link's token: a copy of the database redeems nothing. */
    redeemTokenHash: text('redeem_token_hash').unique(),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id').unique(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('membership_gifts_months', sql`${table.months} in (3, 6, 12)`),
    check('membership_gifts_amount_positive', sql`${table.amountMinor} > 0`),
    check('membership_gifts_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('membership_gifts_recipient_not_blank', isNotBlank(table.recipientName)),
    index('membership_gifts_due_idx').on(table.status, table.deliverOn),
  ],
);

/** The tiers whose members may read a piece whose visibility is 'tiers'. */
export const articleTiers = pgTable(
  'article_tiers',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.tierId] }),
    index('article_tiers_tier_idx').on(table.tierId),
  ],
);

export type MembershipPrice = typeof membershipPrices.$inferSelect;
export type MembershipGift = typeof membershipGifts.$inferSelect;
export type GiftMonths = (typeof giftMonths)[number];
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type MembershipPayment = typeof membershipPayments.$inferSelect;
export type MembershipStatus = (typeof membershipStatuses)[number];
export type MembershipInterval = (typeof membershipIntervals)[number];
