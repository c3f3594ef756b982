import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
