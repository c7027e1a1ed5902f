/**
 * "Uitgelicht" on the wijk home (issue 14), through HTTP on the real database: the owner marks
 * an item from Mijn content only while their package gives `featured` (otherwise the reason and
 * a link to the packages), at most MAX_FEATURED_ITEMS at a time; the wijk home shows the marked
 * items in a labelled section, and stops showing them the moment the package ends, also on a
 * page the cache had kept.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import { buildSubscription } from '../../../test/billing.js'
import type { TestClient } from '../../../test/client.js'
import { contentItems } from '../content/content.tables.js'
import { buildPackage } from '../billing/billing.apply.test-helpers.js'
import { subscriptions } from '../billing/billing.subscriptions.tables.js'
import { MAX_FEATURED_ITEMS, setFeatured } from './my-content.featured.js'
import { fromLocal } from '../content/content.recurrence.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let adminId: string
let owner: BuiltUser
let client: TestClient
const items: number[] = []

const homePath = () => `/${wijk.slug}/`
const feature = (id: number, featured: 'yes' | 'no' = 'yes') => client.post(`/mijn-content/${id}/uitlichten`, { featured })
const featuredAt = async (id: number) => (await t.deps.db.select({ at: contentItems.featuredAt }).from(contentItems).where(eq(contentItems.id, id)))[0]!.at
/** The Uitgelicht section of the wijk home, or '' when it has none. */
const featuredSection = (body: string) => /<section class="home-block home-featured"[\s\S]*?<\/section>/.exec(body)?.[0] ?? ''
const endSubscription = (id: number) => t.deps.db.update(subscriptions).set({ status: 'ended', endedOn: '2026-03-02', updatedAt: t.clock.now() }).where(eq(subscriptions.id, id))

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Uitlichtbuurt' })
  adminId = (await buildUser(t, { role: 'admin' })).id
  owner = await buildUser(t, { homeWijkId: wijk.id, firstName: 'Fatima' })
  client = t.client()
  await login(client, owner)
  const now = t.clock.now()
  for (const title of ['Buurtmoestuin De Wortel', 'Repaircafé Oost', 'Taalcafé Samen', 'Kookclub Pan']) {
    const [row] = await t.deps.db
      .insert(contentItems)
      .values({ wijkId: wijk.id, type: 'organisation', status: 'published', title, slug: title.toLowerCase().replace(/[^a-z]+/g, '-'), summary: 'Voor de buurt', ownerId: owner.id, createdAt: now, updatedAt: now, publishedAt: now })
      .returning({ id: contentItems.id })
    items.push(row!.id)
  }
})
afterAll(() => t.stop())

