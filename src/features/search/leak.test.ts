/**
 * P05/P18: no private field ever reaches a public response. Every private contact field of
 * items of every type holds a unique sentinel, as do drafts, hidden and expired items and the
 * owner's own account; then every public URL the app has is requested: every GET route of the
 * router (parameters filled with real wijk slugs, item paths, modules, feeds), every URL in
 * /sitemap.xml, and every local link found on those pages (filters, pagination, per-theme
 * feeds). Then the enumerated URLs again as a logged-in member who owns nothing (at most
 * MEMBER_PER_ROUTE of one route). No body or header may contain a sentinel.
 *
 * New routes are covered automatically. A route parameter this test cannot fill makes it fail,
 * until the parameter gets a filler below or a reason in UNFILLABLE.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { users } from '../accounts/accounts.tables.js'
import { contentThemes, CONTENT_TYPES, type ContentType } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { MODULES, moduleOf } from '../content/content.urls.js'
import { buildItem, type ItemValues } from '../contact-form/items.test-helpers.js'
import { DAY } from '../../kernel/clock.js'
import { buildPartner } from '../../../test/partners.js'
import { partnerWidgets } from '../partners/partners.widgets.tables.js'
import { expandRoute, getRoutePaths, linkFamily as family, localLinks, type RouteContext as Ctx } from '../../../test/routes.js'

/** Every sentinel contains this; nothing public ever does. */
const MARK = 'sntl'

/** Parameters whose values cannot be derived from the data, and why skipping them is safe. */
const UNFILLABLE: Record<string, string> = {
  file: 'static assets and stored images are addressed by content hash; they are bytes, not text fields (image files are re-encoded without metadata)',
  token: 'invitation tokens are random secrets sent by mail; a wrong token shows only an error',
}

/** Values that are the same for every context: a document version. */
// Ids of beheer resources nested under a wijk: one value is enough, since those pages are never public.
const GLOBAL: Ctx = { n: '1', nid: '1', broadcastId: '1', pid: '1', itemId: '1', batchId: '1' }

/** An upper bound on requests beyond the enumerated URLs (links found on pages). */
const CRAWL_MAX = 3000

/** Found links per family (same path shape and query names): calendars page on forever. */
const PER_FAMILY = 8

/**
 * The logged-in pass takes at most this many URLs of one route, evenly spread over its list. Two
 * routes nest two ids filled from every id there is (a wijk's content item in beheer, a partner's
 * widget) and make 9,500 of the 15,000 URLs: a member is refused each of them, and the spread
 * still reaches every first id and many second ones. The anonymous pass takes them all.
 */
const MEMBER_PER_ROUTE = 150

/** Requests in flight at once. */
const CRAWLERS = 4

/** Links not worth following: the login page's return address makes every one unique. */
const NOT_FOLLOWED = /^\/account\/inloggen\?/

let t: TestPlatform
let visitor: TestClient
let member: TestClient
const contexts: Ctx[] = []
const pool = new Set<string>()

function sentinelItem(n: string, type: ContentType): Partial<ItemValues> {
  return {
    contactName: `SNTL-${n}-name`,
    contactEmail: `sntl-${n}-mail@leak.test`,
    contactPhone: `SNTL-${n}-phone`,
    contactAddress: `SNTL-${n}-address`,
    hiddenReason: `SNTL-${n}-reason`,
    ...(type === 'request' || type === 'offer' ? { category: 'overig', expiresAt: new Date(t.clock.now().getTime() + 20 * DAY) } : {}),
  }
}

function typeValues(type: ContentType, now: Date): Partial<ItemValues> {
  const start = new Date(now.getTime() + 2 * DAY)
  switch (type) {
    case 'activity':
      return { startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000), recurrence: { kind: 'weekly', until: null, exceptions: [] }, locationText: 'Buurthuis', joinInfo: 'Binnenlopen' }
    case 'organisation':
      return { offers: 'Koffie', openingHours: 'Ma 9-17', website: 'https://buurthuis.example' }
    case 'news':
      return {}
    case 'showcase':
      return { priceCents: 1250 }
    default:
      return {}
  }
}

