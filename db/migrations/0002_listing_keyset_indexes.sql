DROP INDEX "article_authors_author_idx";--> statement-breakpoint
DROP INDEX "article_topics_topic_idx";--> statement-breakpoint
DROP INDEX "articles_live_idx";--> statement-breakpoint
DROP INDEX "articles_series_idx";--> statement-breakpoint
CREATE INDEX "articles_updated_idx" ON "articles" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "article_authors_author_idx" ON "article_authors" USING btree ("author_id","article_id");--> statement-breakpoint
CREATE INDEX "article_topics_topic_idx" ON "article_topics" USING btree ("topic_id","article_id");--> statement-breakpoint
CREATE INDEX "articles_live_idx" ON "articles" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "articles_series_idx" ON "articles" USING btree ("series_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);