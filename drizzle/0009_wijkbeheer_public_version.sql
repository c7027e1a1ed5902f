-- Wijk links and the public newsletter archive are shown on cached public pages too.
CREATE TRIGGER wijk_links_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wijk_links FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON newsletters FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
