-- A widget's data call and iframe page are kept like public pages while the public version is
-- unchanged (partners.widgets.routes.tsx): a widget whose module, place, theme, number or
-- language is changed, or that is removed, must move the version, as partners, their scope and
-- their keys already do (0018, 0020).
CREATE TRIGGER partner_widgets_public_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner_widgets FOR EACH STATEMENT EXECUTE FUNCTION bump_public_version();
