CREATE TYPE "public"."membership_gift_status" AS ENUM('pending', 'paid', 'delivered', 'redeemed', 'expired', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."membership_interval" AS ENUM('month', 'year');--> statement-breakpoint
CREATE TYPE "public"."membership_source" AS ENUM('stripe', 'complimentary', 'gift');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled');--> statement-breakpoint
ALTER TYPE "public"."article_visibility" ADD VALUE 'tiers';--> statement-breakpoint
ALTER TYPE "public"."email_purpose" ADD VALUE 'membership';--> statement-breakpoint
CREATE TABLE "article_tiers" (
	"article_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	CONSTRAINT "article_tiers_article_id_tier_id_pk" PRIMARY KEY("article_id","tier_id")
);
--> statement-breakpoint
CREATE TABLE "membership_gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tier_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"buyer_user_id" text,
	"buyer_name" text NOT NULL,
	"buyer_email" text,
	"recipient_name" text NOT NULL,
	"recipient_email" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"deliver_on" date NOT NULL,
	"status" "membership_gift_status" DEFAULT 'pending' NOT NULL,
	"redeem_token_hash" text,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"paid_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"redeemed_at" timestamp with time zone,
	"membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_gifts_redeem_token_hash_unique" UNIQUE("redeem_token_hash"),
	CONSTRAINT "membership_gifts_stripe_checkout_session_id_unique" UNIQUE("stripe_checkout_session_id"),
	CONSTRAINT "membership_gifts_stripe_payment_intent_id_unique" UNIQUE("stripe_payment_intent_id"),
	CONSTRAINT "membership_gifts_months" CHECK ("membership_gifts"."months" in (3, 6, 12)),
	CONSTRAINT "membership_gifts_amount_positive" CHECK ("membership_gifts"."amount_minor" > 0),
	CONSTRAINT "membership_gifts_currency_code" CHECK ("membership_gifts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "membership_gifts_recipient_not_blank" CHECK (char_length(btrim("membership_gifts"."recipient_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "membership_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid,
	"user_id" text,
	"tier_id" uuid NOT NULL,
	"description" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"gift_aid_eligible" boolean NOT NULL,
	"gift_aid_declaration_id" uuid,
	"stripe_invoice_id" text,
	"stripe_payment_intent_id" text,
	"stripe_charge_id" text,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"paid_at" timestamp with time zone NOT NULL,
	"refunded_amount_minor" integer DEFAULT 0 NOT NULL,
	"refunded_at" timestamp with time zone,
	"disputed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_payments_stripe_invoice_id_unique" UNIQUE("stripe_invoice_id"),
	CONSTRAINT "membership_payments_amount_positive" CHECK ("membership_payments"."amount_minor" > 0),
	CONSTRAINT "membership_payments_refund_within_amount" CHECK ("membership_payments"."refunded_amount_minor" >= 0 and "membership_payments"."refunded_amount_minor" <= "membership_payments"."amount_minor"),
	CONSTRAINT "membership_payments_currency_code" CHECK ("membership_payments"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "membership_prices" (
	"stripe_price_id" text PRIMARY KEY NOT NULL,
	"tier_id" uuid NOT NULL,
	"interval" "membership_interval" NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"tier_id" uuid NOT NULL,
	"source" "membership_source" NOT NULL,
	"status" "membership_status" NOT NULL,
	"interval" "membership_interval",
	"amount_minor" integer,
	"currency" text,
	"stripe_subscription_id" text,
	"stripe_customer_id" text,
	"stripe_price_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_period_end" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"past_due_since" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"note" text,
	"granted_by" text,
	"stripe_read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_stripe_subscription_id_unique" UNIQUE("stripe_subscription_id"),
	CONSTRAINT "memberships_stripe_has_subscription" CHECK (("memberships"."source" = 'stripe') = ("memberships"."stripe_subscription_id" is not null)),
	CONSTRAINT "memberships_amount_currency" CHECK (("memberships"."amount_minor" is null) = ("memberships"."currency" is null))
);
--> statement-breakpoint
ALTER TABLE "membership_tiers" ADD COLUMN "stripe_product_id" text;--> statement-breakpoint
ALTER TABLE "article_tiers" ADD CONSTRAINT "article_tiers_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_tiers" ADD CONSTRAINT "article_tiers_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_payments" ADD CONSTRAINT "membership_payments_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_payments" ADD CONSTRAINT "membership_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_payments" ADD CONSTRAINT "membership_payments_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_payments" ADD CONSTRAINT "membership_payments_gift_aid_declaration_id_gift_aid_declarations_id_fk" FOREIGN KEY ("gift_aid_declaration_id") REFERENCES "public"."gift_aid_declarations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_prices" ADD CONSTRAINT "membership_prices_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tier_id_membership_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."membership_tiers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_tiers_tier_idx" ON "article_tiers" USING btree ("tier_id");--> statement-breakpoint
CREATE INDEX "membership_gifts_due_idx" ON "membership_gifts" USING btree ("status","deliver_on");--> statement-breakpoint
CREATE INDEX "membership_payments_user_idx" ON "membership_payments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "membership_payments_paid_idx" ON "membership_payments" USING btree ("paid_at");--> statement-breakpoint
CREATE INDEX "membership_payments_charge_idx" ON "membership_payments" USING btree ("stripe_charge_id");--> statement-breakpoint
CREATE INDEX "membership_payments_intent_idx" ON "membership_payments" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "membership_prices_tier_idx" ON "membership_prices" USING btree ("tier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_prices_current_unique" ON "membership_prices" USING btree ("tier_id","interval") WHERE "membership_prices"."current";--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_tier_status_idx" ON "memberships" USING btree ("tier_id","status");--> statement-breakpoint
ALTER TABLE "membership_tiers" ADD CONSTRAINT "membership_tiers_stripe_product_id_unique" UNIQUE("stripe_product_id");