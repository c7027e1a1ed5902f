ALTER TABLE "wijken" ADD COLUMN "host_name_by_package" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "featured_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "content_featured_idx" ON "content_items" USING btree ("wijk_id","featured_at" DESC NULLS LAST) WHERE "content_items"."featured_at" is not null;