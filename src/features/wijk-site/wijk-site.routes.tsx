/**
 * The public wijk site: module lists (/<wijk>/agenda, /organisaties, /prikbord, /nieuws,
 * /etalage), item pages (/<wijk>/<module>/<id>-<slug>), the Agenda's print view, iCal and RSS
 * feeds, and /sitemap.xml with /robots.txt. Every content read goes through the public
 * projection (see wijk-site.queries.ts); nothing here is personal, so nothing needs a login.
 */
import { categoryLabel } from '../content/content.categories.js'
import { Hono } from 'hono'
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { readQuery } from '../../kernel/http/params.js'
import { notFound } from '../../kernel/http/errors.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { render } from '../../kernel/ui/render.js'
import { formatDate } from '../../kernel/i18n/i18n.js'
import type { WijkHome } from '../places/places.queries.js'
import { platformHref, wijkBrand } from '../places/wijk-href.js'
import { findPublicItem } from '../content/content.public.js'
import type { ContentType } from '../content/content.tables.js'
import { MODULES, idFromItemParam, isModule, itemPathInWijk, moduleName, moduleOf, typesOfModule, type Module } from '../content/content.urls.js'
import { listItems, listOccurrences, feedItems, sitemapItems, sitemapPlaces, countPublicItems, type ThemeRef } from './wijk-site.queries.js'
import { agendaQuerySchema, listQuerySchema, printQuerySchema, sitemapQuerySchema } from './wijk-site.schema.js'
import { dayRange, isoWeekOf, isoWeekRange, monthOf, monthRange, shiftDay, shiftMonth, shiftWeek } from './wijk-site.dates.js'
import { formatDay, formatMonth } from './wijk-site.format.js'
import { loadAgenda } from './wijk-site.agenda.js'
import { AgendaBuckets, AgendaDayList, AgendaPage, AgendaViews, MonthCalendar, PeriodNav } from './wijk-site.agenda.views.js'
import { withVerified } from './wijk-site.verified.js'
import { absoluteWijkUrl, prikbordCategories, siteLinks, themeOfWijk, themesOfWijk, withQuery } from './wijk-site.site.js'
import { emptyNext } from './wijk-site.empty.js'
import { FilterDisclosure, FilterList, ItemPage, ListPage, PrintPage, themeName, type FilterLink } from './wijk-site.views.js'
import { buildRss, buildSitemap, buildSitemapIndex } from './wijk-site.feeds.js'
import { buildCalendar } from './wijk-site.ical.js'
import { calendarSeries } from './wijk-site.ical.queries.js'
import { SubscribeBlock, subscribePage } from './wijk-site.ical.page.js'
import { jsonLdFor } from './wijk-site.jsonld.js'
import { presentItem, publicItemFromUrl, wijkFromUrl } from './wijk-site.item.js'

export const PAGE_SIZE = 20
const FEED_SIZE = 50
const PRINT_LIMIT = 400
const ICS_LIMIT = 1000
/** The sitemap protocol's limit of URLs per file; a setting so a test can reach the split. */
export const SITEMAP = { limit: 50_000 }
const FEED_CACHE = 'public, max-age=300'

async function themeFrom(c: AppContext, wijkId: number, slug: string | undefined): Promise<ThemeRef | undefined> {
  if (!slug) return undefined
  const theme = await themeOfWijk(c, wijkId, slug)
  if (!theme) throw notFound()
  return theme
}

/** The wijk's themes as filter links; a single link ("all themes") when the wijk has none. */
async function themeLinks(c: AppContext, wijkId: number, current: ThemeRef | undefined, hrefFor: (slug: string | undefined) => string): Promise<FilterLink[]> {
  const t = c.get('t')
  const lang = c.get('lang')
  const themes = await themesOfWijk(c, wijkId)
  return [
    { label: t('wijk-site.allThemes'), href: hrefFor(undefined), current: !current },
    ...themes.map((th) => ({ label: lang === 'en' ? th.nameEn : th.nameNl, href: hrefFor(th.slug), current: current?.id === th.id })),
  ]
}

function pageLinks(base: string, params: Record<string, string | undefined>, page: number, hasNext: boolean) {
  return {
    prev: page > 1 ? withQuery(base, { ...params, pagina: page > 2 ? page - 1 : undefined }) : null,
    next: hasNext ? withQuery(base, { ...params, pagina: page + 1 }) : null,
  }
}

