/**
 * The partner API, /api/v1/ (P11): wijk content for partner websites, only under an agreement in
 * force, only within its scope, only what the public may see and the owner lets partners show.
 * Every answer is built from the public projection (partners.api.queries.ts). Versioned path: a
 * change that could break a partner's code gets /api/v2/, and v1 keeps working for at least six
 * months after v2 appears (docs/api.md).
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import { parseId, queryValues } from '../../kernel/http/params.js'
import { problem } from '../../kernel/http/problem.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { fromLocal, toLocal } from '../content/content.recurrence.js'
import type { ContentType } from '../content/content.tables.js'
import { findCityBySlug, findWijkBySlug } from '../places/places.queries.js'
import { themesOfItems } from '../wijk-site/wijk-site.queries.js'
import { cachedAnswers, conditionalAnswers, jsonAnswer, readApiQuery, wantsJsonLd } from './partners.api.http.js'
import type { PageCache } from '../../kernel/http/page-cache.js'
import { jsonLdDocument } from './partners.api.jsonld.js'
import { apiItemOf } from './partners.api.present.js'
import { changesSince, findSharedItem, latestChange, listSharedItems, occurrencesOf, themesIn, wijkenOf, type ChangesCursor, type SharedItem } from './partners.api.queries.js'
import { CHANGES_KEPT_DAYS, changesKeptSince } from './partners.changes.retention.js'
import { changesQuery, emptyQuery, ITEM_RESOURCES, itemListQuery, type ItemListQuery, type ItemResource } from './partners.api.schema.js'

const DEFAULT_PAGE_SIZE = 20
/** Without a range, activities are listed for this long from today. */
const DEFAULT_RANGE_DAYS = 90

function scopeOf(c: AppContext) {
  const partner = c.get('actor').partner
  if (!partner) throw new Error('partner API route without partnerKeyAuth')
  return partner
}

/** The resource's content types the agreement covers. */
function typesFor(c: AppContext, resource: ItemResource): ContentType[] {
  const { types } = scopeOf(c)
  return ITEM_RESOURCES[resource].filter((type) => types.includes(type))
}

function outOfScope(c: AppContext, detail: 'partners.api.outOfScope.detail' | 'partners.api.typeOutOfScope.detail' = 'partners.api.outOfScope.detail') {
  const t = c.get('t')
  return problem(403, 'out_of_scope', t('partners.api.outOfScope.title'), t(detail))
}

/** Start of an Amsterdam day "YYYY-MM-DD". */
function dayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return fromLocal({ year, month, day: date, hour: 0, minute: 0 })
}

function todayStart(now: Date): Date {
  const l = toLocal(now)
  return fromLocal({ ...l, hour: 0, minute: 0 })
}

function cursorText(cursor: ChangesCursor): string {
  return `${cursor.seq}.${cursor.at.getTime()}`
}

function nextLink(c: AppContext, params: Record<string, string>): string {
  const url = new URL(c.req.url)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return url.pathname + url.search
}

/**
 * The wijken a list covers: the scope, narrowed by ?wijk= or ?city=. The guard has refused a
 * wijk or city outside the scope; an unknown slug answers 404 like an unknown item.
 */
const listPlace = rowLoader<number[] | null>(async (c) => {
  // A query that does not fit is the handler's to refuse, with the parameters named.
  const parsed = itemListQuery.safeParse(queryValues(c.req.url))
  if (!parsed.success) return { row: null, resource: {} }
  const { wijk, city } = parsed.data
  const { db } = c.get('deps')
  if (wijk) {
    const found = await findWijkBySlug(db, wijk)
    // A wijk that is not launched is unknown to partners, like a slug that names nothing.
    if (!found?.launchedAt) return null
    return { row: [found.id], resource: { wijkId: found.id } }
  }
  if (city) {
    const found = await findCityBySlug(db, city)
    if (!found) return null
    const ids = found.wijken.map((w) => w.id)
    return { row: ids, resource: { wijkIds: ids } }
  }
  return { row: null, resource: {} }
})

