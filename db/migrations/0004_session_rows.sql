ALTER TYPE "public"."auth_token_purpose" ADD VALUE 'email_change_undo';--> statement-breakpoint
ALTER TYPE "public"."email_purpose" ADD VALUE 'email_changed' BEFORE 'receipt';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_session_version_nonnegative";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "auth_tokens_expires_idx" ON "auth_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "session_version";