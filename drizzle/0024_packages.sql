CREATE TABLE "packages" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"price_cents" integer NOT NULL,
	"vat_rate" integer DEFAULT 2100 NOT NULL,
	"period" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"entitlements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "packages_slug_unique" UNIQUE("slug"),
	CONSTRAINT "packages_price_not_negative" CHECK ("packages"."price_cents" >= 0),
	CONSTRAINT "packages_vat_rate_dutch" CHECK ("packages"."vat_rate" in (0, 900, 2100))
);
--> statement-breakpoint
-- /pakketten is a cached public page: a package added, changed or withdrawn moves the version.
CREATE TRIGGER packages_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON packages FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
