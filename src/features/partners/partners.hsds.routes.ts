/**
 * /api/hsds/: the Organisatiegids as Open Referral HSDS 3.0 (partners.hsds.ts), for partners whose
 * agreement covers organisations. Same key, same scope, same projection as /api/v1/.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard, rowLoader } from '../../kernel/policy/guard.js'
import type { ContentType } from '../content/content.tables.js'
import { themesOfItems } from '../wijk-site/wijk-site.queries.js'
import { cachedAnswers, conditionalAnswers, jsonAnswer, readApiQuery } from './partners.api.http.js'
import type { PageCache } from '../../kernel/http/page-cache.js'
import { apiItemOf } from './partners.api.present.js'
import { countSharedItems, findSharedItem, listSharedItems, type SharedItem } from './partners.api.queries.js'
import { hsdsListQuery, hsdsOrganizationOf, hsdsServiceOf, idFromHsdsUuid, pageOf } from './partners.hsds.js'

const ORGANISATIONS: ContentType[] = ['organisation']
const DEFAULT_PER_PAGE = 50

function scopeOf(c: AppContext) {
  const partner = c.get('actor').partner
  if (!partner) throw new Error('HSDS route without partnerKeyAuth')
  return { wijkIds: partner.wijkIds, types: ORGANISATIONS.filter((type) => partner.types.includes(type)) }
}

/** An organisation of the scope named by an HSDS UUID of the given kind. */
function byUuid(kind: 'organization' | 'service') {
  return rowLoader<SharedItem>(async (c) => {
    const id = idFromHsdsUuid(kind, c.req.param('id') ?? '')
    if (id === null) return null
    const { wijkIds, types } = scopeOf(c)
    const { db, clock } = c.get('deps')
    const item = await findSharedItem(db, clock.now(), id, types, wijkIds)
    return item && { row: item, resource: { wijkId: item.wijkId } }
  })
}

async function page(c: AppContext, present: 'organization' | 'service') {
  const read = readApiQuery(c, hsdsListQuery)
  if (!read.ok) return read.response
  const q = read.data
  const { wijkIds, types } = scopeOf(c)
  const { db, clock, config } = c.get('deps')
  const now = clock.now()
  const onlyOrg = q.organization_id ? idFromHsdsUuid('organization', q.organization_id) : undefined
  const query = {
    types: onlyOrg === null ? [] : types,
    wijkIds,
    q: q.search,
    updatedSince: q.modified_after ? new Date(q.modified_after) : undefined,
    // An organization's service has the organization's id: filtering by it is one item.
    afterId: onlyOrg ? onlyOrg - 1 : undefined,
  }
  const size = q.per_page ?? DEFAULT_PER_PAGE
  const number = q.page ?? 1
  const [total, { items }] = await Promise.all([
    onlyOrg ? Promise.resolve(-1) : countSharedItems(db, now, query),
    listSharedItems(db, now, { ...query, limit: onlyOrg ? 1 : size, offset: onlyOrg ? 0 : (number - 1) * size }),
  ])
  const found = onlyOrg ? items.filter((i) => i.id === onlyOrg) : items
  const themes = await themesOfItems(db, found.map((i) => i.id))
  const api = found.map((item) => apiItemOf(item, config.publicBaseUrl, themes.get(item.id) ?? []))
  const contents: unknown[] = present === 'organization' ? api.map((item) => hsdsOrganizationOf(item, false)) : api.map(hsdsServiceOf)
  return jsonAnswer(c, pageOf(contents, total < 0 ? contents.length : total, onlyOrg ? 1 : number, size))
}

const organization = byUuid('organization')
const service = byUuid('service')

/** The HSDS routes behind the key check (`partnerKeyAuth(meter)`, made once per platform). */
export const partnersHsdsRoutes = (keyCheck: MiddlewareHandler<AppEnv>, cache: PageCache) =>
  new Hono<AppEnv>()
    .use('/api/hsds/*', keyCheck, conditionalAnswers, cachedAnswers(cache))
    .get('/api/hsds/organizations', guard('partner.api.read'), (c) => page(c, 'organization'))
    .get('/api/hsds/services', guard('partner.api.read'), (c) => page(c, 'service'))
    .get('/api/hsds/organizations/:id', guard('partner.api.read', organization), async (c) => {
      const { db, config } = c.get('deps')
      const item = organization.row(c)
      const themes = await themesOfItems(db, [item.id])
      return jsonAnswer(c, hsdsOrganizationOf(apiItemOf(item, config.publicBaseUrl, themes.get(item.id) ?? []), true))
    })
    .get('/api/hsds/services/:id', guard('partner.api.read', service), (c) => {
      const { config } = c.get('deps')
      const item = service.row(c)
      return jsonAnswer(c, hsdsServiceOf(apiItemOf(item, config.publicBaseUrl, [])))
    })
