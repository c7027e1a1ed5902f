-- The operator and the masked debtor account as printed on each invoice (issue 14): an issued invoice never changes when the configuration does.
ALTER TABLE "invoices" ADD COLUMN "seller" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "debtor_iban_masked" text;