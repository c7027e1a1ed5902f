CREATE TABLE "partner_widgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" integer NOT NULL,
	"module" text NOT NULL,
	"item_id" integer,
	"wijk_id" integer,
	"city_id" integer,
	"theme_slug" text,
	"item_count" integer DEFAULT 5 NOT NULL,
	"lang" text DEFAULT 'nl' NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_widgets_item_count" CHECK ("partner_widgets"."item_count" between 1 and 20),
	CONSTRAINT "partner_widgets_target" CHECK (("partner_widgets"."module" = 'item' and "partner_widgets"."item_id" is not null and "partner_widgets"."wijk_id" is null and "partner_widgets"."city_id" is null) or ("partner_widgets"."module" <> 'item' and "partner_widgets"."item_id" is null and ("partner_widgets"."wijk_id" is null) <> ("partner_widgets"."city_id" is null)))
);
--> statement-breakpoint
ALTER TABLE "partner_widgets" ADD CONSTRAINT "partner_widgets_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_widgets" ADD CONSTRAINT "partner_widgets_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_widgets" ADD CONSTRAINT "partner_widgets_wijk_id_wijken_id_fk" FOREIGN KEY ("wijk_id") REFERENCES "public"."wijken"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_widgets" ADD CONSTRAINT "partner_widgets_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_widgets_partner_idx" ON "partner_widgets" USING btree ("partner_id");