function headLinks(p: { prev: string | null; next: string | null; feeds: Array<{ type: string; href: string; title: string }>; jsonLd?: string | null }) {
  return (
    <>
      {p.prev && <link rel="prev" href={p.prev} />}
      {p.next && <link rel="next" href={p.next} />}
      {p.feeds.map((f) => (
        <link rel="alternate" type={f.type} href={f.href} title={f.title} />
      ))}
      {p.jsonLd && <script type="application/ld+json">{raw(p.jsonLd)}</script>}
    </>
  )
}

// ---------- Module lists ----------

async function moduleList(c: AppContext, module: Exclude<Module, 'agenda'>) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db, clock } = c.get('deps')
  const wijk = await wijkFromUrl(c)
  const q = readQuery(c, listQuerySchema)
  const theme = await themeFrom(c, wijk.id, q.thema)
  const links = siteLinks(c, wijk)
  const base = links.module(module)

  let types: readonly ContentType[] = typesOfModule(module)
  if (module === 'prikbord' && q.soort) types = [q.soort === 'vraag' ? 'request' : 'offer']
  const category = module === 'prikbord' ? q.categorie : undefined
  const params = { thema: q.thema, soort: module === 'prikbord' ? q.soort : undefined, categorie: category }

  const { items, hasNext } = await listItems(db, clock.now(), {
    wijkId: wijk.id,
    types,
    themeId: theme?.id,
    category,
    order: module === 'organisaties' ? 'title' : 'newest',
    limit: PAGE_SIZE,
    offset: (q.pagina - 1) * PAGE_SIZE,
    preview: wijk.preview,
  })
  if (items.length === 0 && q.pagina > 1) throw notFound()
  const { prev, next } = pageLinks(base, params, q.pagina, hasNext)

  const themes = await themeLinks(c, wijk.id, theme, (slug) => withQuery(base, { ...params, thema: slug }))
  const themeList = <FilterList label={t('wijk-site.themes')} id="filter-themes" links={themes} />
  const current = [...(category ? [categoryLabel(t, category)] : []), ...(theme ? [themeName(theme, lang)] : [])]
  let filters: Child = themes.length > 1 && <FilterDisclosure t={t} current={current}>{themeList}</FilterDisclosure>
  if (module === 'prikbord') {
    const kinds: FilterLink[] = [
      { label: t('wijk-site.prikbord.all'), href: withQuery(base, { ...params, soort: undefined }), current: !q.soort },
      { label: t('wijk-site.prikbord.requests'), href: withQuery(base, { ...params, soort: 'vraag' }), current: q.soort === 'vraag' },
      { label: t('wijk-site.prikbord.offers'), href: withQuery(base, { ...params, soort: 'aanbod' }), current: q.soort === 'aanbod' },
    ]
    const categories = await prikbordCategories(c, wijk)
    const catLinks: FilterLink[] = [
      { label: t('wijk-site.prikbord.allCategories'), href: withQuery(base, { ...params, categorie: undefined }), current: !category },
      ...categories.map((cat) => ({ label: categoryLabel(t, cat), href: withQuery(base, { ...params, categorie: cat }), current: cat === category })),
    ]
    // Vraag or aanbod is the first choice on the Prikbord: three links that stay in sight.
    filters = (
      <>
        <FilterList label={t('wijk-site.prikbord.kind')} id="filter-kind" links={kinds} />
        {(catLinks.length > 1 || themes.length > 1) && (
          <FilterDisclosure t={t} current={current}>
            <FilterList label={t('wijk-site.prikbord.category')} id="filter-category" links={catLinks} />
            {themeList}
          </FilterDisclosure>
        )}
      </>
    )
  }

  const filtered = Boolean(theme || q.soort || category)
  const name = moduleName(module, lang)
  const feedHref = links.href(`/${module}.rss`)
  const pageTitle = q.pagina > 1 ? `${name} (${t('wijk-site.pageN', { n: q.pagina })})` : name
  const canonical = links.abs(withQuery(`/${module}`, { ...params, pagina: q.pagina > 1 ? q.pagina : undefined }))
  return render(
    c,
    <ListPage
      t={t}
      lang={lang}
      module={module}
      heading={theme ? `${name}: ${themeName(theme, lang)}` : name}
      intro={t(`wijk-site.intro.${module}`, { wijk: wijk.name })}
      filters={filters}
      cards={await withVerified(c, items)}
      hrefOf={links.item}
      empty={filtered ? t('wijk-site.empty.filtered') : t(`wijk-site.empty.${module}`)}
      emptyNext={emptyNext(c, wijk, module, filtered ? base : undefined)}
      prev={prev}
      next={next}
      feedHref={feedHref}
    />,
    {
      title: pageTitle,
      description: t(`wijk-site.intro.${module}`, { wijk: wijk.name }),
      canonical,
      brand: wijkBrand(c, wijk, { current: module }),
      head: headLinks({ prev, next, feeds: [{ type: 'application/rss+xml', href: feedHref, title: name }] }),
    },
  )
}

