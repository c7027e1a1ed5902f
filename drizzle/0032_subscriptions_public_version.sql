-- Public pages show what a package gives (the "Geverifieerd" mark on an organisation, issue 14),
-- and those pages are cached under the public version: a subscription that starts, ends, changes
-- package or period, or moves between customers must move the version, as packages already do
-- (0024). Other columns (payment method, mandate) show on no public page.
CREATE TRIGGER billing_subscriptions_public_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, package_id, customer_id, current_period_start, current_period_end ON billing_subscriptions FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
