/**
 * The wijk's own host name set by its ambassadeur (issue 14), through HTTP on the real database:
 * only with a package that gives `wijk.host` (otherwise the reason and a link to the packages,
 * with what was typed kept), validated like the admin's form; the name then routes the wijk; a
 * wijkbeheerder cannot; when the package lapses the name stops being served and the wijk is at its
 * path again, while a host name an admin set is unaffected.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import { buildSubscription } from '../../../test/billing.js'
import type { TestClient } from '../../../test/client.js'
import { wijken } from '../places/places.tables.js'
import { setOwnHostName } from '../places/places.service.js'
import { buildPackage } from '../billing/billing.apply.test-helpers.js'
import { subscriptions } from '../billing/billing.subscriptions.tables.js'

let t: TestPlatform
let wijk: { id: number; slug: string }
let adminId: string
let ambassadeur: BuiltUser
let client: TestClient
const OWN = 'www.lindehof.test'

const page = () => `/beheer/wijken/${wijk.id}/domeinnaam`
async function post(c: TestClient, hostName: string) {
  await c.get(page())
  return c.post(page(), { hostName })
}
const stored = async () => (await t.deps.db.select({ hostName: wijken.hostName, byPackage: wijken.hostNameByPackage }).from(wijken).where(eq(wijken.id, wijk.id)))[0]!
const onOwnHost = (path = '/') => t.client().get(path, { host: OWN })
const endSubscription = (id: number) => t.deps.db.update(subscriptions).set({ status: 'ended', endedOn: '2026-03-02', updatedAt: t.clock.now() }).where(eq(subscriptions.id, id))

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t, { slug: 'lindehof', name: 'Lindehof' })
  await buildWijk(t, { slug: 'andershof', name: 'Andershof', hostName: 'www.andershof.test' })
  adminId = (await buildUser(t, { role: 'admin' })).id
  ambassadeur = await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id })
  client = t.client()
  await login(client, ambassadeur)
})
afterAll(() => t.stop())

describe("the wijk's own host name", () => {
  it('is refused without a package that gives wijk.host: the reason, a link to the packages, and what was typed kept', async () => {
    const shown = await client.get(page())
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('Een eigen domeinnaam voor de wijk hoort bij een pakket')
    expect(shown.body).toMatch(/<a href="\/pakketten">Bekijk de pakketten<\/a>/)
    // The team's dashboard links the page for the ambassadeur.
    expect((await client.get(`/beheer/wijken/${wijk.id}/overzicht`)).body).toContain(`href="/beheer/wijken/${wijk.id}/domeinnaam"`)

    const refused = await post(client, OWN)
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('Je pakket geeft geen eigen domeinnaam')
    expect(refused.body).toMatch(/<a href="\/pakketten">Bekijk de pakketten<\/a>/)
    expect(refused.body).toContain(`value="${OWN}"`)
    expect((await stored()).hostName).toBeNull()

    // A package that gives the other entitlements does not do either.
    const other = await buildPackage(t, { period: 'maand', entitlements: ['featured', 'organisation.verified'] })
    const { subscriptionId } = await buildSubscription(t, { userId: ambassadeur.id, packageId: other.id, adminId })
    expect((await post(client, OWN)).status).toBe(403)
    await endSubscription(subscriptionId)
  })

  it('is not for a wijkbeheerder of the wijk, nor for the ambassadeur of another wijk', async () => {
    const wijkbeheerder = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const wb = t.client()
    await login(wb, wijkbeheerder)
    expect((await wb.get(page())).status).toBe(403)
    expect((await wb.post(page(), { hostName: OWN })).status).toBe(403)
    expect((await wb.get(`/beheer/wijken/${wijk.id}/overzicht`)).body).not.toContain('/domeinnaam"')

    const elsewhere = await buildUser(t, { role: 'ambassadeur', wijkId: (await buildWijk(t, { slug: 'verderop' })).id })
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['wijk.host'] })
    await buildSubscription(t, { userId: elsewhere.id, packageId: pkg.id, adminId })
    const other = t.client()
    await login(other, elsewhere)
    expect((await other.get(page())).status).toBe(403)
    expect((await other.post(page(), { hostName: OWN })).status).toBe(403)
    expect((await stored()).hostName).toBeNull()

    // A platform admin is pointed at the wijk's own form, where they set host names.
    const admin = t.client()
    await login(admin, await buildUser(t, { role: 'admin' }))
    const forAdmin = await admin.get(page())
    expect(forAdmin.status).toBe(200)
    expect(forAdmin.body).toContain(`<a href="/beheer/wijken/${wijk.id}">Naar de gegevens van de wijk</a>`)
    expect(forAdmin.body).not.toContain('name="hostName"')
  })

  it('with wijk.host in force: validated, set, routes the wijk at its root, and stops being served when the package ends', async () => {
    const pkg = await buildPackage(t, { period: 'maand', entitlements: ['wijk.host'] })
    const { subscriptionId } = await buildSubscription(t, { userId: ambassadeur.id, packageId: pkg.id, adminId })
    expect((await client.get(page())).text).not.toContain('hoort bij een pakket')

    // The checks of the admin's form: a host name, not the platform's own, not another wijk's.
    const invalid = await post(client, 'geen domein')
    expect(invalid.status).toBe(422)
    expect(invalid.body).toContain('id="hostName-error"')
    expect(invalid.body).toContain('value="geen domein"')
    // (The tests' platform is at localhost, which is no host name a wijk could have; ask the service with a real one.)
    const platform = await setOwnHostName(t.deps, { wijkId: wijk.id, hostName: 'wijkconnect.test', platformHost: 'wijkconnect.test', actorUserId: ambassadeur.id, mayOwn: async () => true })
    expect(platform).toEqual({ ok: false, errors: { hostName: 'places.hostName.platform' } })
    const taken = await post(client, 'www.andershof.test')
    expect(taken.status).toBe(422)
    expect(taken.text).toContain('Deze domeinnaam hoort al bij een andere wijk.')

    const set = await post(client, OWN.toUpperCase())
    expect(set.status).toBe(303)
    expect(await stored()).toEqual({ hostName: OWN, byPackage: true })
    const home = await onOwnHost()
    expect(home.status).toBe(200)
    expect(home.body).toMatch(/<h1>Lindehof<\/h1>/)
    expect(home.body).toContain(`<link rel="canonical" href="http://${OWN}/"`)
    expect((await onOwnHost('/agenda')).status).toBe(200)

    // The package ends: the name stays stored, but is not served, and the wijk is at its path.
    await endSubscription(subscriptionId)
    await t.hostMap.reload(t.deps.db)
    expect((await onOwnHost()).body).not.toMatch(/<h1>Lindehof<\/h1>/)
    const atPath = await t.client().get(`/${wijk.slug}/`)
    expect(atPath.status).toBe(200)
    expect(atPath.body).not.toContain(OWN)
    expect(atPath.body).toContain(`/${wijk.slug}/"`)
    expect((await stored()).hostName).toBe(OWN)
    expect((await client.get(page())).text).toContain('wordt niet gebruikt')

    // A new package serves it again; past the period end (nothing written) it lapses once more.
    const again = await buildSubscription(t, { userId: ambassadeur.id, packageId: pkg.id, adminId })
    await t.hostMap.reload(t.deps.db)
    expect((await onOwnHost()).body).toMatch(/<h1>Lindehof<\/h1>/)
    const [sub] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, again.subscriptionId))
    t.clock.set(`${sub!.currentPeriodEnd}T08:00:00Z`)
    await t.hostMap.reload(t.deps.db)
    expect((await onOwnHost()).body).not.toMatch(/<h1>Lindehof<\/h1>/)
  })

  it('can be cleared without a package; one an admin set is unaffected by packages and not the ambassadeur’s to change', async () => {
    await login(client, ambassadeur)
    const cleared = await post(client, '')
    expect(cleared.status).toBe(303)
    expect(await stored()).toEqual({ hostName: null, byPackage: false })

    // The admin sets one in the wijk's own form (places), as before: served without any package.
    await t.deps.db.update(wijken).set({ hostName: OWN, hostNameByPackage: false }).where(eq(wijken.id, wijk.id))
    await t.hostMap.reload(t.deps.db)
    expect((await onOwnHost()).body).toMatch(/<h1>Lindehof<\/h1>/)
    const shown = await client.get(page())
    expect(shown.text).toContain('ingesteld door de platformbeheerder')
    expect(shown.body).not.toContain('name="hostName"')
    const refused = await client.post(page(), { hostName: '' })
    expect(refused.status).toBe(409)
    expect(await stored()).toEqual({ hostName: OWN, byPackage: false })
  })
})