function itemRoutes(app: Hono<AppEnv>, resource: ItemResource) {
  const one = rowLoader<SharedItem>(async (c) => {
    const id = parseId(c.req.param('id'))
    if (id === null) return null
    const { wijkIds } = scopeOf(c)
    const { db, clock } = c.get('deps')
    const item = await findSharedItem(db, clock.now(), id, typesFor(c, resource), wijkIds)
    return item && { row: item, resource: { wijkId: item.wijkId } }
  })

  app.get(`/api/v1/${resource}`, guard('partner.api.read', listPlace), async (c) => {
    const read = readApiQuery(c, itemListQuery)
    if (!read.ok) return read.response
    const q: ItemListQuery = read.data
    const types = typesFor(c, resource).filter((type) => resource !== 'prikbord' || !q.type || type === q.type)
    if (types.length === 0) return outOfScope(c, 'partners.api.typeOutOfScope.detail')
    const scope = scopeOf(c).wijkIds
    const narrowed = listPlace.row(c)
    const wijkIds = narrowed ? narrowed.filter((id) => scope.includes(id)) : scope
    const { db, clock, config } = c.get('deps')
    const now = clock.now()
    // Taken before the read: whatever changes from here on is in the next sync, at worst twice.
    const sync = await latestChange(db, now)
    const isActivities = resource === 'activities'
    const from = q.from ? dayStart(q.from) : todayStart(now)
    const to = q.to ? addMs(dayStart(q.to), DAY) : addMs(from, DEFAULT_RANGE_DAYS * DAY)
    const limit = q.limit ?? DEFAULT_PAGE_SIZE
    const { items, hasMore } = await listSharedItems(db, now, {
      types,
      wijkIds,
      themeSlug: q.theme,
      q: q.q,
      updatedSince: q.updated_since ? new Date(q.updated_since) : undefined,
      occursFrom: isActivities ? from : undefined,
      occursTo: isActivities ? to : undefined,
      afterId: q.cursor,
      limit,
    })
    const ids = items.map((i) => i.id)
    const [themes, occurrences] = await Promise.all([themesOfItems(db, ids), isActivities ? occurrencesOf(db, ids, from, to) : Promise.resolve(null)])
    const data = items.map((item) => apiItemOf(item, config.publicBaseUrl, themes.get(item.id) ?? [], occurrences ? (occurrences.get(item.id) ?? []) : undefined))
    if (wantsJsonLd(c)) return jsonAnswer(c, jsonLdDocument(data), 'application/ld+json')
    return jsonAnswer(c, {
      data,
      links: { next: hasMore ? nextLink(c, { cursor: String(items.at(-1)!.id) }) : null },
      meta: { sync: { updated_since: now.toISOString(), changes_since: cursorText(sync) } },
    })
  })

  app.get(`/api/v1/${resource}/:id`, guard('partner.api.read', one), async (c) => {
    const read = readApiQuery(c, emptyQuery)
    if (!read.ok) return read.response
    const item = one.row(c)
    const { db, clock, config } = c.get('deps')
    const themes = await themesOfItems(db, [item.id])
    const now = clock.now()
    const occurrences = item.type === 'activity' ? await occurrencesOf(db, [item.id], todayStart(now), addMs(todayStart(now), DEFAULT_RANGE_DAYS * DAY)) : null
    const data = apiItemOf(item, config.publicBaseUrl, themes.get(item.id) ?? [], occurrences ? (occurrences.get(item.id) ?? []) : undefined)
    if (wantsJsonLd(c)) return jsonAnswer(c, jsonLdDocument([data]), 'application/ld+json')
    return jsonAnswer(c, { data })
  })
}

/** The API's routes behind the key check (`partnerKeyAuth(meter)`, made once per platform). */
export function partnersApiRoutes(keyCheck: MiddlewareHandler<AppEnv>, cache: PageCache): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.use('/api/v1/*', keyCheck, conditionalAnswers, cachedAnswers(cache, (path) => path === '/api/v1/changes'))

  routes.get('/api/v1/wijken', guard('partner.api.read'), async (c) => {
    const read = readApiQuery(c, emptyQuery)
    if (!read.ok) return read.response
    const { db, config } = c.get('deps')
    const rows = await wijkenOf(db, scopeOf(c).wijkIds)
    return jsonAnswer(c, {
      data: rows.map((w) => ({ id: w.id, slug: w.slug, name: w.name, url: `${config.publicBaseUrl}/${w.slug}/`, city: { id: w.cityId, slug: w.citySlug, name: w.cityName } })),
    })
  })

  routes.get('/api/v1/cities', guard('partner.api.read'), async (c) => {
    const read = readApiQuery(c, emptyQuery)
    if (!read.ok) return read.response
    const { db } = c.get('deps')
    const rows = await wijkenOf(db, scopeOf(c).wijkIds)
    const byCity = new Map<number, { id: number; slug: string; name: string; wijken: Array<{ id: number; slug: string; name: string }> }>()
    for (const w of rows) {
      const city = byCity.get(w.cityId) ?? { id: w.cityId, slug: w.citySlug, name: w.cityName, wijken: [] }
      city.wijken.push({ id: w.id, slug: w.slug, name: w.name })
      byCity.set(w.cityId, city)
    }
    return jsonAnswer(c, { data: [...byCity.values()] })
  })

  routes.get('/api/v1/themes', guard('partner.api.read'), async (c) => {
    const read = readApiQuery(c, emptyQuery)
    if (!read.ok) return read.response
    const { db } = c.get('deps')
    const rows = await themesIn(db, scopeOf(c).wijkIds)
    return jsonAnswer(c, { data: rows.map((th) => ({ wijk_id: th.wijkId, slug: th.slug, name_nl: th.nameNl, name_en: th.nameEn })) })
  })

  for (const resource of Object.keys(ITEM_RESOURCES) as ItemResource[]) itemRoutes(routes, resource)

  routes.get('/api/v1/changes', guard('partner.api.read'), async (c) => {
    const read = readApiQuery(c, changesQuery)
    if (!read.ok) return read.response
    const { db, clock } = c.get('deps')
    const now = clock.now()
    const { types, wijkIds } = scopeOf(c)
    if (!read.data.since) {
      const start = await latestChange(db, now)
      return jsonAnswer(c, { data: [], links: { next: nextLink(c, { since: cursorText(start) }) }, meta: { has_more: false } })
    }
    const [seq, at] = read.data.since.split('.').map(Number) as [number, number]
    // Older than the log reaches: removals may have been purged, so the feed could not be complete.
    if (at < changesKeptSince(now).getTime()) {
      const t = c.get('t')
      return problem(410, 'changes_expired', t('partners.api.changesExpired.title'), t('partners.api.changesExpired.detail', { days: CHANGES_KEPT_DAYS }))
    }
    const result = await changesSince(db, now, { seq, at: new Date(at) }, types as ContentType[], wijkIds)
    return jsonAnswer(c, {
      data: result.changes.map((ch) => ({ id: ch.id, type: ch.type, change: ch.change, at: ch.at.toISOString() })),
      links: { next: nextLink(c, { since: cursorText(result.next) }) },
      meta: { has_more: result.hasMore },
    })
  })

  return routes
}
