-- Only sent issues are public (the wijk's archive). Writing a draft, starting a send and counting
-- its deliveries change no public page, so they no longer empty the page cache: each of those
-- emptyings made every visitor of a large wijk wait for a fresh render while a send began.
-- Transition tables show the statement's rows; PostgreSQL allows them on one event per trigger
-- and without a column list, hence a trigger per event.
CREATE OR REPLACE FUNCTION bump_public_version_if_sent_newsletter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One branch per event, because PL/pgSQL plans a condition when it reaches it, and an INSERT
  -- trigger has no old_rows (nor a DELETE trigger new_rows) to plan against.
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'sent') THEN
      PERFORM bump_public_version_now();
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'sent') THEN
      PERFORM bump_public_version_now();
    END IF;
  -- An update: only when a sent issue's public face changes (not its delivery counter).
  ELSIF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status = 'sent' OR n.status = 'sent')
      AND (o.status, o.wijk_id, o.subject, o.sent_at, o.archived_html) IS DISTINCT FROM (n.status, n.wijk_id, n.subject, n.sent_at, n.archived_html)
  ) THEN
    PERFORM bump_public_version_now();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The bump itself, callable from other trigger functions.
CREATE OR REPLACE FUNCTION bump_public_version_now() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bumped text;
BEGIN
  UPDATE app_meta SET value = (value::bigint + 1)::text WHERE key = 'public_version' RETURNING value INTO bumped;
  PERFORM pg_notify('public_version', bumped);
END
$$;
--> statement-breakpoint
-- The trigger function every other table uses, now through the same bump.
CREATE OR REPLACE FUNCTION bump_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_public_version_now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS newsletters_public_version ON newsletters;
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version_insert AFTER INSERT ON newsletters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_if_sent_newsletter();
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version_update AFTER UPDATE ON newsletters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_if_sent_newsletter();
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version_delete AFTER DELETE ON newsletters REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version_if_sent_newsletter();
--> statement-breakpoint
CREATE TRIGGER newsletters_public_version_truncate AFTER TRUNCATE ON newsletters FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
