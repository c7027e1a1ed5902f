/**
 * The breach register in a real browser (Chromium) with axe: WCAG 2.1 A and AA on the list, the
 * form (also with errors), the detail page, the AP report and the pages that inform account
 * holders. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('breach register pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkId: number
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijkId = (await buildWijk(rig.t, { name: 'Vlinderhof' })).id
    await buildUser(rig.t, { homeWijkId: wijkId })
    const admin = await buildUser(rig.t, { role: 'admin' })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, admin)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('the list, the form with errors, the detail, the AP report and the notify pages pass axe', async () => {
    await page.goto(`${rig.baseUrl}/beheer/datalekken`)
    await expectAccessible('empty list')
    await page.goto(`${rig.baseUrl}/beheer/datalekken/nieuw`)
    await expectAccessible('new breach form')
    await page.fill('#whatHappened', 'Een lijst met namen is per ongeluk gedeeld.')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('breach form with errors')
    await page.fill('#title', 'Gedeelde lijst')
    await page.fill('#dataKinds', 'Namen')
    await page.fill('#peopleKinds', 'Bewoners')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/beheer\/datalekken\/\d+\?/)
    await expectAccessible('breach detail')
    const id = /\/beheer\/datalekken\/(\d+)/.exec(page.url())![1]
    await page.goto(`${rig.baseUrl}/beheer/datalekken/${id}/bewerken`)
    await expectAccessible('edit form')
    await page.goto(`${rig.baseUrl}/beheer/datalekken/${id}/melding-ap`)
    await expectAccessible('AP report')
    await page.goto(`${rig.baseUrl}/beheer/datalekken/${id}/informeren`)
    await expectAccessible('notify form')
    await page.check('#audience-affected')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('notify form with errors')
    await page.check(`#wijk-${wijkId}`)
    await page.fill('#emails', 'onbekend@example.test')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('text=Versturen bevestigen')
    await expectAccessible('notify confirmation')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/informeren\?melding/)
    await expectAccessible('notify progress and record')
    await page.goto(`${rig.baseUrl}/beheer/datalekken`)
    await expectAccessible('list with a breach')
  }, 90_000)
})
