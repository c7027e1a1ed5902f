/**
 * The statistics dashboards (P16): every site for platform admins (/beheer/statistieken, with a
 * wijk filter) and one wijk for its team (/beheer/wijken/<id>/statistieken). Each has a CSV
 * download of the same filter at the same address + ".csv". Only aggregates exist, so nothing
 * here shows or exports anyone's personal data.
 */
import { Hono } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { idParam, readQueryForm } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import type { FieldErrors, FormValues } from '../../kernel/http/form.js'
import { render } from '../../kernel/ui/render.js'
import type { Lang, T } from '../../kernel/i18n/i18n.js'
import { findWijkById, listWijken } from '../places/places.queries.js'
import { csvRows, topBy, totalViews, viewsPerDay, type Count, type StatsFilter } from './statistics.queries.js'
import { ALL_SITES, allSitesFilterSchema, DEFAULT_PERIOD, periodSchema } from './statistics.schema.js'
import { statsCsv } from './statistics.csv.js'
import { StatsPage, type StatsData } from './statistics.views.js'
import { addDays, AmsterdamDay } from './statistics.visit.js'
import { OVERFLOW_PATH } from './statistics.counter.js'
import { csvHeaders } from '../../kernel/http/csv.js'

const today = new AmsterdamDay()

function dayFormat(lang: Lang): (day: string) => string {
  const f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return (day) => f.format(new Date(`${day}T00:00:00Z`))
}

function numberFormat(lang: Lang): (n: number) => string {
  const f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB')
  return (n) => f.format(n)
}

function labelled(rows: Count[], label: (raw: string) => string) {
  return rows.map((r) => ({ label: label(r.label), views: r.views }))
}

async function loadData(c: AppContext, f: StatsFilter): Promise<StatsData> {
  const { db } = c.get('deps')
  const t = c.get('t')
  const showDay = dayFormat(c.get('lang'))
  const [total, perDay, pages, referrers, browsers, languages] = await Promise.all([
    totalViews(db, f),
    viewsPerDay(db, f),
    topBy(db, f, 'path', 10),
    topBy(db, f, 'referrer', 10),
    topBy(db, f, 'browser', 10),
    topBy(db, f, 'lang', 10),
  ])
  const days = []
  for (let day = f.from; day <= f.to; day = addDays(day, 1)) days.push({ day, label: showDay(day), views: perDay.get(day) ?? 0 })
  return {
    total,
    from: f.from,
    to: f.to,
    fromLabel: showDay(f.from),
    toLabel: showDay(f.to),
    days,
    pages: labelled(pages, (p) => (p === OVERFLOW_PATH ? t('statistics.path.overflow') : p)),
    referrers: labelled(referrers, (r) => r),
    browsers: labelled(browsers, (b) => (b === 'other' ? t('statistics.browser.other') : b)),
    languages: labelled(languages, (l) => (l === 'nl' ? t('statistics.lang.nl') : l === 'en' ? t('statistics.lang.en') : l)),
  }
}

type Scope = { kind: 'all' } | { kind: 'wijk'; id: number; name: string; slug: string }

interface Parsed {
  filter: StatsFilter
  values: FormValues
  errors?: FieldErrors
  /** The query string of a valid filter, shared by the page and its CSV link. */
  query: string
}

/** Reads the filter; a bad value gets a message next to its field and the default in its place. */
async function parseFilter(c: AppContext, scope: Scope): Promise<Parsed> {
  const t = c.get('t')
  let days = Number(DEFAULT_PERIOD)
  let wijkId: number | null = scope.kind === 'wijk' ? scope.id : null
  let errors: FieldErrors | undefined
  let values: FormValues
  if (scope.kind === 'wijk') {
    const form = readQueryForm(c, periodSchema)
    values = { periode: form.values.periode ?? DEFAULT_PERIOD }
    if (form.ok) days = form.data.periode
    else errors = form.errors
  } else {
    const form = readQueryForm(c, allSitesFilterSchema)
    values = { periode: form.values.periode ?? DEFAULT_PERIOD, wijk: form.values.wijk || ALL_SITES }
    if (!form.ok) errors = form.errors
    else if (form.data.wijk !== null && form.data.wijk !== 0 && !(await findWijkById(c.get('deps').db, form.data.wijk))) {
      errors = { wijk: t('statistics.filter.wijk.invalid') }
    } else {
      days = form.data.periode
      wijkId = form.data.wijk
    }
  }
  const to = today.of(c.get('deps').clock.now())
  const query = new URLSearchParams({ periode: String(days) })
  if (scope.kind === 'all') query.set('wijk', wijkId === null ? ALL_SITES : String(wijkId))
  return { filter: { from: addDays(to, 1 - days), to, wijkId }, values, errors, query: query.toString() }
}

async function dashboard(c: AppContext, scope: Scope) {
  const t: T = c.get('t')
  const parsed = await parseFilter(c, scope)
  const action = scope.kind === 'all' ? '/beheer/statistieken' : `/beheer/wijken/${scope.id}/statistieken`
  const title = scope.kind === 'all' ? t('statistics.title') : t('statistics.titleWijk', { wijk: scope.name })
  const sites =
    scope.kind === 'all'
      ? [
          { value: ALL_SITES, label: t('statistics.filter.allSites') },
          { value: '0', label: t('statistics.filter.platform') },
          ...(await listWijken(c.get('deps').db)).map((w) => ({ value: String(w.id), label: `${w.name} (${w.cityName})` })),
        ]
      : undefined
  return render(
    c,
    <StatsPage
      t={t}
      title={title}
      action={action}
      csvHref={`${action}.csv?${parsed.query}`}
      state={{ values: parsed.values, errors: parsed.errors }}
      sites={sites}
      data={await loadData(c, parsed.filter)}
      format={numberFormat(c.get('lang'))}
    />,
    { title, status: parsed.errors ? 422 : 200 },
  )
}

async function download(c: AppContext, scope: Scope) {
  const parsed = await parseFilter(c, scope)
  if (parsed.errors) return dashboard(c, scope)
  const f = parsed.filter
  const name = scope.kind === 'wijk' ? scope.slug : f.wijkId === null ? 'alle' : f.wijkId === 0 ? 'platform' : `wijk-${f.wijkId}`
  const body = statsCsv(await csvRows(c.get('deps').db, f))
  return c.body(body, 200, csvHeaders(`statistieken-${name}-${f.from}-${f.to}.csv`))
}

async function wijkScope(c: AppContext): Promise<Scope> {
  const wijk = await findWijkById(c.get('deps').db, idParam(c))
  if (!wijk) throw notFound()
  return { kind: 'wijk', id: wijk.id, name: wijk.name, slug: wijk.slug }
}

const wijkResource = (c: AppContext) => ({ wijkId: idParam(c) })

export const statisticsRoutes = new Hono<AppEnv>()
  .get('/beheer/statistieken', guard('stats.view.all'), (c) => dashboard(c, { kind: 'all' }))
  .get('/beheer/statistieken.csv', guard('stats.view.all'), (c) => download(c, { kind: 'all' }))
  .get('/beheer/wijken/:id{[0-9]{1,9}}/statistieken', guard('stats.view', wijkResource), async (c) => dashboard(c, await wijkScope(c)))
  .get('/beheer/wijken/:id{[0-9]{1,9}}/statistieken.csv', guard('stats.view', wijkResource), async (c) => download(c, await wijkScope(c)))
