/**
 * The owner-side pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, including the
 * content form with errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('owner-side content pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkId: number
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijkId = (await buildWijk(rig.t, { name: 'Oosterpark' })).id
    const user = await buildUser(rig.t, { homeWijkId: wijkId, role: 'wijkbeheerder', wijkId })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, user)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('the chooser, the form (also with errors), the preview, images and co-managers pass axe', async () => {
    await page.goto(`${rig.baseUrl}/mijn-content`)
    await expectAccessible('mijn content (empty)')
    await page.goto(`${rig.baseUrl}/mijn-content/nieuw`)
    await expectAccessible('chooser')
    await page.goto(`${rig.baseUrl}/mijn-content/nieuw?type=activity&wijk=${wijkId}`)
    await expectAccessible('activity form')
    await page.fill('#title', 'Koffie-inloop')
    // Skip the browser's own required-field check, to see the server's messages.
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('activity form with errors')
    await page.fill('#startDate', '2026-04-07')
    await page.fill('#startTime', '10:00')
    await page.fill('#contactEmail', 'koffie@example.test')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/voorbeeld/)
    await expectAccessible('preview')
    const id = /\/mijn-content\/(\d+)\//.exec(page.url())![1]
    await page.goto(`${rig.baseUrl}/mijn-content/${id}/bewerken`)
    await expectAccessible('edit form')
    await page.goto(`${rig.baseUrl}/mijn-content/${id}/afbeeldingen`)
    await expectAccessible('images')
    await page.goto(`${rig.baseUrl}/mijn-content/${id}/beheerders`)
    await expectAccessible('co-managers')
    await page.goto(`${rig.baseUrl}/mijn-content/${id}/verwijderen`)
    await expectAccessible('delete confirmation')
    await page.goto(`${rig.baseUrl}/mijn-content`)
    await expectAccessible('mijn content')
    for (const type of ['organisation', 'request', 'news', 'showcase']) {
      await page.goto(`${rig.baseUrl}/mijn-content/nieuw?type=${type}&wijk=${wijkId}`)
      await expectAccessible(`${type} form`)
    }
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijkId}/themas`)
    await expectAccessible('themes editor')
  }, 90_000)
})
