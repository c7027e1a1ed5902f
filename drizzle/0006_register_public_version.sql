-- The public register of processing activities (/verwerkingen) is a cached public page too.
CREATE TRIGGER processing_activities_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON processing_activities FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
--> statement-breakpoint
CREATE TRIGGER processors_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON processors FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
