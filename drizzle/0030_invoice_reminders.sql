CREATE TABLE "invoice_reminders" (
	"invoice_id" integer NOT NULL,
	"number" integer NOT NULL,
	"sent_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoice_reminders_invoice_id_number_pk" PRIMARY KEY("invoice_id","number"),
	CONSTRAINT "invoice_reminders_number" CHECK ("invoice_reminders"."number" between 1 and 2)
);
--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;