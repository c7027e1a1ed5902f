/**
 * What packages entitle to, in a real browser (Chromium) with axe: the new-item form refusing a
 * fourth Etalage item (the reason and the link to the packages beside the form, what was typed
 * kept), and an organisation's page and card with the "Geverifieerd" mark. Skipped where no
 * Chromium is installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, expectPageAccessible, loggedInPage } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildSubscription } from '../../test/billing.js'
import { buildPackage } from '../../src/features/billing/billing.apply.test-helpers.js'
import { contentItems } from '../../src/features/content/content.tables.js'
import { FREE_ETALAGE_ITEMS } from '../../src/features/my-content/my-content.own.js'

const run = browserAvailable()

describe.runIf(run)('entitlements in the browser', () => {
  let rig: BrowserRig
  beforeAll(async () => {
    rig = await startBrowserRig()
  })
  afterAll(() => rig?.stop())

  it('the refused fourth Etalage item and the verified organisation pass axe', async () => {
    const { db, clock } = rig.t.deps
    const now = clock.now()
    const wijk = await buildWijk(rig.t, { name: 'Markemeer' })
    const user = await buildUser(rig.t, { homeWijkId: wijk.id, firstName: 'Sanne' })
    const admin = await buildUser(rig.t, { role: 'admin' })
    const base = { wijkId: wijk.id, ownerId: user.id, createdAt: now, updatedAt: now }
    const [org] = await db
      .insert(contentItems)
      .values({ ...base, type: 'organisation', status: 'published', publishedAt: now, title: 'Bakkerij Sanne', slug: 'bakkerij-sanne', summary: 'Brood en taart' })
      .returning({ id: contentItems.id })
    for (let i = 1; i <= FREE_ETALAGE_ITEMS; i++) await db.insert(contentItems).values({ ...base, type: 'showcase', title: `Taart ${i}`, slug: `taart-${i}`, businessId: org!.id })

    const page = await loggedInPage(rig, user)
    await page.goto(`${rig.baseUrl}/mijn-content/nieuw?type=showcase&wijk=${wijk.id}`)
    await page.fill('#title', 'Appeltaart')
    await page.selectOption('#businessId', String(org!.id))
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')])
    expect(await page.locator('#package-needed a[href="/pakketten"]').count()).toBe(1)
    expect(await page.inputValue('#title')).toBe('Appeltaart')
    await expectPageAccessible(page, 'new Etalage item refused without a package')

    const pkg = await buildPackage(rig.t, { period: 'maand', entitlements: ['organisation.verified'] })
    await buildSubscription(rig.t, { userId: user.id, packageId: pkg.id, adminId: admin.id })
    await page.goto(`${rig.baseUrl}/${wijk.slug}/organisaties/${org!.id}-bakkerij-sanne`)
    expect(await page.locator('main .chip-verified').isVisible()).toBe(true)
    await expectPageAccessible(page, 'verified organisation page')
    await page.goto(`${rig.baseUrl}/${wijk.slug}/organisaties`)
    expect(await page.locator('main .item-card .chip-verified').count()).toBe(1)
    await expectPageAccessible(page, 'organisation cards with a verified one')
  })

  it('the refused Uitlichten, the wijk home with its Uitgelicht section and the own host name page pass axe', async () => {
    const { db, clock } = rig.t.deps
    const now = clock.now()
    const wijk = await buildWijk(rig.t, { name: 'Lichtenhof' })
    const owner = await buildUser(rig.t, { homeWijkId: wijk.id, firstName: 'Fatima' })
    const admin = await buildUser(rig.t, { role: 'admin' })
    const [org] = await db
      .insert(contentItems)
      .values({ wijkId: wijk.id, ownerId: owner.id, createdAt: now, updatedAt: now, type: 'organisation', status: 'published', publishedAt: now, title: 'Repaircafé Lichtenhof', slug: 'repaircafe-lichtenhof', summary: 'Samen repareren, elke zaterdag' })
      .returning({ id: contentItems.id })
    const page = await loggedInPage(rig, owner)
    await page.goto(`${rig.baseUrl}/mijn-content`)
    await Promise.all([page.waitForLoadState('load'), page.click(`form[action="/mijn-content/${org!.id}/uitlichten"] button`)])
    expect(await page.locator('main a[href="/pakketten"]').count()).toBe(1)
    await expectPageAccessible(page, 'Uitlichten refused without a package')

    const pkg = await buildPackage(rig.t, { period: 'maand', entitlements: ['featured'] })
    await buildSubscription(rig.t, { userId: owner.id, packageId: pkg.id, adminId: admin.id })
    await page.goto(`${rig.baseUrl}/mijn-content`)
    await Promise.all([page.waitForLoadState('load'), page.click(`form[action="/mijn-content/${org!.id}/uitlichten"] button`)])
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${rig.baseUrl}/${wijk.slug}/`)
    expect(await page.locator('main .home-featured .item-card').count()).toBe(1)
    await expectPageAccessible(page, 'wijk home with an Uitgelicht section')
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/wijk-home-uitgelicht-390.png`, fullPage: true })

    const ambassadeur = await buildUser(rig.t, { role: 'ambassadeur', wijkId: wijk.id })
    const team = await loggedInPage(rig, ambassadeur)
    await team.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/domeinnaam`)
    expect(await team.locator('main a[href="/pakketten"]').count()).toBe(1)
    await expectPageAccessible(team, 'own host name page without a package')
  })
})
