CREATE TYPE "public"."person_role" AS ENUM('fellow', 'staff', 'trustee', 'associate');--> statement-breakpoint
CREATE TYPE "public"."funder_band" AS ENUM('under_5k', 'from_5k', 'from_25k', 'from_100k', 'from_250k');--> statement-breakpoint
CREATE TYPE "public"."page_status" AS ENUM('draft', 'published');--> statement-breakpoint
ALTER TYPE "public"."article_kind" ADD VALUE 'paper';--> statement-breakpoint
ALTER TYPE "public"."article_kind" ADD VALUE 'press-release';--> statement-breakpoint
ALTER TYPE "public"."email_purpose" ADD VALUE 'media_request';--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"bytes" integer NOT NULL,
	"page_count" integer NOT NULL,
	"filename" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"uploaded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "documents_bytes_positive" CHECK ("documents"."bytes" > 0),
	CONSTRAINT "documents_page_count_positive" CHECK ("documents"."page_count" > 0),
	CONSTRAINT "documents_filename_not_blank" CHECK (char_length(btrim("documents"."filename")) > 0)
);
--> statement-breakpoint
CREATE TABLE "author_topics" (
	"author_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "author_topics_author_id_topic_id_pk" PRIMARY KEY("author_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "coverage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"outlet" text NOT NULL,
	"published_on" date NOT NULL,
	"url" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_title_not_blank" CHECK (char_length(btrim("coverage"."title")) > 0),
	CONSTRAINT "coverage_outlet_not_blank" CHECK (char_length(btrim("coverage"."outlet")) > 0),
	CONSTRAINT "coverage_url_http" CHECK ("coverage"."url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "funders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"band" "funder_band" NOT NULL,
	"year" integer NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funders_name_year_unique" UNIQUE("name","year"),
	CONSTRAINT "funders_name_not_blank" CHECK (char_length(btrim("funders"."name")) > 0),
	CONSTRAINT "funders_year_range" CHECK ("funders"."year" between 1900 and 2200),
	CONSTRAINT "funders_url_http" CHECK ("funders"."url" is null or "funders"."url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "funding_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"total_income_pence" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_years_year_range" CHECK ("funding_years"."year" between 1900 and 2200),
	CONSTRAINT "funding_years_income_nonnegative" CHECK ("funding_years"."total_income_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "home_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"lead_article_id" uuid,
	"featured_publication_id" uuid,
	"updated_by_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_settings_one_row" CHECK ("home_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "home_topics" (
	"topic_id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "home_topics_position_unique" UNIQUE("position")
);
--> statement-breakpoint
CREATE TABLE "page_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "page_revisions_version_unique" UNIQUE("page_id","version")
);
--> statement-breakpoint
CREATE TABLE "pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" "page_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"in_navigation" boolean DEFAULT false NOT NULL,
	"in_footer" boolean DEFAULT false NOT NULL,
	"menu_label" text,
	"menu_position" integer DEFAULT 0 NOT NULL,
	"shows_funders" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pages_slug_unique" UNIQUE("slug"),
	CONSTRAINT "pages_slug_format" CHECK ("pages"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("pages"."slug") <= 120),
	CONSTRAINT "pages_title_not_blank" CHECK (char_length(btrim("pages"."title")) > 0),
	CONSTRAINT "pages_version_positive" CHECK ("pages"."version" >= 1),
	CONSTRAINT "pages_dated_when_published" CHECK ("pages"."status" = 'draft' or "pages"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "press_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"hours" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "press_contacts_name_not_blank" CHECK (char_length(btrim("press_contacts"."name")) > 0),
	CONSTRAINT "press_contacts_email_shape" CHECK ("press_contacts"."email" ~ '^[^@\s]+@[^@\s]+$')
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "document_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "cover_image_id" uuid;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "cover_alt" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "key_findings" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "isbn" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "doi" text;--> statement-breakpoint
-- The body's weight now covers a publication's PDF text: the generated column is made again,
-- and its index with it.
ALTER TABLE "articles" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_names, '')), 'B') || setweight(to_tsvector('english', coalesce(standfirst, '')), 'C') || setweight(to_tsvector('english', coalesce(body, '') || ' ' || coalesce(document_text, '')), 'D')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "authors" ADD COLUMN "role" "person_role" DEFAULT 'fellow' NOT NULL;--> statement-breakpoint
ALTER TABLE "authors" ADD COLUMN "accepts_media" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "authors" ADD COLUMN "media_email" text;--> statement-breakpoint
ALTER TABLE "authors" ADD COLUMN "media_phone" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "author_topics" ADD CONSTRAINT "author_topics_author_id_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "author_topics" ADD CONSTRAINT "author_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage" ADD CONSTRAINT "coverage_author_id_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_settings" ADD CONSTRAINT "home_settings_lead_article_id_articles_id_fk" FOREIGN KEY ("lead_article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_settings" ADD CONSTRAINT "home_settings_featured_publication_id_articles_id_fk" FOREIGN KEY ("featured_publication_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_settings" ADD CONSTRAINT "home_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_topics" ADD CONSTRAINT "home_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "author_topics_topic_idx" ON "author_topics" USING btree ("topic_id","author_id");--> statement-breakpoint
CREATE INDEX "coverage_published_idx" ON "coverage" USING btree ("published_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "funders_year_idx" ON "funders" USING btree ("year" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_image_id_media_id_fk" FOREIGN KEY ("cover_image_id") REFERENCES "public"."media"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_has_alt" CHECK ("articles"."cover_image_id" is null or char_length(btrim(coalesce("articles"."cover_alt", ''))) > 0);--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_document_text_only_with_document" CHECK ("articles"."document_id" is not null or "articles"."document_text" = '');--> statement-breakpoint
ALTER TABLE "authors" ADD CONSTRAINT "authors_media_contact_given" CHECK (not "authors"."accepts_media" or "authors"."media_email" is not null or "authors"."media_phone" is not null);