ALTER TABLE "newsletter_subscriptions" ADD COLUMN "lang" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "failure" text;