// ---------- Agenda ----------

async function agendaList(c: AppContext) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db, clock } = c.get('deps')
  const now = clock.now()
  const wijk = await wijkFromUrl(c)
  const q = readQuery(c, agendaQuerySchema, 'wijk-site.bad.agendaQuery')
  const theme = await themeFrom(c, wijk.id, q.thema)
  const links = siteLinks(c, wijk)
  const base = links.module('agenda')
  const model = await loadAgenda(db, now, q, { wijkId: wijk.id, themeId: theme?.id, pageSize: PAGE_SIZE, preview: wijk.preview })
  if (model.view !== 'month' && model.count === 0 && q.pagina > 1) throw notFound()

  const params = { thema: q.thema, wanneer: model.view === 'list' ? q.wanneer : undefined, maand: q.maand, dag: q.dag }
  const { prev, next } = model.view === 'month' ? { prev: null, next: null } : pageLinks(base, params, q.pagina, model.hasNext)
  const thisMonth = monthOf(now)
  const dayHref = (key: string) => withQuery(base, { thema: q.thema, dag: key })
  const monthHref = (month: string) => withQuery(base, { thema: q.thema, maand: month })

  const current: string[] = []
  const whenLinks: FilterLink[] = [
    { label: t('wijk-site.agenda.upcoming'), href: withQuery(base, { thema: q.thema }), current: !q.wanneer },
    { label: t('wijk-site.agenda.today'), href: withQuery(base, { thema: q.thema, wanneer: 'vandaag' }), current: q.wanneer === 'vandaag' },
    { label: t('wijk-site.agenda.week'), href: withQuery(base, { thema: q.thema, wanneer: 'deze-week' }), current: q.wanneer === 'deze-week' },
    { label: t('wijk-site.agenda.weekend'), href: withQuery(base, { thema: q.thema, wanneer: 'dit-weekend' }), current: q.wanneer === 'dit-weekend' },
  ]
  if (model.view === 'list' && q.wanneer) current.push(whenLinks.find((l) => l.current)!.label)
  if (theme) current.push(themeName(theme, lang))
  const themes = await themeLinks(c, wijk.id, theme, (slug) => withQuery(base, { ...params, thema: slug }))
  const filters = (model.view === 'list' || themes.length > 1) && (
    <FilterDisclosure t={t} current={current}>
      {model.view === 'list' && <FilterList label={t('wijk-site.agenda.when')} id="filter-when" links={whenLinks} />}
      <FilterList label={t('wijk-site.themes')} id="filter-themes" links={themes} />
    </FilterDisclosure>
  )
  const views = <AgendaViews t={t} listHref={withQuery(base, { thema: q.thema })} monthHref={monthHref(q.maand ?? q.dag?.slice(0, 7) ?? thisMonth)} current={model.view === 'day' ? null : model.view} />

  const name = moduleName('agenda', lang)
  const empty = theme ? t('wijk-site.empty.filtered') : t('wijk-site.empty.agenda')
  let heading = name
  let body: Child
  if (model.view === 'month') {
    const monthLabel = formatMonth(dayRange(`${model.month}-15`).from, lang)
    heading = t('wijk-site.agenda.monthTitle', { month: monthLabel })
    body = (
      <>
        <PeriodNav
          label={t('wijk-site.agenda.monthNav')}
          prev={{ label: t('wijk-site.agenda.prevMonth'), href: monthHref(shiftMonth(model.month, -1)) }}
          middle={{ label: t('wijk-site.agenda.month'), href: monthHref(thisMonth) }}
          next={{ label: t('wijk-site.agenda.nextMonth'), href: monthHref(shiftMonth(model.month, 1)) }}
        />
        <MonthCalendar t={t} lang={lang} month={model.month} monthLabel={monthLabel} weeks={model.weeks} hrefOf={links.item} dayHref={dayHref} />
      </>
    )
  } else if (model.view === 'day') {
    heading = t('wijk-site.agenda.dayTitle', { day: formatDay(dayRange(model.day).from, lang) })
    body = (
      <>
        <PeriodNav
          label={t('wijk-site.agenda.dayNav')}
          prev={{ label: t('wijk-site.agenda.prevDay'), href: dayHref(shiftDay(model.day, -1)) }}
          middle={{ label: t('wijk-site.agenda.wholeMonth'), href: monthHref(model.day.slice(0, 7)) }}
          next={{ label: t('wijk-site.agenda.nextDay'), href: dayHref(shiftDay(model.day, 1)) }}
        />
        <AgendaDayList t={t} lang={lang} items={model.items} hrefOf={links.item} />
      </>
    )
  } else {
    const drop = theme ? withQuery(base, { wanneer: params.wanneer }) : undefined
    body = <AgendaBuckets t={t} lang={lang} buckets={model.buckets} hrefOf={links.item} empty={empty} emptyNext={emptyNext(c, wijk, 'agenda', drop)} />
  }
  if (theme) heading = `${heading}: ${themeName(theme, lang)}`
  const icsHref = links.href('/agenda.ics')
  const feeds = [
    { label: t('wijk-site.rss'), href: links.href('/agenda.rss') },
    { label: t('wijk-site.agenda.print'), href: withQuery(links.href('/agenda/afdrukken'), { thema: q.thema }) },
    { label: t('wijk-site.agenda.printMonth'), href: withQuery(links.href('/agenda/afdrukken'), { maand: q.maand ?? q.dag?.slice(0, 7) ?? thisMonth, thema: q.thema }) },
  ]
  const paged = model.view !== 'month' && q.pagina > 1
  const subscribe = <SubscribeBlock t={t} links={links} theme={theme} themeLabel={theme && themeName(theme, lang)} />
  return render(c, <AgendaPage t={t} heading={heading} views={views} filters={filters} body={body} prev={prev} next={next} feeds={feeds} subscribe={subscribe} />, {
    title: paged ? `${heading} (${t('wijk-site.pageN', { n: q.pagina })})` : heading,
    description: t('wijk-site.intro.agenda', { wijk: wijk.name }),
    canonical: links.abs(withQuery('/agenda', { ...params, pagina: paged ? q.pagina : undefined })),
    brand: wijkBrand(c, wijk, { current: 'agenda' }),
    head: headLinks({ prev, next, feeds: [{ type: 'text/calendar', href: icsHref, title: name }, { type: 'application/rss+xml', href: links.href('/agenda.rss'), title: name }] }),
  })
}

