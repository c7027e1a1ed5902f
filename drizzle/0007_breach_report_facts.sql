ALTER TABLE "breaches" ADD COLUMN "nature" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "ongoing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "data_encrypted" text DEFAULT 'no' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "measures_proposed" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "advice" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "inform_decision" text DEFAULT 'undecided' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "inform_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "cross_border" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "contact_person" text DEFAULT '' NOT NULL;