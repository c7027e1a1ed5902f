/**
 * The beheer area: a dashboard that follows the actor's roles, and role appointments.
 * City and wijk management is in beheer.places.routes.tsx.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { render } from '../../kernel/ui/render.js'
import { wijkenByIds } from '../places/places.queries.js'
import { wijkHref } from '../places/wijk-href.js'
import { rolesRoutes } from '../roles/roles.routes.js'
import { placesAdminRoutes } from './beheer.places.routes.js'
import { retentionRoutes } from './beheer.retention.routes.js'
import { DashboardPage, PLATFORM_LINKS } from './beheer.views.js'

export const beheerRoutes = new Hono<AppEnv>()
  .get('/beheer', guard('beheer.access'), async (c) => {
    const t = c.get('t')
    const actor = c.get('actor')
    const wijkIds = [...new Set(actor.roles.flatMap((r) => (r.wijkId === null ? [] : [r.wijkId])))]
    const wijken = (await wijkenByIds(c.get('deps').db, wijkIds)).map((w) => ({
      name: w.name,
      cityName: w.cityName,
      roles: actor.roles.filter((r) => r.wijkId === w.id).map((r) => r.role),
      siteHref: wijkHref(c, w, '/'),
      overviewHref: can(actor, 'wijk.manage', { wijkId: w.id }) ? `/beheer/wijken/${w.id}/overzicht` : null,
      settingsHref: can(actor, 'wijk.edit', { wijkId: w.id }) ? `/beheer/wijken/${w.id}` : null,
      beheerdersHref: can(actor, 'wijkbeheerder.manage', { wijkId: w.id }) ? `/beheer/wijken/${w.id}/wijkbeheerders` : null,
      statsHref: can(actor, 'stats.view', { wijkId: w.id }) ? `/beheer/wijken/${w.id}/statistieken` : null,
    }))
    return render(c, <DashboardPage t={t} firstName={actor.user!.firstName} links={PLATFORM_LINKS.filter((l) => can(actor, l.action))} wijken={wijken} />, {
      title: t('beheer.title'),
    })
  })
  .route('/', rolesRoutes)
  .route('/', placesAdminRoutes())
  .route('/', retentionRoutes)