beforeAll(async () => {
  t = await createTestPlatform()
  const now = t.clock.now()
  const wijken = [await buildWijk(t), await buildWijk(t)]
  const owner = await buildUser(t, { email: 'sntl-owner-mail@leak.test', firstName: 'SNTL-owner-first', lastName: 'SNTL-owner-last' })
  const gone = await buildUser(t, { email: 'sntl-cancelled-mail@leak.test', firstName: 'SNTL-cancelled-first' })
  for (const wijk of wijken) {
    await ensureDefaultThemes(t.deps.db, wijk.id)
    const themes = await listThemes(t.deps.db, wijk.id)
    for (const th of themes) pool.add(th.slug).add(`${th.slug}.ics`).add(`${th.slug}.rss`)
    contexts.push({ wijk: wijk.slug, slug: wijk.slug, city: wijk.citySlug, id: String(wijk.id) })
    contexts.push({ slug: wijk.citySlug, wijk: wijk.slug })
    for (const [i, type] of CONTENT_TYPES.entries()) {
      const n = `${wijk.slug}-${type}`
      const values = { wijkId: wijk.id, type, ownerId: owner.id, ...typeValues(type, now) }
      const items = [
        await buildItem(t, { ...values, ...sentinelItem(`${n}-a`, type), title: `Openbaar ${type} een`, body: 'Iets voor de **buurt**.' }),
        await buildItem(t, { ...values, ...sentinelItem(`${n}-b`, type), title: `Openbaar ${type} twee`, contactName: 'Openbare Contactnaam', contactNamePublic: true }),
        await buildItem(t, { ...values, ...sentinelItem(`${n}-c`, type), status: 'draft', title: `SNTL-${n}-draft-title`, summary: `SNTL-${n}-draft-summary`, body: `SNTL-${n}-draft-body`, slug: 'concept' }),
        await buildItem(t, { ...values, ...sentinelItem(`${n}-d`, type), status: 'hidden', title: `SNTL-${n}-hidden-title`, slug: 'verborgen' }),
        await buildItem(t, { ...values, ...sentinelItem(`${n}-e`, type), ownerId: gone.id, title: `SNTL-${n}-cancelled-owner`, slug: 'opgezegd' }),
      ]
      if (type === 'request' || type === 'offer') {
        items.push(await buildItem(t, { ...values, ...sentinelItem(`${n}-f`, type), title: `SNTL-${n}-expired`, slug: 'verlopen', expiresAt: new Date(now.getTime() - DAY) }))
      }
      for (const item of items) {
        await t.deps.db.insert(contentThemes).values({ contentId: item.id, themeId: themes[i % themes.length]!.id })
        if (type === 'activity') await rebuildOccurrences(t.deps.db, item.id, now)
        const itemParam = `${item.id}-${item.slug}`
        pool.add(itemParam).add(`${itemParam}.ics`).add(String(item.id))
        contexts.push({ wijk: wijk.slug, slug: wijk.slug, module: moduleOf(type), item: itemParam, id: String(item.id), file: `${itemParam}.ics` })
      }
    }
  }
  await t.deps.db.update(users).set({ status: 'cancelled' }).where(eq(users.id, gone.id))
  // Partner widgets of every module over both wijken: their JSON, iframe page and oEmbed are walked too (P11).
  const partner = await buildPartner(t, { wijkIds: wijken.map((w) => w.id), origins: ['https://partner.example'] })
  for (const wijk of wijken) {
    for (const module of MODULES) {
      const [widget] = await t.deps.db
        .insert(partnerWidgets)
        .values({ partnerId: partner.id, module, wijkId: wijk.id, itemCount: 20, lang: 'nl', label: module, createdAt: now, updatedAt: now })
        .returning({ id: partnerWidgets.id })
      contexts.push({ id: widget!.id, widgetId: widget!.id })
    }
  }
  for (const m of MODULES) pool.add(m).add(`${m}.rss`).add(`${m}.atom`).add(`${m}.ics`).add(`${m}.xml`)
  pool.add('1')

  visitor = t.client()
  member = t.client()
  const someone = await buildUser(t, { email: 'buurman@example.test' })
  await login(member, someone)
}, 120_000)
afterAll(() => t.stop())

/** Concrete URLs for a route, or the reason it cannot be filled. */
function expand(path: string): { urls: string[]; unfilled: string[] } {
  return expandRoute(path, { contexts, pool, global: GLOBAL, unfillable: UNFILLABLE })
}

/** At most `max` of the list, evenly spread from its first to its last. */
function evenlySpread<T>(list: T[], max: number): T[] {
  if (list.length <= max) return list
  return Array.from({ length: max }, (_, i) => list[Math.floor((i * (list.length - 1)) / (max - 1))]!)
}

