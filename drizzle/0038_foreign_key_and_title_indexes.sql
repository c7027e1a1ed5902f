CREATE INDEX "wijk_links_wijk_id_idx" ON "wijk_links" USING btree ("wijk_id");--> statement-breakpoint
CREATE INDEX "role_invitations_accepted_by_idx" ON "role_invitations" USING btree ("accepted_by");--> statement-breakpoint
CREATE INDEX "role_invitations_invited_by_idx" ON "role_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "consents_document_id_idx" ON "consents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "content_invitations_invited_by_idx" ON "content_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "content_wijk_title_idx" ON "content_items" USING btree ("wijk_id","type","title","id") WHERE "content_items"."status" = 'published';--> statement-breakpoint
CREATE INDEX "content_business_idx" ON "content_items" USING btree ("business_id") WHERE "content_items"."business_id" is not null;--> statement-breakpoint
CREATE INDEX "content_location_org_idx" ON "content_items" USING btree ("location_org_id") WHERE "content_items"."location_org_id" is not null;--> statement-breakpoint
CREATE INDEX "offline_participants_recorded_by_idx" ON "offline_participants" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "offline_participants_wijk_id_idx" ON "offline_participants" USING btree ("wijk_id");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_subscription_id_idx" ON "newsletter_deliveries" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "support_requests_content_item_id_idx" ON "support_requests" USING btree ("content_item_id");--> statement-breakpoint
CREATE INDEX "breach_notifications_user_id_idx" ON "breach_notifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "content_reports_reporter_user_id_idx" ON "content_reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "import_batches_created_by_idx" ON "import_batches" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_user_id_idx" ON "broadcast_recipients" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "wijkbeheer_visits_wijk_id_idx" ON "wijkbeheer_visits" USING btree ("wijk_id");--> statement-breakpoint
CREATE INDEX "partner_keys_created_by_idx" ON "partner_keys" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "partners_agreement_document_id_idx" ON "partners" USING btree ("agreement_document_id");--> statement-breakpoint
CREATE INDEX "partner_widgets_city_id_idx" ON "partner_widgets" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "partner_widgets_item_id_idx" ON "partner_widgets" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "partner_widgets_wijk_id_idx" ON "partner_widgets" USING btree ("wijk_id");--> statement-breakpoint
CREATE INDEX "billing_customers_user_id_idx" ON "billing_customers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "billing_mandates_customer_id_idx" ON "billing_mandates" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "billing_applications_customer_id_idx" ON "billing_applications" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "billing_applications_decided_by_idx" ON "billing_applications" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "billing_applications_document_id_idx" ON "billing_applications" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "billing_applications_mandate_id_idx" ON "billing_applications" USING btree ("mandate_id");--> statement-breakpoint
CREATE INDEX "billing_applications_package_id_idx" ON "billing_applications" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "billing_wijk_proposals_city_id_idx" ON "billing_wijk_proposals" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_mandate_id_idx" ON "billing_subscriptions" USING btree ("mandate_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_package_id_idx" ON "billing_subscriptions" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "direct_debit_runs_created_by_user_id_idx" ON "direct_debit_runs" USING btree ("created_by_user_id");