describe('uitgelicht on the wijk home', () => {
  it('is refused without a package that gives featured, with the reason and a link to the packages', async () => {
    const list = await client.get('/mijn-content')
    expect(list.body).toContain(`action="/mijn-content/${items[0]}/uitlichten"`)
    expect(list.text).toContain('Uitlichten')

    const refused = await feature(items[0]!)
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('Uitlichten op de voorpagina van de wijk hoort bij een pakket')
    expect(refused.body).toMatch(/<a href="\/pakketten">Bekijk de pakketten<\/a>/)
    expect(await featuredAt(items[0]!)).toBeNull()

    // A package that gives something else does not do either.
    const other = await buildPackage(t, { period: 'maand', entitlements: ['etalage.extra', 'organisation.verified'] })
    const { subscriptionId } = await buildSubscription(t, { userId: owner.id, packageId: other.id, adminId })
    expect((await feature(items[0]!)).status).toBe(403)
    await endSubscription(subscriptionId)
  })

  it('with featured in force: marks, shows in a labelled section on the home, caps at the maximum, and goes when the package ends, also from a cached page', async () => {
    const visitor = t.client()
    const before = await visitor.get(homePath())
    expect(featuredSection(before.body)).toBe('')
    expect((await visitor.get(homePath())).res.headers.get('x-page-cache')).toBe('hit')

    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['featured'] })
    const { subscriptionId } = await buildSubscription(t, { userId: owner.id, packageId: pkg.id, adminId })
    for (const id of items.slice(0, MAX_FEATURED_ITEMS)) {
      const res = await feature(id)
      expect(res.status).toBe(303)
      expect(res.location).toBe('/mijn-content?melding=flash.my-content.featured')
    }
    expect(await featuredAt(items[0]!)).not.toBeNull()

    // One more than the maximum is refused, with the reason.
    const full = await feature(items[MAX_FEATURED_ITEMS]!)
    expect(full.status).toBe(409)
    expect(full.text).toContain(`Je hebt al ${MAX_FEATURED_ITEMS} berichten uitgelicht`)
    expect(await featuredAt(items[MAX_FEATURED_ITEMS]!)).toBeNull()

    const home = await visitor.get(homePath())
    expect(home.res.headers.get('x-page-cache')).toBe('miss')
    const section = featuredSection(home.body)
    expect(section).toContain('<h2 id="home-featured">Uitgelicht</h2>')
    expect(section).toContain('Organisaties met een betaald pakket van het platform')
    for (const title of ['Buurtmoestuin De Wortel', 'Repaircafé Oost', 'Taalcafé Samen']) expect(section).toContain(title)
    expect(section).not.toContain('Kookclub Pan')
    expect(section).toContain('uitgelicht met een pakket')
    expect((await client.get('/mijn-content')).text).toContain('Niet meer uitlichten')

    // Taking one off frees a place for another.
    expect((await feature(items[0]!, 'no')).status).toBe(303)
    expect(await featuredAt(items[0]!)).toBeNull()
    expect((await feature(items[MAX_FEATURED_ITEMS]!)).status).toBe(303)
    const after = featuredSection((await visitor.get(homePath())).body)
    expect(after).toContain('Kookclub Pan')
    expect(after).not.toContain('Buurtmoestuin De Wortel')
    expect((await visitor.get(homePath())).res.headers.get('x-page-cache')).toBe('hit')

    // The package ends: the marks stay, but nothing shows, and the kept page is not served.
    await endSubscription(subscriptionId)
    const ended = await visitor.get(homePath())
    expect(ended.res.headers.get('x-page-cache')).toBe('miss')
    expect(featuredSection(ended.body)).toBe('')
    expect(await featuredAt(items[MAX_FEATURED_ITEMS]!)).not.toBeNull()
    // Taking the mark off needs no package.
    expect((await feature(items[MAX_FEATURED_ITEMS]!, 'no')).status).toBe(303)
    expect(await featuredAt(items[MAX_FEATURED_ITEMS]!)).toBeNull()
  })

  it('shows a marked item only while its package runs: past the period end it is gone without any write', async () => {
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['featured'] })
    const { subscriptionId } = await buildSubscription(t, { userId: owner.id, packageId: pkg.id, adminId })
    expect(featuredSection((await t.client().get(homePath())).body)).toContain('Repaircafé Oost')
    const [sub] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId))
    t.clock.set(`${sub!.currentPeriodEnd}T08:00:00Z`)
    expect(featuredSection((await t.client().get(homePath())).body)).toBe('')
  })

  it('ends with the package at midnight in Amsterdam, where UTC is still on the day before', async () => {
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['featured'] })
    const { subscriptionId } = await buildSubscription(t, { userId: owner.id, packageId: pkg.id, adminId })
    const [sub] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId))
    const [year, month, day] = sub!.currentPeriodEnd.split('-').map(Number) as [number, number, number]
    const midnight = fromLocal({ year, month, day, hour: 0, minute: 0 })
    t.clock.set(new Date(midnight.getTime() - 2 * 60_000))
    expect(featuredSection((await t.client().get(homePath())).body)).toContain('Repaircafé Oost')
    t.clock.set(new Date(midnight.getTime() + 2 * 60_000))
    expect(new Date(midnight.getTime() + 2 * 60_000).toISOString().slice(0, 10)).not.toBe(sub!.currentPeriodEnd)
    expect(featuredSection((await t.client().get(homePath())).body)).toBe('')
  })

  it('is only for the owner, and decided in the service itself, not only by the route', async () => {
    const coManager = await buildUser(t, { homeWijkId: wijk.id })
    const other = t.client()
    await login(other, coManager)
    await other.get('/mijn-content')
    expect((await other.post(`/mijn-content/${items[0]}/uitlichten`, { featured: 'yes' })).status).toBe(403)
    await login(client, owner)
    await client.get('/mijn-content')
    const bad = await client.post(`/mijn-content/${items[0]}/uitlichten`, { featured: 'misschien' })
    expect(bad.status, bad.text).toBe(400)
    const actor = { user: { id: owner.id, email: owner.email, firstName: 'Fatima', lastName: null, lang: 'nl' as const, homeWijkId: wijk.id, emailVerified: true }, roles: [] }
    expect(await setFeatured(t.deps, actor, { id: items[0]!, featuredAt: null }, true)).toEqual({ ok: false, refused: 'package' })
  })
})