async function printView(c: AppContext) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db, clock } = c.get('deps')
  const now = clock.now()
  const wijk = await wijkFromUrl(c)
  const q = readQuery(c, printQuerySchema)
  const theme = await themeFrom(c, wijk.id, q.thema)
  const links = siteLinks(c, wijk)
  const base = links.href('/agenda/afdrukken')
  const week = q.maand ? null : (q.week ?? isoWeekOf(now))
  const range = q.maand ? monthRange(q.maand) : isoWeekRange(week!)
  const { items } = await listOccurrences(db, now, { wijkIds: [wijk.id], from: range.from, to: range.to, themeId: theme?.id, limit: PRINT_LIMIT, preview: wijk.preview })
  const lastDay = new Date(range.to.getTime() - 12 * 3_600_000)
  const period = q.maand
    ? t('wijk-site.print.month', { month: new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(range.from.getTime() + 86_400_000)) })
    : t('wijk-site.print.week', { from: formatDate(range.from, lang), to: formatDate(lastDay, lang) })
  const other = week
    ? [
        { label: t('wijk-site.print.prevWeek'), href: withQuery(base, { week: shiftWeek(week, -1), thema: q.thema }) },
        { label: t('wijk-site.print.nextWeek'), href: withQuery(base, { week: shiftWeek(week, 1), thema: q.thema }) },
        { label: t('wijk-site.print.thisMonth'), href: withQuery(base, { maand: monthOf(range.from), thema: q.thema }) },
      ]
    : [
        { label: t('wijk-site.agenda.prevMonth'), href: withQuery(base, { maand: shiftMonth(q.maand!, -1), thema: q.thema }) },
        { label: t('wijk-site.agenda.nextMonth'), href: withQuery(base, { maand: shiftMonth(q.maand!, 1), thema: q.thema }) },
      ]
  const heading = t('wijk-site.print.title', { wijk: wijk.name })
  return render(c, <PrintPage t={t} lang={lang} heading={theme ? `${heading}: ${themeName(theme, lang)}` : heading} period={period} items={items} empty={t('wijk-site.print.empty')} other={other} brief={Boolean(q.maand)} />, {
    title: `${heading} · ${period}`,
    brand: wijkBrand(c, wijk, { current: 'agenda', inside: true }),
  })
}

