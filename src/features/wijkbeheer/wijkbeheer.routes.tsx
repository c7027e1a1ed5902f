/**
 * The wijk team's own area under /beheer/wijken/:id: the dashboard (overzicht), the residents
 * list (P13), the wijk's links to resident-run websites, and assisted posting (namens, in
 * wijkbeheer.assist.routes.tsx). Every route is guarded for the wijk in the URL; things inside the wijk are
 * looked up together with the wijk id, so an id from another wijk answers 404.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { can } from '../../kernel/policy/policy.js'
import { notFound } from '../../kernel/http/errors.js'
import { readBody, checkForm, readForm, type FieldErrors, type FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { wijkHref } from '../places/wijk-href.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { AmsterdamDay, addDays } from '../statistics/statistics.visit.js'
import { changedSince, dashboardCounts, expiringSoon, lastVisit, residentsOf, type DashboardItem } from './wijkbeheer.queries.js'
import { linksOf } from '../places/places.queries.js'
import { addLink, deleteLink, MAX_LINKS, recordResidentsViewed, recordVisit, updateLink } from './wijkbeheer.service.js'
import { linkSchema } from './wijkbeheer.schema.js'
import { teamPagesFor } from './wijkbeheer.pages.js'
import { idParam } from '../../kernel/http/params.js'
import { wijkInUrl, wijkOf } from './wijkbeheer.http.js'
import { LinksPage, OverviewPage, ResidentsPage, type ItemRow } from './wijkbeheer.views.js'
import { assistRoutes } from './wijkbeheer.assist.routes.js'
import { hostRoutes } from './wijkbeheer.host.routes.js'

/** Without an earlier visit, the dashboard shows the last two weeks. */
const FIRST_VISIT_WINDOW = 14 * DAY
const EXPIRING_DAYS = 7
const today = new AmsterdamDay()

function withHref(c: AppContext, wijk: { id: number; slug: string }, items: DashboardItem[]): ItemRow[] {
  return items.map((i) => ({ ...i, href: i.status === 'published' ? wijkHref(c, wijk, itemPathInWijk(i)) : null }))
}

async function linksPage(c: AppContext, opts: { state?: { values: FormValues; errors: FieldErrors }; rowError?: { id: number; state: { values: FormValues; errors: FieldErrors } } } = {}) {
  const wijk = await wijkInUrl(c)
  const t = c.get('t')
  const links = await linksOf(c.get('deps').db, wijk.id)
  return render(c, <LinksPage t={t} csrfToken={c.get('csrfToken')} wijk={wijk} links={links} max={MAX_LINKS} state={opts.state} rowError={opts.rowError} />, {
    title: t('wijkbeheer.links.title', { wijk: wijk.name }),
    status: opts.state || opts.rowError ? 422 : 200,
  })
}

const linksDone = (c: AppContext, flash: string) => c.redirect(`/beheer/wijken/${idParam(c)}/links?melding=flash.wijkbeheer.${flash}`, 303)

