CREATE TABLE "mail_link_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "next_path" text;--> statement-breakpoint
CREATE INDEX "mail_link_requests_created_idx" ON "mail_link_requests" USING btree ("created_at");