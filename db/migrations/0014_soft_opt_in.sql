ALTER TABLE "donations" ADD COLUMN "news_list_id" uuid;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "news_refused" boolean;--> statement-breakpoint
ALTER TABLE "newsletter_lists" ADD COLUMN "soft_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_news_list_id_newsletter_lists_id_fk" FOREIGN KEY ("news_list_id") REFERENCES "public"."newsletter_lists"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_lists_soft_opt_in_idx" ON "newsletter_lists" USING btree ("soft_opt_in") WHERE "newsletter_lists"."soft_opt_in";