-- The API remembers a presented key with its agreement while the public version is unchanged
-- (partners.api.known-keys.ts): revoking or adding a key must move the version, as changing a
-- partner or its scope already does (0018). The day's use and the last-use time, written every
-- ten seconds, do not: they decide nothing.
CREATE TRIGGER partner_keys_public_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF revoked_at, partner_id, token_hash ON partner_keys FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
