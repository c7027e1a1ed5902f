/**
 * The partner pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA on the public
 * /partners page (empty and filled, both languages), the admin list, the form with errors, the
 * partner page with its keys, the page that shows a new key once, and /api/docs. Every other /beheer page
 * of partners is also walked by beheer-pages.a11y.e2e.ts. Skipped where no Chromium is installed.
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('partner pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkId: number
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijkId = (await buildWijk(rig.t, { name: 'Vlinderhof' })).id
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('the public page, the list, the form with errors, the partner page and the new key pass axe', async () => {
    await page.goto(`${rig.baseUrl}/partners`)
    await expectAccessible('public partners, none yet')
    await page.goto(`${rig.baseUrl}/api/docs`)
    await expectAccessible('the partner API explained')

    await logIn(page, rig.baseUrl, await buildUser(rig.t, { role: 'admin' }))
    await page.goto(`${rig.baseUrl}/beheer/partners`)
    await expectAccessible('empty list')
    await page.goto(`${rig.baseUrl}/beheer/partners/nieuw`)
    await expectAccessible('new partner form')
    await page.fill('#name', 'Stadsnetwerk')
    await page.fill('#origins', 'http://stadsnetwerk.example/agenda')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('partner form with errors')
    await page.fill('#origins', 'https://stadsnetwerk.example')
    await page.fill('#contactName', 'Joris Verbeek')
    await page.fill('#contactEmail', 'joris@stadsnetwerk.example')
    await page.fill('#purposeNl', 'De wijkagenda tonen op onze site.')
    await page.fill('#purposeEn', 'Showing the agenda on our site.')
    await page.check('#type_activity')
    await page.check(`#wijk_${wijkId}`)
    await page.selectOption('#agreementDocumentId', { index: 1 })
    await page.fill('#signedBy', 'Joris Verbeek')
    await page.fill('#signedOn', '2026-03-01')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/beheer\/partners\/\d+\?/)
    await expectAccessible('partner page, draft')
    await page.click('main form[action$="/status"] button:has-text("Activeren")')
    await page.waitForURL(/melding=flash.partners.status/)
    await page.fill('#label', 'website')
    await page.click('main form[action$="/sleutels"] button[type=submit]')
    await page.waitForSelector('#sleutel')
    await expectAccessible('new key, shown once')
    await page.click('main a.button')
    await page.waitForSelector('#sleutels')
    await expectAccessible('partner page with a key')
    await page.goto(`${rig.baseUrl}/beheer/partners`)
    await expectAccessible('list with a partner')

    await page.goto(`${rig.baseUrl}/partners`)
    await expectAccessible('public partners (nl)')
    await page.click('.site-nav button[lang=en]')
    await page.waitForSelector('html[lang=en]')
    await expectAccessible('public partners (en)')
  }, 90_000)
})
