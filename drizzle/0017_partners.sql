CREATE TABLE "content_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"content_id" integer NOT NULL,
	"wijk_id" integer NOT NULL,
	"type" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_key_use" (
	"key_id" integer NOT NULL,
	"day" date NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_key_use_key_id_day_pk" PRIMARY KEY("key_id","day")
);
--> statement-breakpoint
CREATE TABLE "partner_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"partner_id" integer NOT NULL,
	"label" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "partner_keys_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "partner_scope" (
	"id" serial PRIMARY KEY NOT NULL,
	"partner_id" integer NOT NULL,
	"city_id" integer,
	"wijk_id" integer,
	CONSTRAINT "partner_scope_one_place" CHECK (("partner_scope"."city_id" is null) <> ("partner_scope"."wijk_id" is null))
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"purpose_nl" text NOT NULL,
	"purpose_en" text NOT NULL,
	"content_types" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'concept' NOT NULL,
	"rate_per_minute" integer DEFAULT 600 NOT NULL,
	"agreement_document_id" integer,
	"signed_by" text,
	"signed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "shared_with_partners" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_key_use" ADD CONSTRAINT "partner_key_use_key_id_partner_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."partner_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_keys" ADD CONSTRAINT "partner_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_keys" ADD CONSTRAINT "partner_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_scope" ADD CONSTRAINT "partner_scope_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_scope" ADD CONSTRAINT "partner_scope_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_scope" ADD CONSTRAINT "partner_scope_wijk_id_wijken_id_fk" FOREIGN KEY ("wijk_id") REFERENCES "public"."wijken"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_agreement_document_id_legal_documents_id_fk" FOREIGN KEY ("agreement_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_changes_wijk_seq_idx" ON "content_changes" USING btree ("wijk_id","seq");--> statement-breakpoint
CREATE INDEX "content_changes_changed_idx" ON "content_changes" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "partner_keys_partner_idx" ON "partner_keys" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_scope_partner_idx" ON "partner_scope" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_scope_wijk_idx" ON "partner_scope" USING btree ("wijk_id");--> statement-breakpoint
CREATE INDEX "partner_scope_city_idx" ON "partner_scope" USING btree ("city_id");