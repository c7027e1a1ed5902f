ALTER TABLE "wijken" ADD COLUMN "launched_at" timestamp with time zone;--> statement-breakpoint
-- Every wijk that existed before launching was a step has been public since it was created.
UPDATE "wijken" SET "launched_at" = "created_at";
