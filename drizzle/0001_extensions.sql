-- Typo-tolerant search (trigram similarity) next to the Dutch full-text configuration.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
