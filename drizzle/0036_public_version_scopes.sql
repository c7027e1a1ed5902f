CREATE TABLE "public_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
-- Issue 15 (decisions/023): one version stamp per wijk plus one platform-wide stamp, instead of one
-- stamp for everything, so a write in one wijk leaves the cached pages of every other wijk valid.
-- A stamp is raised once per statement and scope (not per row), and the listeners are told
-- '<scope> <value>' at commit. Rows are raised in scope order within a statement.
CREATE OR REPLACE FUNCTION bump_public_scopes(scopes text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bumped record;
BEGIN
  FOR bumped IN
    INSERT INTO public_versions AS v (scope, value)
    SELECT DISTINCT s, 1 FROM unnest(scopes) AS s WHERE s IS NOT NULL ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET value = v.value + 1
    RETURNING v.scope, v.value
  LOOP
    PERFORM pg_notify('public_version', bumped.scope || ' ' || bumped.value);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The wijken given (NULLs left out): 'wijk:<id>' each.
CREATE OR REPLACE FUNCTION bump_public_wijken(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_public_scopes(ARRAY(SELECT 'wijk:' || id FROM unnest(ids) AS id WHERE id IS NOT NULL));
END
$$;
--> statement-breakpoint
-- What every page may show (places, documents, the register, partners, packages, account status):
-- every table without a wijk of its own keeps its trigger, which now raises the platform stamp.
CREATE OR REPLACE FUNCTION bump_public_version_now() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_public_scopes(ARRAY['platform']);
END
$$;
--> statement-breakpoint
-- Rows with a wijk_id of their own: the wijken of the statement's old and new rows (an item moved
-- from wijk A to B raises both). One branch per event: an INSERT trigger has no old_rows to plan
-- against, nor a DELETE trigger new_rows. A statement that touched no row raises nothing.
CREATE OR REPLACE FUNCTION bump_public_version_of_wijk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT wijk_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT wijk_id FROM old_rows));
  ELSE
    PERFORM bump_public_wijken(ARRAY(SELECT wijk_id FROM old_rows UNION SELECT wijk_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows of an item (themes, images): the wijk of their item. Rows whose item went in the same
-- statement (a cascade) find none; the item's own delete raised its wijk.
CREATE OR REPLACE FUNCTION bump_public_version_of_item_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT ci.wijk_id FROM new_rows r JOIN content_items ci ON ci.id = r.content_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT ci.wijk_id FROM old_rows r JOIN content_items ci ON ci.id = r.content_id));
  ELSE
    PERFORM bump_public_wijken(ARRAY(
      SELECT ci.wijk_id FROM old_rows r JOIN content_items ci ON ci.id = r.content_id
      UNION SELECT ci.wijk_id FROM new_rows r JOIN content_items ci ON ci.id = r.content_id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Sent newsletters are the wijk's public archive: only their wijk, and only when a sent issue's
-- public face changes (as 0016).
CREATE OR REPLACE FUNCTION bump_public_version_if_sent_newsletter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT wijk_id FROM new_rows WHERE status = 'sent'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_public_wijken(ARRAY(SELECT DISTINCT wijk_id FROM old_rows WHERE status = 'sent'));
  ELSE
    PERFORM bump_public_wijken(ARRAY(
      SELECT unnest(ARRAY[o.wijk_id, n.wijk_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status = 'sent' OR n.status = 'sent')
        AND (o.status, o.wijk_id, o.subject, o.sent_at, o.archived_html) IS DISTINCT FROM (n.status, n.wijk_id, n.subject, n.sent_at, n.archived_html)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS content_items_public_version ON content_items;
--> statement-breakpoint
CREATE TRIGGER content_items_public_version_insert AFTER INSERT ON content_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER content_items_public_version_update AFTER UPDATE ON content_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER content_items_public_version_delete AFTER DELETE ON content_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER content_items_public_version_truncate AFTER TRUNCATE ON content_items FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS activity_occurrences_public_version ON activity_occurrences;
--> statement-breakpoint
CREATE TRIGGER activity_occurrences_public_version_insert AFTER INSERT ON activity_occurrences REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER activity_occurrences_public_version_update AFTER UPDATE ON activity_occurrences REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER activity_occurrences_public_version_delete AFTER DELETE ON activity_occurrences REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER activity_occurrences_public_version_truncate AFTER TRUNCATE ON activity_occurrences FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wijk_themes_public_version ON wijk_themes;
--> statement-breakpoint
CREATE TRIGGER wijk_themes_public_version_insert AFTER INSERT ON wijk_themes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_themes_public_version_update AFTER UPDATE ON wijk_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_themes_public_version_delete AFTER DELETE ON wijk_themes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_themes_public_version_truncate AFTER TRUNCATE ON wijk_themes FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wijk_links_public_version ON wijk_links;
--> statement-breakpoint
CREATE TRIGGER wijk_links_public_version_insert AFTER INSERT ON wijk_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_links_public_version_update AFTER UPDATE ON wijk_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_links_public_version_delete AFTER DELETE ON wijk_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_wijk_rows();
--> statement-breakpoint
CREATE TRIGGER wijk_links_public_version_truncate AFTER TRUNCATE ON wijk_links FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS content_themes_public_version ON content_themes;
--> statement-breakpoint
CREATE TRIGGER content_themes_public_version_insert AFTER INSERT ON content_themes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_themes_public_version_update AFTER UPDATE ON content_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_themes_public_version_delete AFTER DELETE ON content_themes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_themes_public_version_truncate AFTER TRUNCATE ON content_themes FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS content_images_public_version ON content_images;
--> statement-breakpoint
CREATE TRIGGER content_images_public_version_insert AFTER INSERT ON content_images REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_images_public_version_update AFTER UPDATE ON content_images REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_images_public_version_delete AFTER DELETE ON content_images REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_of_item_rows();
--> statement-breakpoint
CREATE TRIGGER content_images_public_version_truncate AFTER TRUNCATE ON content_images FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
-- The single stamp of 0004 is read by nobody any more.
DELETE FROM app_meta WHERE key = 'public_version';
