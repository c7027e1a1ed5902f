CREATE TABLE "activity_occurrences" (
	"content_id" integer NOT NULL,
	"wijk_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	CONSTRAINT "activity_occurrences_content_id_starts_at_pk" PRIMARY KEY("content_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "content_images" (
	"id" serial PRIMARY KEY NOT NULL,
	"content_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"file_key" text NOT NULL,
	"widths" jsonb NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"content_id" integer NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "content_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"wijk_id" integer NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"hidden_reason" text,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"contact_name" text,
	"contact_name_public" boolean DEFAULT false NOT NULL,
	"contact_email" text,
	"contact_email_public" boolean DEFAULT false NOT NULL,
	"contact_phone" text,
	"contact_phone_public" boolean DEFAULT false NOT NULL,
	"contact_address" text,
	"contact_address_public" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"all_day" boolean DEFAULT false NOT NULL,
	"recurrence" jsonb,
	"location_text" text,
	"location_org_id" integer,
	"cost_cents" integer,
	"join_info" text,
	"offers" text,
	"opening_hours" text,
	"website" text,
	"category" text,
	"expires_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"price_cents" integer,
	"business_id" integer,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "content_managers" (
	"content_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_managers_content_id_user_id_pk" PRIMARY KEY("content_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "content_themes" (
	"content_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	CONSTRAINT "content_themes_content_id_theme_id_pk" PRIMARY KEY("content_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "wijk_themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"wijk_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wijk_themes_slug_uq" UNIQUE("wijk_id","slug")
);
--> statement-breakpoint
ALTER TABLE "activity_occurrences" ADD CONSTRAINT "activity_occurrences_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_images" ADD CONSTRAINT "content_images_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_invitations" ADD CONSTRAINT "content_invitations_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_invitations" ADD CONSTRAINT "content_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_wijk_id_wijken_id_fk" FOREIGN KEY ("wijk_id") REFERENCES "public"."wijken"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_location_org_id_content_items_id_fk" FOREIGN KEY ("location_org_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_business_id_content_items_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_managers" ADD CONSTRAINT "content_managers_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_managers" ADD CONSTRAINT "content_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_themes" ADD CONSTRAINT "content_themes_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_themes" ADD CONSTRAINT "content_themes_theme_id_wijk_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."wijk_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wijk_themes" ADD CONSTRAINT "wijk_themes_wijk_id_wijken_id_fk" FOREIGN KEY ("wijk_id") REFERENCES "public"."wijken"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occurrences_wijk_start_idx" ON "activity_occurrences" USING btree ("wijk_id","starts_at");--> statement-breakpoint
CREATE INDEX "content_images_content_idx" ON "content_images" USING btree ("content_id","position");--> statement-breakpoint
CREATE INDEX "content_invitations_content_idx" ON "content_invitations" USING btree ("content_id");--> statement-breakpoint
CREATE INDEX "content_wijk_type_idx" ON "content_items" USING btree ("wijk_id","type","status","published_at");--> statement-breakpoint
CREATE INDEX "content_type_updated_idx" ON "content_items" USING btree ("wijk_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "content_owner_idx" ON "content_items" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "content_expires_idx" ON "content_items" USING btree ("type","expires_at");--> statement-breakpoint
CREATE INDEX "content_search_idx" ON "content_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "content_title_trgm_idx" ON "content_items" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "content_managers_user_idx" ON "content_managers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "content_themes_theme_idx" ON "content_themes" USING btree ("theme_id");