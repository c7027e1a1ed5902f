CREATE TABLE "billing_customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"organisation_name" text NOT NULL,
	"kvk_number" text,
	"vat_number" text,
	"street" text NOT NULL,
	"house_number" text NOT NULL,
	"postal_code" text NOT NULL,
	"place" text NOT NULL,
	"country" text DEFAULT 'NL' NOT NULL,
	"billing_email" text NOT NULL,
	"contact_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_mandates" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"scheme" text DEFAULT 'CORE' NOT NULL,
	"signed_on" date NOT NULL,
	"signed_place" text NOT NULL,
	"signer_name" text NOT NULL,
	"iban_sealed" jsonb,
	"iban_masked" text NOT NULL,
	"account_holder_name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_collection_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_mandates_reference_unique" UNIQUE("reference"),
	CONSTRAINT "billing_mandates_reference_length" CHECK (char_length("billing_mandates"."reference") <= 35)
);
--> statement-breakpoint
CREATE TABLE "billing_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"package_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"payment_method" text NOT NULL,
	"mandate_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"document_id" integer NOT NULL,
	"document_version" integer NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"signer_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_applications_decided" CHECK (("billing_applications"."status" = 'pending') = ("billing_applications"."decided_at" is null)),
	CONSTRAINT "billing_applications_mandate" CHECK (("billing_applications"."payment_method" = 'direct-debit') or ("billing_applications"."mandate_id" is null))
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"package_id" integer NOT NULL,
	"application_id" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"current_period_start" date NOT NULL,
	"current_period_end" date NOT NULL,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"payment_method" text NOT NULL,
	"mandate_id" integer,
	"ended_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "billing_subscriptions_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "billing_subscriptions_period" CHECK ("billing_subscriptions"."current_period_end" > "billing_subscriptions"."current_period_start"),
	CONSTRAINT "billing_subscriptions_ending" CHECK (("billing_subscriptions"."status" <> 'ending' or "billing_subscriptions"."cancel_at_period_end") and ("billing_subscriptions"."status" <> 'active' or not "billing_subscriptions"."cancel_at_period_end"))
);
--> statement-breakpoint
ALTER TABLE "billing_customers" ADD CONSTRAINT "billing_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_mandates" ADD CONSTRAINT "billing_mandates_customer_id_billing_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."billing_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_mandates" ADD CONSTRAINT "billing_mandates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_customer_id_billing_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."billing_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_mandate_id_billing_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."billing_mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD CONSTRAINT "billing_applications_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_customer_id_billing_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."billing_customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_application_id_billing_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."billing_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_mandate_id_billing_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."billing_mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_mandates_user_idx" ON "billing_mandates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "billing_applications_status_idx" ON "billing_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "billing_applications_user_idx" ON "billing_applications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_customer_idx" ON "billing_subscriptions" USING btree ("customer_id");