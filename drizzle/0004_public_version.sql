-- A version stamp of everything the public pages show. Any change to these tables bumps it
-- (one statement-level trigger per table), so cached anonymous pages are never served stale.
INSERT INTO app_meta (key, value) VALUES ('public_version', '0') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE app_meta SET value = (value::bigint + 1)::text WHERE key = 'public_version';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER content_items_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_items FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER activity_occurrences_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_occurrences FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER wijk_themes_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wijk_themes FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER content_themes_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_themes FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER content_images_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_images FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER wijken_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wijken FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER cities_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cities FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER wijk_postcodes_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wijk_postcodes FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER legal_documents_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON legal_documents FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
-- Only a change of account status matters to public pages (a cancelled owner's content disappears).
CREATE TRIGGER users_public_version AFTER UPDATE OF status OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
