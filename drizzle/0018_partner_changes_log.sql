-- The changes feed for partners (/api/v1/changes) needs to know which items may have left a
-- partner's scope: every update or deletion of a content item, and every change of an owner's
-- account status, leaves a row here. Triggers, so that no code path (moderation, expiry,
-- cancellation, erasure by cascade) can forget it. Ids and times only.
CREATE OR REPLACE FUNCTION log_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (content_id, wijk_id, type) VALUES (OLD.id, OLD.wijk_id, OLD.type);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER content_items_change_log AFTER UPDATE OR DELETE ON content_items FOR EACH ROW EXECUTE FUNCTION log_content_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION log_owner_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (content_id, wijk_id, type)
    SELECT id, wijk_id, type FROM content_items WHERE owner_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_content_change_log AFTER UPDATE OF status ON users FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION log_owner_status_change();
--> statement-breakpoint
-- Which partners are in force is public (/partners) and so is the register that names them.
CREATE TRIGGER partners_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partners FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER partner_scope_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner_scope FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
