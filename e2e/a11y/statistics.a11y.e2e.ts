/**
 * The statistics dashboards in a real browser (Chromium) with axe: WCAG 2.1 A and AA, with data
 * in every chart, with the tables opened, and with a bad filter. Skipped where no Chromium is
 * installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, axeViolations, type BrowserRig, loggedInPage, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../../test/factories.js'
import { seedDemoStatistics } from '../../src/features/statistics/statistics.seed.js'

const run = browserAvailable()

describe.runIf(run)('statistics dashboards in the browser', () => {
  let rig: BrowserRig
  let wijk: { id: number; slug: string }
  let admin: BuiltUser
  let beheerder: BuiltUser

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { slug: 'oosterpark', name: 'Oosterpark' })
    const other = await buildWijk(rig.t, { slug: 'brinkveld', name: 'Brinkveld' })
    await seedDemoStatistics(rig.t.deps.db, rig.t.clock.now(), [wijk, other])
    admin = await buildUser(rig.t, { role: 'admin' })
    beheerder = await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id })
  })
  afterAll(() => rig?.stop())


  async function expectAccessible(page: Page, path: string, status = 200) {
    const res = await page.goto(`${rig.baseUrl}${path}`)
    expect(res?.status(), path).toBe(status)
    expect(await page.locator('svg[role=img]').count(), path).toBe(5)
    // Open every data table too, so axe checks them as well.
    for (const details of await page.locator('details.chart-table').all()) await details.evaluate((d) => d.setAttribute('open', ''))
    await expectPageAccessible(page, path)
  }

  it('the all-wijken dashboard passes axe, for every filter and with a bad one', async () => {
    const page = await loggedInPage(rig, admin)
    await expectAccessible(page, '/beheer/statistieken')
    await expectAccessible(page, `/beheer/statistieken?periode=90&wijk=${wijk.id}`)
    await expectAccessible(page, '/beheer/statistieken?periode=12', 422)
    await page.selectOption('#periode', '7')
    await page.click('main form button[type=submit]')
    await page.waitForURL(/periode=7/)
    expect(await axeViolations(page)).toEqual([])
  }, 90_000)

  it("the wijk team's dashboard passes axe", async () => {
    const page = await loggedInPage(rig, beheerder)
    await expectAccessible(page, `/beheer/wijken/${wijk.id}/statistieken`)
    await expectAccessible(page, `/beheer/wijken/${wijk.id}/statistieken?periode=7`)
  }, 60_000)
})
