/**
 * What a package entitles to, enforced (issue 14), through HTTP on the real database: Etalage
 * items beyond the free number only with `etalage.extra` in force, and the "Geverifieerd" mark
 * on an organisation only while its owner's package gives `organisation.verified` — also on a
 * page the cache had kept.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import { buildSubscription } from '../../../test/billing.js'
import type { TestClient } from '../../../test/client.js'
import { contentItems } from '../content/content.tables.js'
import { FREE_ETALAGE_ITEMS, createOwnItem } from '../my-content/my-content.own.js'
import { buildPackage } from './billing.apply.test-helpers.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { cancelAtPeriodEnd } from './billing.account.service.js'
import { findSubscription } from './billing.account.queries.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let adminId: string

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { name: 'Pakketbuurt' })
  adminId = (await buildUser(t, { role: 'admin' })).id
})
afterAll(() => t.stop())

const newPath = (type: string) => `/mijn-content/nieuw?type=${type}&wijk=${wijk.id}`
const subscriptionOf = async (id: number) => (await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!
const endSubscription = (id: number) => t.deps.db.update(subscriptions).set({ status: 'ended', endedOn: '2026-03-02', updatedAt: t.clock.now() }).where(eq(subscriptions.id, id))

async function post(client: TestClient, type: string, fields: Record<string, string>) {
  await client.get(newPath(type))
  return client.post(newPath(type), fields)
}

describe('Etalage items beyond the free number', () => {
  let shop: BuiltUser
  let client: TestClient
  let orgId: number
  let n = 0
  const showcase = () => ({ title: `Taart nummer ${++n}`, price: '12,50', businessId: String(orgId), summary: 'Met slagroom, wat je typte' })
  const etalageCount = async () =>
    (await t.deps.db.select({ n: count() }).from(contentItems).where(and(eq(contentItems.ownerId, shop.id), eq(contentItems.type, 'showcase'))))[0]!.n

  async function expectRefused() {
    const before = await etalageCount()
    const fields = showcase()
    const res = await post(client, 'showcase', fields)
    expect(res.status).toBe(403)
    expect(res.text).toContain(`Je hebt al ${FREE_ETALAGE_ITEMS} Etalage-items`)
    expect(res.body).toMatch(/<a href="\/pakketten">Bekijk de pakketten<\/a>/)
    // Nothing typed is lost.
    expect(res.body).toContain(`value="${fields.title}"`)
    expect(res.text).toContain('Met slagroom, wat je typte')
    expect(await etalageCount()).toBe(before)
  }

  beforeAll(async () => {
    shop = await buildUser(t, { homeWijkId: wijk.id, firstName: 'Sanne' })
    client = t.client()
    await login(client, shop)
    const org = await post(client, 'organisation', { title: 'Bakkerij Sanne' })
    orgId = Number(/\/mijn-content\/(\d+)\//.exec(org.location ?? '')?.[1])
    expect(orgId).toBeGreaterThan(0)
  })

  it(`allows ${FREE_ETALAGE_ITEMS} for free, refuses one more with the reason and a link to the packages, and keeps what was typed`, async () => {
    for (let i = 0; i < FREE_ETALAGE_ITEMS; i++) expect((await post(client, 'showcase', showcase())).status).toBe(303)
    await expectRefused()
    // Other types are not limited.
    expect((await post(client, 'news', { title: 'Open dag', publicationDate: '2026-03-02' })).status).toBe(303)
  })

  it('a package that gives something else does not lift the limit', async () => {
    const verifiedOnly = await buildPackage(t, { period: 'maand', entitlements: ['organisation.verified'] })
    const sub = await buildSubscription(t, { userId: shop.id, packageId: verifiedOnly.id, adminId })
    expect((await subscriptionOf(sub.subscriptionId)).status).toBe('active')
    await expectRefused()
    await endSubscription(sub.subscriptionId)
  })

  it('with etalage.extra in force (also when cancelled for the period end) there is no limit; past the period end, and once ended, the limit is back', async () => {
    const extra = await buildPackage(t, { period: 'maand', entitlements: ['etalage.extra'] })
    const { subscriptionId } = await buildSubscription(t, { userId: shop.id, packageId: extra.id, adminId })
    for (let i = 0; i < 2; i++) expect((await post(client, 'showcase', showcase())).status).toBe(303)
    // Cancelled at the end of the period: paid up to then, so still in force until then.
    expect(await cancelAtPeriodEnd(t.deps, shop.id, (await findSubscription(t.deps.db, subscriptionId))!)).toBe(true)
    expect((await subscriptionOf(subscriptionId)).status).toBe('ending')
    expect((await post(client, 'showcase', showcase())).status).toBe(303)
    expect(await etalageCount()).toBe(FREE_ETALAGE_ITEMS + 3)

    // The last day of the period still counts; the day it ends (exclusive) no longer does.
    const sub = await subscriptionOf(subscriptionId)
    t.clock.set(`${sub.currentPeriodEnd}T08:00:00Z`)
    await login(client, shop)
    await expectRefused()

    await endSubscription(subscriptionId)
    await expectRefused()
  })

  it('is enforced in the service itself, not only by the form', async () => {
    const refused = await createOwnItem(t.deps, { user: { id: shop.id, email: shop.email, firstName: 'Sanne', lastName: null, lang: 'nl', homeWijkId: wijk.id, emailVerified: true }, roles: [] }, {
      wijkId: wijk.id,
      type: 'showcase',
      columns: { title: 'Via de service', slug: 'via-de-service', businessId: orgId },
      themeIds: [],
    })
    expect(refused).toEqual({ ok: false, refused: 'etalageLimit' })
  })
})

describe('the verified mark of an organisation', () => {
  let ownerId: string
  let pagePath: string
  const listPath = () => `/${wijk.slug}/organisaties`
  const homePath = () => `/${wijk.slug}/`
  const visit = (path: string) => t.client().get(path)
  const hasMark = (body: string) => /<span class="chip chip-verified"><svg[^>]*aria-hidden="true"[^>]*><use href="[^"]*#verified"><\/use><\/svg>Geverifieerd/.test(body)

  beforeAll(async () => {
    ownerId = (await buildUser(t, { homeWijkId: wijk.id })).id
    const now = t.clock.now()
    const [org] = await t.deps.db
      .insert(contentItems)
      .values({ wijkId: wijk.id, type: 'organisation', status: 'published', title: 'Stichting De Brug', slug: 'stichting-de-brug', summary: 'Buurtwerk', ownerId, createdAt: now, updatedAt: now, publishedAt: now })
      .returning({ id: contentItems.id })
    pagePath = `/${wijk.slug}/organisaties/${org!.id}-stichting-de-brug`
  })

  it('appears on the page and the card while the package is in force, and goes when it ends, also on cached pages', async () => {
    const before = await visit(pagePath)
    expect(before.status).toBe(200)
    expect(hasMark(before.body)).toBe(false)
    expect((await visit(pagePath)).res.headers.get('x-page-cache')).toBe('hit')
    expect(hasMark((await visit(listPath())).body)).toBe(false)

    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['organisation.verified'] })
    const { subscriptionId } = await buildSubscription(t, { userId: ownerId, packageId: pkg.id, adminId })
    const page = await visit(pagePath)
    expect(page.res.headers.get('x-page-cache')).toBe('miss')
    expect(hasMark(page.body)).toBe(true)
    expect(page.text).toContain('(een organisatie met een pakket van het platform)')
    const card = (await visit(listPath())).body.match(/<article class="card item-card card-organisation[\s\S]*?<\/article>/)?.[0] ?? ''
    expect(card).toContain('Stichting De Brug')
    expect(hasMark(card)).toBe(true)
    // The wijk home's recently updated organisations show it too.
    expect(hasMark((await visit(homePath())).body)).toBe(true)
    expect((await visit(pagePath)).res.headers.get('x-page-cache')).toBe('hit')

    // Ended at once (a cancelled account), without a clock move: the kept page must not keep its mark.
    await endSubscription(subscriptionId)
    const after = await visit(pagePath)
    expect(after.res.headers.get('x-page-cache')).toBe('miss')
    expect(hasMark(after.body)).toBe(false)
    expect(hasMark((await visit(listPath())).body)).toBe(false)
    expect(hasMark((await visit(homePath())).body)).toBe(false)
  })

  it('is not given by a package without organisation.verified', async () => {
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['etalage.extra', 'featured'] })
    await buildSubscription(t, { userId: ownerId, packageId: pkg.id, adminId })
    expect(hasMark((await visit(pagePath)).body)).toBe(false)
  })

  it('goes with time alone when the period ends, on the first page after the kept minute', async () => {
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['organisation.verified'] })
    const { subscriptionId } = await buildSubscription(t, { userId: ownerId, packageId: pkg.id, adminId })
    expect(hasMark((await visit(listPath())).body)).toBe(true)
    expect(hasMark((await visit(pagePath)).body)).toBe(true)
    const [sub] = await t.deps.db.select({ end: subscriptions.currentPeriodEnd }).from(subscriptions).where(eq(subscriptions.id, subscriptionId))
    // The period runs up to, not including, its end: at noon that day nothing is in force, and nothing was written.
    t.clock.set(`${sub!.end}T12:00:00Z`)
    expect(hasMark((await visit(listPath())).body)).toBe(false)
    expect(hasMark((await visit(pagePath)).body)).toBe(false)
    expect(hasMark((await visit(homePath())).body)).toBe(false)
  })
})
