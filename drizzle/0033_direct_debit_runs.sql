CREATE TABLE "direct_debit_collections" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"mandate_id" integer,
	"mandate_reference" text NOT NULL,
	"mandate_signed_on" date NOT NULL,
	"scheme" text NOT NULL,
	"sequence_type" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"end_to_end_id" text NOT NULL,
	"collection_on" date NOT NULL,
	"description" text NOT NULL,
	"outcome" text DEFAULT 'sent' NOT NULL,
	"return_reason" text,
	"outcome_on" date,
	CONSTRAINT "direct_debit_collections_invoice_uq" UNIQUE("invoice_id"),
	CONSTRAINT "direct_debit_collections_amount_positive" CHECK ("direct_debit_collections"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "direct_debit_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"creditor" jsonb NOT NULL,
	"first_collection_on" date NOT NULL,
	"last_collection_on" date NOT NULL,
	"count" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"left_out" jsonb NOT NULL,
	"retain_until" date NOT NULL,
	CONSTRAINT "direct_debit_runs_message_id_unique" UNIQUE("message_id"),
	CONSTRAINT "direct_debit_runs_count_positive" CHECK ("direct_debit_runs"."count" > 0)
);
--> statement-breakpoint
ALTER TABLE "direct_debit_collections" ADD CONSTRAINT "direct_debit_collections_run_id_direct_debit_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."direct_debit_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_collections" ADD CONSTRAINT "direct_debit_collections_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_collections" ADD CONSTRAINT "direct_debit_collections_mandate_id_billing_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."billing_mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_runs" ADD CONSTRAINT "direct_debit_runs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "direct_debit_collections_run_idx" ON "direct_debit_collections" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "direct_debit_collections_mandate_idx" ON "direct_debit_collections" USING btree ("mandate_id");--> statement-breakpoint
CREATE INDEX "direct_debit_runs_retain_until_idx" ON "direct_debit_runs" USING btree ("retain_until");