CREATE TYPE "public"."newsletter_list_kind" AS ENUM('issues', 'digest', 'series', 'topic');--> statement-breakpoint
CREATE TYPE "public"."subscription_source" AS ENUM('form', 'account', 'join', 'import', 'soft_opt_in');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('pending', 'subscribed', 'unsubscribed');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('bounced', 'complained', 'admin');--> statement-breakpoint
ALTER TYPE "public"."auth_token_purpose" ADD VALUE 'newsletter_confirm';--> statement-breakpoint
ALTER TYPE "public"."email_purpose" ADD VALUE 'newsletter_confirm';--> statement-breakpoint
CREATE TABLE "newsletter_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cadence" text DEFAULT '' NOT NULL,
	"kind" "newsletter_list_kind" DEFAULT 'issues' NOT NULL,
	"series_id" uuid,
	"topic_id" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_lists_slug_unique" UNIQUE("slug"),
	CONSTRAINT "newsletter_lists_slug" CHECK ("newsletter_lists"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("newsletter_lists"."slug") <= 120),
	CONSTRAINT "newsletter_lists_name" CHECK (char_length(btrim("newsletter_lists"."name")) > 0),
	CONSTRAINT "newsletter_lists_source" CHECK (("newsletter_lists"."kind" = 'series') = ("newsletter_lists"."series_id" is not null) and ("newsletter_lists"."kind" = 'topic') = ("newsletter_lists"."topic_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_subscribers_email_unique" UNIQUE("email"),
	CONSTRAINT "newsletter_subscribers_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "newsletter_subscribers_email_lowercase" CHECK ("newsletter_subscribers"."email" = lower("newsletter_subscribers"."email"))
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscriptions" (
	"subscriber_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"status" "subscription_status" NOT NULL,
	"source" "subscription_source" NOT NULL,
	"consent_text" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_subscriptions_subscriber_id_list_id_pk" PRIMARY KEY("subscriber_id","list_id"),
	CONSTRAINT "newsletter_subscriptions_confirmed" CHECK ("newsletter_subscriptions"."status" <> 'subscribed' or "newsletter_subscriptions"."confirmed_at" is not null),
	CONSTRAINT "newsletter_subscriptions_unsubscribed" CHECK (("newsletter_subscriptions"."status" = 'unsubscribed') = ("newsletter_subscriptions"."unsubscribed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "newsletter_suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_suppressions_email_lowercase" CHECK ("newsletter_suppressions"."email" = lower("newsletter_suppressions"."email"))
);
--> statement-breakpoint
ALTER TABLE "newsletter_lists" ADD CONSTRAINT "newsletter_lists_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_lists" ADD CONSTRAINT "newsletter_lists_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_subscriber_id_newsletter_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."newsletter_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_list_id_newsletter_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."newsletter_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newsletter_subscriptions_list_idx" ON "newsletter_subscriptions" USING btree ("list_id","status");