function leaks(body: string, headers: Headers): string[] {
  const found: string[] = []
  if (body.toLowerCase().includes(MARK)) {
    const i = body.toLowerCase().indexOf(MARK)
    found.push(`body: …${body.slice(Math.max(0, i - 80), i + 60)}…`)
  }
  for (const [name, value] of headers) if (value.toLowerCase().includes(MARK)) found.push(`header ${name}: ${value}`)
  return found
}

describe('sentinel leak test (P05, P18)', () => {
  it('shows no private field, draft, hidden or expired item on any public URL, feed or sitemap entry', async () => {
    const routes = getRoutePaths(t.app)
    const start = new Set<string>()
    const forMember = new Set<string>()
    const cannotFill: string[] = []
    for (const path of routes) {
      const { urls, unfilled } = expand(path)
      if (unfilled.length) cannotFill.push(`${path} (${unfilled.join(', ')})`)
      for (const url of urls) start.add(url)
      for (const url of evenlySpread(urls, MEMBER_PER_ROUTE)) forMember.add(url)
    }
    expect(cannotFill, 'route parameters without a filler: add one, or a reason in UNFILLABLE').toEqual([])

    const sitemap = await visitor.get('/sitemap.xml')
    if (sitemap.status === 200) {
      for (const url of localLinks(sitemap.body)) {
        start.add(url)
        forMember.add(url)
      }
    }

    const problems: string[] = []
    const statuses = new Map<number, number>()
    const queue = [...start]
    const seen = new Set(queue)
    let requested = 0
    const families = new Map<string, number>()
    const serverErrors: string[] = []
    // A few crawlers share the queue: pages render while the database thread answers another.
    const crawler = async () => {
      while (queue.length && requested < start.size + CRAWL_MAX) {
        const url = queue.shift()!
        requested++
        const page = await visitor.get(url)
        statuses.set(page.status, (statuses.get(page.status) ?? 0) + 1)
        for (const leak of leaks(page.body, page.res.headers)) problems.push(`GET ${url} → ${page.status}: ${leak}`)
        if (page.status >= 500) serverErrors.push(`GET ${url} → ${page.status}`)
        const type = page.res.headers.get('content-type') ?? ''
        if (!/html|xml|calendar|rss|atom|text/.test(type)) continue
        const next = page.status >= 300 && page.status < 400 && page.location ? [page.location.replace(/^https?:\/\/localhost(?::\d+)?/, '')] : localLinks(page.body)
        for (const link of next) {
          if (seen.has(link) || link.startsWith('/static/') || NOT_FOLLOWED.test(link)) continue
          const fam = family(link)
          const count = families.get(fam) ?? 0
          if (count >= PER_FAMILY) continue
          families.set(fam, count + 1)
          seen.add(link)
          queue.push(link)
        }
      }
    }
    await Promise.all(Array.from({ length: CRAWLERS }, crawler))
    expect(serverErrors).toEqual([])
    // The enumerated URLs again for a logged-in account holder who owns none of the items.
    const enumerated = [...forMember]
    await Promise.all(
      Array.from({ length: CRAWLERS }, async () => {
        for (let url = enumerated.shift(); url !== undefined; url = enumerated.shift()) {
          const page = await member.get(url)
          for (const leak of leaks(page.body, page.res.headers)) problems.push(`GET ${url} (logged in) → ${page.status}: ${leak}`)
        }
      }),
    )
    expect(problems).toEqual([])
    // The test really reached content: item pages and lists answered, not only 404s.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50)
    expect(requested).toBeGreaterThanOrEqual(start.size)
    expect(forMember.size).toBeGreaterThan(MEMBER_PER_ROUTE)
    expect(queue, 'the crawl ended before visiting every link family').toEqual([])
  }, 300_000)

  it('the sentinels are really there, so the test can fail', async () => {
    // The owner's own preview shows what the owner entered; the leak test above would catch it
    // if any public page did the same.
    const { findContactRecipient } = await import('../contact-form/contact-form.queries.js')
    const [ctx] = contexts.filter((c) => c.item)
    const recipient = await findContactRecipient(t.deps.db, Number(ctx!.id))
    expect(recipient?.email).toMatch(/^sntl-/)
    expect(leaks('x SNTL-y', new Headers())).toHaveLength(1)
  })
})