// ---------- Item pages ----------

async function itemPage(c: AppContext) {
  const { wijk, item, path, canonical } = await publicItemFromUrl(c)
  const links = siteLinks(c, wijk)
  if (!canonical) return c.redirect(links.href(path), 301)
  const { props, locationName } = await presentItem(c, wijk, item, { reportHref: platformHref(c, `/${wijk.slug}${path}/melden`) })
  const url = links.abs(path)
  const jsonLd = jsonLdFor(item, url, { occurrences: props.occurrences, locationName, wijkName: wijk.name })
  return render(c, <ItemPage {...props} />, {
    title: item.title,
    description: (item.summary || item.title).slice(0, 160),
    canonical: url,
    brand: wijkBrand(c, wijk, { current: moduleOf(item.type), inside: true }),
    head: headLinks({ prev: null, next: null, feeds: [], jsonLd }),
  })
}

// ---------- Feeds ----------

function calendarResponse(c: AppContext, body: string, filename: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`,
    'Cache-Control': FEED_CACHE,
  })
}

async function calendar(c: AppContext, wijk: WijkHome, opts: { themeId?: number; contentId?: number; name: string; filename: string }) {
  const { db, clock, config } = c.get('deps')
  const now = clock.now()
  const links = siteLinks(c, wijk)
  const series = await calendarSeries(db, now, {
    wijkId: wijk.id,
    from: new Date(now.getTime() - 30 * 86_400_000),
    themeId: opts.themeId,
    contentId: opts.contentId,
    limit: ICS_LIMIT,
  })
  const events = series.map((s) => ({ ...s, url: links.itemAbs(s) }))
  return calendarResponse(c, buildCalendar(opts.name, new URL(config.publicBaseUrl).hostname, events), opts.filename)
}

async function rssFeed(c: AppContext, module: Module) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db, clock } = c.get('deps')
  const wijk = await wijkFromUrl(c)
  const links = siteLinks(c, wijk)
  const items = await feedItems(db, clock.now(), wijk.id, typesOfModule(module), FEED_SIZE)
  const name = moduleName(module, lang)
  const xml = buildRss(
    { title: `${name} · ${wijk.name}`, url: links.abs(`/${module}`), selfUrl: links.abs(`/${module}.rss`), description: t('wijk-site.feed.description', { module: name, wijk: wijk.name }), lang },
    items.map((i) => ({ title: i.title, url: links.itemAbs(i), summary: i.summary, date: i.publishedAt ?? i.updatedAt })),
  )
  return c.body(xml, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': FEED_CACHE })
}

// ---------- Sitemap ----------

/**
 * One file while everything fits in the protocol's 50,000 URLs; beyond that /sitemap.xml is an
 * index of parts: ?deel=0 holds the places and module pages, ?deel=N the N-th block of items.
 */
async function sitemap(c: AppContext) {
  const { db, clock, config } = c.get('deps')
  const now = clock.now()
  const { deel } = readQuery(c, sitemapQuerySchema)
  const { wijken, cities } = await sitemapPlaces(db)
  const byId = new Map(wijken.map((w) => [w.id, w]))
  const placeEntries: Array<{ loc: string; lastmod?: Date }> = [{ loc: `${config.publicBaseUrl}/` }]
  for (const city of cities) placeEntries.push({ loc: `${config.publicBaseUrl}/${city.slug}/` })
  for (const w of wijken) {
    placeEntries.push({ loc: absoluteWijkUrl(c.get('deps'), w, '/'), lastmod: w.updatedAt })
    for (const m of MODULES) placeEntries.push({ loc: absoluteWijkUrl(c.get('deps'), w, `/${m}`) })
  }
  const itemEntries = (items: Awaited<ReturnType<typeof sitemapItems>>) =>
    items.flatMap((item) => {
      const w = byId.get(item.wijkId)
      return w ? [{ loc: absoluteWijkUrl(c.get('deps'), w, itemPathInWijk(item)), lastmod: item.updatedAt }] : []
    })
  const xml = (body: string) => c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': FEED_CACHE })

  const total = await countPublicItems(db, now)
  const split = placeEntries.length + total > SITEMAP.limit
  if (!split) {
    if (deel !== undefined) throw notFound()
    return xml(buildSitemap([...placeEntries, ...itemEntries(await sitemapItems(db, now, SITEMAP.limit))]))
  }
  const parts = Math.ceil(total / SITEMAP.limit)
  if (deel === undefined) {
    const locs = Array.from({ length: parts + 1 }, (_, n) => `${config.publicBaseUrl}/sitemap.xml?deel=${n}`)
    return xml(buildSitemapIndex(locs))
  }
  const n = Number(deel)
  if (n === 0) return xml(buildSitemap(placeEntries))
  if (n > parts) throw notFound()
  return xml(buildSitemap(itemEntries(await sitemapItems(db, now, SITEMAP.limit, (n - 1) * SITEMAP.limit))))
}

export const wijkSiteRoutes = new Hono<AppEnv>()
  .get('/sitemap.xml', guard('page.view'), (c) => sitemap(c))
  .get('/robots.txt', guard('page.view'), (c) => {
    const base = c.get('deps').config.publicBaseUrl
    const lines = ['User-agent: *', 'Disallow: /account/', 'Disallow: /mijn-gegevens', 'Disallow: /mijn-content', 'Disallow: /beheer', 'Disallow: /*/zoeken', 'Allow: /', `Sitemap: ${base}/sitemap.xml`]
    return c.body(lines.join('\n') + '\n', 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': FEED_CACHE })
  })
  .get('/:wijk/agenda.ics', guard('page.view'), async (c) => {
    const wijk = await wijkFromUrl(c)
    return calendar(c, wijk, { name: `${moduleName('agenda', c.get('lang'))} ${wijk.name}`, filename: `${wijk.slug}-agenda.ics` })
  })
  .get('/:wijk/:feed{(?:agenda|organisaties|prikbord|nieuws|etalage)\\.rss}', guard('page.view'), (c) => {
    const module = c.req.param('feed').replace(/\.rss$/, '')
    if (!isModule(module)) throw notFound()
    return rssFeed(c, module)
  })
  .get('/:wijk/agenda/afdrukken', guard('page.view'), (c) => printView(c))
  /** /<wijk>/agenda/<id>.ics is one activity ("add to my calendar"); /<wijk>/agenda/<theme>.ics a theme. */
  .get('/:wijk/agenda/:file{[a-z0-9-]+\\.ics}', guard('page.view'), async (c) => {
    const wijk = await wijkFromUrl(c)
    const name = c.req.param('file').replace(/\.ics$/, '')
    const lang = c.get('lang')
    if (/^[0-9]+$/.test(name)) {
      const id = idFromItemParam(name)
      const item = id === null ? null : await findPublicItem(c.get('deps').db, id, c.get('deps').clock.now())
      // No preview: a calendar app fetches this without the session, and it may be cached publicly.
      if (!item || item.wijkId !== wijk.id || item.type !== 'activity') throw notFound()
      return calendar(c, wijk, { contentId: item.id, name: item.title, filename: `${item.slug || item.id}.ics` })
    }
    const theme = await themeFrom(c, wijk.id, SLUG_PATTERN.test(name) ? name : '-')
    return calendar(c, wijk, { themeId: theme!.id, name: `${moduleName('agenda', lang)} ${wijk.name}: ${themeName(theme!, lang)}`, filename: `${wijk.slug}-${theme!.slug}.ics` })
  })
  .get('/:wijk/agenda/abonneren', guard('page.view'), (c) => subscribePage(c))
  .get('/:wijk/agenda', guard('page.view'), (c) => agendaList(c))
  .get('/:wijk/:module{(?:organisaties|prikbord|nieuws|etalage)}', guard('page.view'), (c) => moduleList(c, c.req.param('module') as Exclude<Module, 'agenda'>))
  .get('/:wijk/:module{(?:agenda|organisaties|prikbord|nieuws|etalage)}/:item', guard('page.view'), (c) => itemPage(c))
