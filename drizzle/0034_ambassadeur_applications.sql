CREATE TABLE "billing_wijk_proposals" (
	"application_id" integer PRIMARY KEY NOT NULL,
	"wijk_name" text NOT NULL,
	"city_id" integer,
	"new_city_name" text,
	"postcodes" jsonb NOT NULL,
	"motivation" text NOT NULL,
	"wijk_id" integer,
	CONSTRAINT "billing_wijk_proposals_wijk_id_unique" UNIQUE("wijk_id"),
	CONSTRAINT "billing_wijk_proposals_city" CHECK (("billing_wijk_proposals"."city_id" is null) <> ("billing_wijk_proposals"."new_city_name" is null))
);
--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "ambassadeur_fee" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_applications" ADD COLUMN "kind" text DEFAULT 'package' NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_wijk_proposals" ADD CONSTRAINT "billing_wijk_proposals_application_id_billing_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."billing_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_wijk_proposals" ADD CONSTRAINT "billing_wijk_proposals_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_wijk_proposals" ADD CONSTRAINT "billing_wijk_proposals_wijk_id_wijken_id_fk" FOREIGN KEY ("wijk_id") REFERENCES "public"."wijken"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "packages_one_ambassadeur_fee" ON "packages" USING btree ("ambassadeur_fee") WHERE "packages"."ambassadeur_fee";