-- The wijk cover photo (issue 13): wijk data kept by its team, not personal data.
ALTER TABLE "wijken" ADD COLUMN "cover_key" text;--> statement-breakpoint
ALTER TABLE "wijken" ADD COLUMN "cover_widths" jsonb;--> statement-breakpoint
ALTER TABLE "wijken" ADD COLUMN "cover_width" integer;--> statement-breakpoint
ALTER TABLE "wijken" ADD COLUMN "cover_height" integer;--> statement-breakpoint
ALTER TABLE "wijken" ADD COLUMN "cover_alt" text;