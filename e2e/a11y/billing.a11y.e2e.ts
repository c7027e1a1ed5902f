/**
 * The package pages in a real browser (Chromium) with axe: the public /pakketten, empty and with
 * packages, in both languages, and the admin's form with its errors. The other /beheer/pakketten
 * pages are also walked by beheer-pages.a11y.e2e.ts. Skipped where no Chromium is installed.
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser } from '../../test/factories.js'

const run = browserAvailable()

describe.runIf(run)('package pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  beforeAll(async () => {
    rig = await startBrowserRig()
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  it('the public price list (empty, filled, both languages) and the form with errors pass axe', async () => {
    await page.goto(`${rig.baseUrl}/pakketten`)
    await expectPageAccessible(page, 'packages, none yet')

    const admin = await buildUser(rig.t, { role: 'admin' })
    await logIn(page, rig.baseUrl, admin)
    await page.goto(`${rig.baseUrl}/beheer/pakketten/nieuw`)
    await page.$eval('main form', (f) => f.setAttribute('novalidate', ''))
    await page.fill('#slug', 'Geen Goed Adres')
    await page.fill('#price', 'twaalf')
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')])
    await expectPageAccessible(page, 'package form with errors')

    for (const [slug, name, price] of [['wijkpartner', 'Wijkpartner', '120'], ['cultuur', 'Cultuurpakket', '12,50']]) {
      await page.goto(`${rig.baseUrl}/beheer/pakketten/nieuw`)
      await page.fill('#slug', slug!)
      await page.fill('#nameNl', name!)
      await page.fill('#nameEn', name!)
      await page.fill('#descriptionNl', 'Meer zichtbaarheid in de wijk.')
      await page.fill('#descriptionEn', 'More visibility in the neighbourhood.')
      await page.fill('#price', price!)
      await page.check('#entitlement_featured')
      await Promise.all([page.waitForURL(/\/beheer\/pakketten(\?|$)/), page.click('main form button[type=submit]')])
    }
    await expectPageAccessible(page, 'package list')
    await page.goto(`${rig.baseUrl}/pakketten`)
    await expectPageAccessible(page, 'packages')
    await page.click('.site-nav button[lang=en]')
    await page.waitForSelector('html[lang=en]')
    await expectPageAccessible(page, 'packages in English')
  }, 120_000)
})