export const wijkbeheerRoutes = new Hono<AppEnv>()
  // -- Dashboard ----------------------------------------------------------------------------------
  .get('/beheer/wijken/:id/overzicht', guard('wijk.manage', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const deps = c.get('deps')
    const { db, clock } = deps
    const now = clock.now()
    const actor = c.get('actor')
    const userId = actor.user!.id
    const previous = await lastVisit(db, userId, wijk.id)
    const since = previous ?? addMs(now, -FIRST_VISIT_WINDOW)
    const day = today.of(now)
    const [changed, expiring, counts] = await Promise.all([
      changedSince(db, wijk.id, since),
      expiringSoon(db, wijk.id, now, addMs(now, EXPIRING_DAYS * DAY)),
      dashboardCounts(db, wijk.id, { from: addDays(day, -6), to: day }),
    ])
    // Read first, then remember this visit: the page shows what changed since the previous one.
    await recordVisit(deps, userId, wijk.id)
    const t = c.get('t')
    const scope = { wijkId: wijk.id }
    return render(
      c,
      <OverviewPage
        t={t}
        lang={c.get('lang')}
        wijk={wijk}
        siteHref={wijkHref(c, wijk, '/')}
        lastVisit={previous}
        since={since}
        changed={withHref(c, wijk, changed)}
        expiring={withHref(c, wijk, expiring)}
        expiringDays={EXPIRING_DAYS}
        counts={counts}
        reportsHref={can(actor, 'wijk.content.moderate', scope) ? `/beheer/wijken/${wijk.id}/meldingen` : null}
        supportHref={can(actor, 'support.list') ? '/beheer/hulpvragen' : null}
        statsHref={can(actor, 'stats.view', scope) ? `/beheer/wijken/${wijk.id}/statistieken` : null}
        pages={teamPagesFor(actor, wijk.id).filter((p) => !p.href.endsWith('/overzicht'))}
      />,
      { title: t('wijkbeheer.overview.title', { wijk: wijk.name }) },
    )
  })

  // -- Residents (P13) -----------------------------------------------------------------------------
  .get('/beheer/wijken/:id/bewoners', guard('wijk.users.view', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const deps = c.get('deps')
    const residents = await residentsOf(deps.db, wijk.id)
    await recordResidentsViewed(deps, c.get('actor').user!.id, wijk.id, residents.map((r) => r.id))
    const t = c.get('t')
    c.header('Cache-Control', 'no-store')
    return render(c, <ResidentsPage t={t} wijk={wijk} residents={residents} />, { title: t('wijkbeheer.residents.title', { wijk: wijk.name }) })
  })

  // -- Links to resident-run websites ----------------------------------------------------------------
  .get('/beheer/wijken/:id/links', guard('wijk.edit', wijkOf), (c) => linksPage(c))

  .post('/beheer/wijken/:id/links', guard('wijk.edit', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const form = await readForm(c, linkSchema)
    if (!form.ok) return linksPage(c, { state: { values: form.values, errors: form.errors } })
    if (!(await addLink(c.get('deps'), c.get('actor').user!.id, wijk.id, form.data))) {
      return linksPage(c, { state: { values: form.values, errors: { title: c.get('t')('wijkbeheer.links.full', { max: MAX_LINKS }) } } })
    }
    return linksDone(c, 'linkAdded')
  })

  .post('/beheer/wijken/:id/links/:linkId{[0-9]{1,9}}', guard('wijk.edit', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    const linkId = idParam(c, 'linkId')
    // Each row's inputs carry the link's id (unique ids on the page); read them back as title/url.
    const { values, unreadable } = await readBody(c, { report: true })
    const rowValues = { [`title-${linkId}`]: values[`title-${linkId}`] ?? '', [`url-${linkId}`]: values[`url-${linkId}`] ?? '' }
    const row: FormValues = { title: values[`title-${linkId}`] ?? '', url: values[`url-${linkId}`] ?? '' }
    const rowUnreadable: FieldErrors = Object.fromEntries(Object.entries(unreadable).map(([k, v]) => [k.replace(`-${linkId}`, ''), v]))
    const parsed = checkForm({ values: row, files: {}, unreadable: rowUnreadable }, linkSchema, c.get('t'))
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [`${k}-${linkId}`, v]))
      if (!(await linksOf(c.get('deps').db, wijk.id)).some((l) => l.id === linkId)) throw notFound()
      return linksPage(c, { rowError: { id: linkId, state: { values: rowValues, errors } } })
    }
    if (!(await updateLink(c.get('deps'), c.get('actor').user!.id, wijk.id, linkId, parsed.data))) throw notFound()
    return linksDone(c, 'linkSaved')
  })

  .post('/beheer/wijken/:id/links/:linkId{[0-9]{1,9}}/verwijderen', guard('wijk.edit', wijkOf), async (c) => {
    const wijk = await wijkInUrl(c)
    if (!(await deleteLink(c.get('deps'), c.get('actor').user!.id, wijk.id, idParam(c, 'linkId')))) throw notFound()
    return linksDone(c, 'linkDeleted')
  })

  .route('/', assistRoutes)
  .route('/', hostRoutes)
