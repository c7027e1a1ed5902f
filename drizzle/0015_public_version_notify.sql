-- The page cache keeps the public version in memory and is told of every bump, instead of reading
-- it on the request path (decisions/008). pg_notify is delivered at commit, so a listener hears of
-- a change exactly when other sessions can see it; the payload is the new version.
CREATE OR REPLACE FUNCTION bump_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped text;
BEGIN
  UPDATE app_meta SET value = (value::bigint + 1)::text WHERE key = 'public_version' RETURNING value INTO bumped;
  PERFORM pg_notify('public_version', bumped);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Public pages show a newsletter's subject, status, send time and archived copy; the delivery
-- counter a sending job updates after every batch is shown to nobody outside the beheer pages, so
-- it no longer empties the whole page cache ten times during one send.
DROP TRIGGER IF EXISTS newsletters_public_version ON newsletters;
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF wijk_id, subject, status, sent_at, archived_html ON newsletters FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
