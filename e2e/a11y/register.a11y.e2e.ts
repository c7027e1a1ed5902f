/**
 * The register of processing activities in a real browser (Chromium) with axe: WCAG 2.1 A and
 * AA on the public page (both languages) and the beheer pages, also with form errors. Skipped
 * where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('register pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  beforeAll(async () => {
    rig = await startBrowserRig()
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('the public page in both languages and every beheer page, also with errors, pass axe', async () => {
    await page.goto(`${rig.baseUrl}/verwerkingen`)
    await expectAccessible('public register (nl)')
    await page.click('.site-nav button[lang=en]')
    await page.waitForSelector('html[lang=en]')
    await expectAccessible('public register (en)')
    await page.click('.site-nav button[lang=nl]')
    await page.waitForSelector('html[lang=nl]')

    const admin = await buildUser(rig.t, { role: 'admin' })
    await logIn(page, rig.baseUrl, admin)
    await page.goto(`${rig.baseUrl}/beheer/verwerkingen`)
    await expectAccessible('beheer register with flagged processors')
    await page.goto(`${rig.baseUrl}/beheer/verwerkingen/activiteiten/nieuw`)
    await expectAccessible('new activity')
    await page.fill('#nameNl', 'Fotowedstrijd')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('new activity with errors')
    await page.goto(`${rig.baseUrl}/beheer/verwerkingen`)
    await page.click('main #verwerkers-kop ~ .table-wrap a')
    await page.waitForURL(/\/verwerkers\/\d+$/)
    await expectAccessible('processor form')
    await page.check('#agreementInPlace')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('processor form with errors')
    const id = /\/verwerkers\/(\d+)/.exec(page.url())![1]
    await page.goto(`${rig.baseUrl}/beheer/verwerkingen/verwerkers/${id}/verwijderen`)
    await expectAccessible('delete confirmation')
    await page.goto(`${rig.baseUrl}/beheer/verwerkingen/verwerkers/nieuw`)
    await expectAccessible('new processor')
  }, 90_000)
})
