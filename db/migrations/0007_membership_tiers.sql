CREATE TABLE "membership_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"benefits" text[] DEFAULT '{}'::text[] NOT NULL,
	"monthly_price_minor" integer,
	"yearly_price_minor" integer,
	"currency" text DEFAULT 'GBP' NOT NULL,
	"trial_days" integer,
	"visible" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"gift_aid_eligible" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_tiers_name_not_blank" CHECK (char_length(btrim("membership_tiers"."name")) > 0),
	CONSTRAINT "membership_tiers_slug_format" CHECK ("membership_tiers"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("membership_tiers"."slug") <= 120),
	CONSTRAINT "membership_tiers_currency_code" CHECK ("membership_tiers"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "membership_tiers_monthly_range" CHECK ("membership_tiers"."monthly_price_minor" is null or ("membership_tiers"."monthly_price_minor" >= 100 and "membership_tiers"."monthly_price_minor" <= 1000000)),
	CONSTRAINT "membership_tiers_yearly_range" CHECK ("membership_tiers"."yearly_price_minor" is null or ("membership_tiers"."yearly_price_minor" >= 100 and "membership_tiers"."yearly_price_minor" <= 1000000)),
	CONSTRAINT "membership_tiers_trial_range" CHECK ("membership_tiers"."trial_days" is null or ("membership_tiers"."trial_days" >= 1 and "membership_tiers"."trial_days" <= 365)),
	CONSTRAINT "membership_tiers_visible_has_price" CHECK (not "membership_tiers"."visible" or "membership_tiers"."monthly_price_minor" is not null or "membership_tiers"."yearly_price_minor" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "membership_tiers_slug_unique" ON "membership_tiers" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_tiers_name_unique" ON "membership_tiers" USING btree (lower("name"));