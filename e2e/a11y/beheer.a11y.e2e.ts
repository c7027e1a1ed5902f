/**
 * The platform beheer pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, including a
 * form with errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('platform beheer pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijk: { id: number; cityId: number }
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    const admin = await buildUser(rig.t, { role: 'admin' })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, admin)
    await rig.t.drain()
  })
  afterAll(() => rig?.stop())

  async function expectAccessible(path: string) {
    await page.goto(`${rig.baseUrl}${path}`)
    await expectPageAccessible(page, path)
  }

  it('the dashboard, retention periods, places, roles and documents pass axe', async () => {
    for (const path of [
      '/beheer',
      '/beheer/bewaartermijnen',
      '/beheer/steden',
      '/beheer/steden/nieuw',
      `/beheer/steden/${wijk.cityId}`,
      '/beheer/wijken',
      '/beheer/wijken/nieuw',
      `/beheer/wijken/${wijk.id}`,
      `/beheer/wijken/${wijk.id}/wijkbeheerders`,
      `/beheer/wijken/${wijk.id}/themas`,
      '/beheer/rollen',
      '/beheer/documenten',
    ]) {
      await expectAccessible(path)
    }
  })

  it('the new-wijk form with errors passes axe', async () => {
    await page.goto(`${rig.baseUrl}/beheer/wijken/nieuw`)
    await page.$eval('main form', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form button[type=submit]')
    await page.waitForSelector('.error-summary')
    expect(await axeFindings(page)).toEqual([])
  })
})
