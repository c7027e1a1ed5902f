-- The SEQUENCE of an item's events in the iCal feeds: a calendar that subscribed (or imported the
-- file) takes a changed event only when its SEQUENCE went up. Raised here, in the database, so
-- every path that edits an item (owner, co-manager, wijk team, moderation, import) raises it; only
-- the fields a calendar shows count, so a reminder or a status stamp does not.
ALTER TABLE "content_items" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION raise_content_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := OLD.revision + 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER content_items_revision BEFORE UPDATE ON content_items FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title
    OR OLD.slug IS DISTINCT FROM NEW.slug
    OR OLD.summary IS DISTINCT FROM NEW.summary
    OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
    OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
    OR OLD.all_day IS DISTINCT FROM NEW.all_day
    OR OLD.recurrence IS DISTINCT FROM NEW.recurrence
    OR OLD.location_text IS DISTINCT FROM NEW.location_text)
  EXECUTE FUNCTION raise_content_revision();
