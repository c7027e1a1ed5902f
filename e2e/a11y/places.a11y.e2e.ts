/**
 * The wijk chooser in a real browser (Chromium): axe (WCAG 2.1 A and AA) with the "use my
 * location" button shown, on the answers to a location and on the wijk form's centre fields
 * with errors; and the button itself end to end (P17): without JavaScript it is not there; with
 * it, a click asks the browser for its location and lands on the nearest wijk, having sent only
 * two decimals; and an unlaunched wijk's home with its banner for the ambassadeur, and the launch.
 * Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { wijken } from '../../src/features/places/places.tables.js'

const run = browserAvailable()

describe.runIf(run)('the wijk chooser in the browser (P17)', () => {
  let rig: BrowserRig
  let kerkbuurt: { id: number }

  beforeAll(async () => {
    rig = await startBrowserRig()
    kerkbuurt = await buildWijk(rig.t, { slug: 'kerkbuurt', name: 'Kerkbuurt' })
    await buildWijk(rig.t, { slug: 'havenkwartier', name: 'Havenkwartier' })
    await rig.t.deps.db.update(wijken).set({ centerLat: 52.262, centerLon: 6.18 }).where(eq(wijken.id, kerkbuurt.id))
  })
  afterAll(() => rig?.stop())


  it('the chooser with the location button, and the answers to a location, pass axe', async () => {
    const page = await rig.newPage()
    await page.goto(`${rig.baseUrl}/`)
    expect(await page.locator('#locate button').isVisible()).toBe(true)
    await expectPageAccessible(page, 'chooser')
    await page.goto(`${rig.baseUrl}/zoek-wijk?lat=51.44&lon=5.48`)
    await expectPageAccessible(page, 'no wijk near')
    await page.goto(`${rig.baseUrl}/zoek-wijk?lat=999&lon=5.48`)
    await expectPageAccessible(page, 'invalid location')
    await page.goto(`${rig.baseUrl}/zoek-wijk?postcode=9999`)
    await expectPageAccessible(page, 'postcode without wijk')
  }, 60_000)

  it('shows no button without JavaScript', async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${rig.baseUrl}/`)
    expect(await page.locator('#locate').isHidden()).toBe(true)
    expect(await page.locator('form[action="/zoek-wijk"]').isVisible()).toBe(true)
    await context.close()
  })

  it('asks for the location only on a click, sends two decimals, and lands on the nearest wijk', async () => {
    const context = await rig.browser.newContext({ locale: 'nl-NL', geolocation: { latitude: 52.261834, longitude: 6.179211 }, permissions: ['geolocation'] })
    const page = await context.newPage()
    const asked: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/zoek-wijk')) asked.push(new URL(r.url()).search)
    })
    await page.goto(`${rig.baseUrl}/`)
    expect(asked).toEqual([])
    await page.click('#locate button')
    await page.waitForURL(`${rig.baseUrl}/kerkbuurt/`)
    expect(asked).toEqual(['?lat=52.26&lon=6.18'])
    // A location far from every wijk: the chooser says so, and the button works again from there.
    await context.setGeolocation({ latitude: 50.85, longitude: 5.69 })
    await page.goto(`${rig.baseUrl}/`)
    await page.click('#locate button')
    await page.waitForURL(/\/zoek-wijk\?lat=50\.85&lon=5\.69$/)
    expect(await page.locator('main').innerText()).toContain('We vonden geen wijk binnen 3 km van je locatie')
    await context.close()
  }, 60_000)

  it('says so when the browser gives no location', async () => {
    const context = await rig.browser.newContext({ locale: 'nl-NL', permissions: [] })
    const page = await context.newPage()
    await page.goto(`${rig.baseUrl}/`)
    await page.click('#locate button')
    await expect.poll(() => page.locator('#locate [data-status]').innerText(), { timeout: 20_000 }).toContain('Je locatie kon niet worden bepaald')
    expect(page.url()).toBe(`${rig.baseUrl}/`)
    await context.close()
  }, 60_000)

  it("the wijk form's centre fields with errors pass axe", async () => {
    const admin = await buildUser(rig.t, { role: 'admin' })
    const page = await rig.newPage()
    await logIn(page, rig.baseUrl, admin)
    await page.goto(`${rig.baseUrl}/beheer/wijken/${kerkbuurt.id}`)
    await page.fill('#centerLat', '123')
    await page.fill('#centerLon', '')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    expect(await page.locator('#centerLat-error').innerText()).toContain('tussen -90 en 90')
    await expectPageAccessible(page, 'wijk form with centre errors')
  }, 60_000)

  it("an unlaunched wijk's home, its banner and launch button for its ambassadeur, and the launch, pass axe", async () => {
    const nieuw = await buildWijk(rig.t, { slug: 'nieuwbouw', name: 'Nieuwbouw', launched: false })
    const ambassadeur = await buildUser(rig.t, { role: 'ambassadeur', wijkId: nieuw.id })
    const page = await rig.newPage()
    await logIn(page, rig.baseUrl, ambassadeur)
    await page.goto(`${rig.baseUrl}/nieuwbouw/`)
    expect(await page.locator('.launch-banner').innerText()).toContain('Deze wijk is nog niet gelanceerd')
    await expectPageAccessible(page, 'unlaunched wijk home with banner')
    await page.click('.launch-banner button[type=submit]')
    await page.waitForURL(`${rig.baseUrl}/nieuwbouw/?melding=flash.places.launched`)
    expect(await page.locator('.launch-banner').count()).toBe(0)
    await expectPageAccessible(page, 'launched wijk home with its confirmation')
  }, 60_000)
})
