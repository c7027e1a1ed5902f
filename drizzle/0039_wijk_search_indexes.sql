-- Search within one wijk reads the wijk's own matches: the wijk id becomes a key of the text and
-- trigram indexes (btree_gin lets a GIN index hold a plain integer column). decisions/036.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "content_wijk_search_idx" ON "content_items" USING gin ("wijk_id","search");--> statement-breakpoint
CREATE INDEX "content_wijk_title_trgm_idx" ON "content_items" USING gin ("wijk_id","title" gin_trgm_ops);--> statement-breakpoint
DROP INDEX "content_search_idx";--> statement-breakpoint
DROP INDEX "content_title_trgm_idx";
