-- The fiscal ledger (issue 14, P10): invoices and credit notes with gapless numbers per kind and year, their lines and payments, kept 7 years.
CREATE TABLE "invoice_lines" (
	"invoice_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"vat_rate" integer NOT NULL,
	"net_cents" integer NOT NULL,
	CONSTRAINT "invoice_lines_invoice_id_position_pk" PRIMARY KEY("invoice_id","position"),
	CONSTRAINT "invoice_lines_quantity_positive" CHECK ("invoice_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"invoice_id" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"return_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "invoice_series_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"account_id" uuid,
	"subscription_id" integer,
	"corrects_id" integer,
	"customer" jsonb NOT NULL,
	"lang" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"payment_method" text NOT NULL,
	"mandate_reference" text,
	"collection_on" date,
	"net_cents" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"paid_on" date,
	"retain_until" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "invoices_kind_year_sequence_uq" UNIQUE("kind","year","sequence"),
	CONSTRAINT "invoices_subscription_period_uq" UNIQUE("subscription_id","period_start","kind"),
	CONSTRAINT "invoices_credit_note_corrects" CHECK (("invoices"."kind" = 'credit-note') = ("invoices"."corrects_id" is not null)),
	CONSTRAINT "invoices_direct_debit_mandate" CHECK (("invoices"."payment_method" = 'direct-debit') = ("invoices"."mandate_reference" is not null)),
	CONSTRAINT "invoices_totals_add_up" CHECK ("invoices"."net_cents" + "invoices"."vat_cents" = "invoices"."total_cents")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_account_idx" ON "invoices" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "invoices_status_due_idx" ON "invoices" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "invoices_retain_until_idx" ON "invoices" USING btree ("retain_until");--> statement-breakpoint
-- An issued invoice is never changed (art. 52 AWR, P10): only its payment state moves, and erasing
-- an account only loosens account_id. A correction is a credit note.
CREATE FUNCTION "invoices_issued_unchanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.kind, NEW.year, NEW.sequence, NEW.number, NEW.subscription_id, NEW.corrects_id, NEW.customer, NEW.lang,
      NEW.issued_on, NEW.due_on, NEW.period_start, NEW.period_end, NEW.payment_method, NEW.mandate_reference,
      NEW.collection_on, NEW.net_cents, NEW.vat_cents, NEW.total_cents, NEW.retain_until, NEW.created_at)
     IS DISTINCT FROM
     (OLD.kind, OLD.year, OLD.sequence, OLD.number, OLD.subscription_id, OLD.corrects_id, OLD.customer, OLD.lang,
      OLD.issued_on, OLD.due_on, OLD.period_start, OLD.period_end, OLD.payment_method, OLD.mandate_reference,
      OLD.collection_on, OLD.net_cents, OLD.vat_cents, OLD.total_cents, OLD.retain_until, OLD.created_at) THEN
    RAISE EXCEPTION 'invoice % is issued and cannot be changed', OLD.number USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.account_id IS NOT NULL AND NEW.account_id IS DISTINCT FROM OLD.account_id THEN
    RAISE EXCEPTION 'invoice % cannot move to another account', OLD.number USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "invoices_issued_unchanged" BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_issued_unchanged"();--> statement-breakpoint
CREATE FUNCTION "invoice_lines_unchanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the lines of an issued invoice cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "invoice_lines_unchanged" BEFORE UPDATE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION "invoice_lines_unchanged"();
