/**
 * "Hulp nodig" and /beheer/hulpvragen in a real browser (Chromium) with axe: WCAG 2.1 A and AA,
 * also with form errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, loggedInPage, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk, type BuiltUser } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'

const run = browserAvailable()

describe.runIf(run)('help pages in the browser', () => {
  let rig: BrowserRig
  let wijkId: number
  let emptyWijkId: number
  let resident: BuiltUser
  let admin: BuiltUser

  beforeAll(async () => {
    rig = await startBrowserRig()
    wijkId = (await buildWijk(rig.t, { name: 'Hulpwijk' })).id
    emptyWijkId = (await buildWijk(rig.t, { name: 'Tweede wijk' })).id
    const owner = await buildUser(rig.t)
    await buildItem(rig.t, { wijkId, type: 'offer', title: 'Hulp bij de tuin', ownerId: owner.id })
    resident = await buildUser(rig.t, { homeWijkId: wijkId, firstName: 'Rinske' })
    admin = await buildUser(rig.t, { role: 'admin' })
  })
  afterAll(() => rig?.stop())



  async function submitWithoutBrowserChecks(page: Page, form: string) {
    await page.$eval(form, (f) => f.setAttribute('novalidate', ''))
    await page.click(`${form} > button[type=submit]`)
    await page.waitForSelector('.error-summary')
  }

  it('the help page, the question and problem forms (also with errors) and the confirmation pass axe', async () => {
    const page = await loggedInPage(rig, resident)
    await page.click('header a.help-link')
    await page.waitForURL(/\/hulp$/)
    await expectPageAccessible(page, 'hulp')
    await page.goto(`${rig.baseUrl}/hulp/vraag`)
    await expectPageAccessible(page, 'question form')
    await submitWithoutBrowserChecks(page, 'main form.stack')
    await expectPageAccessible(page, 'question form with errors')
    await page.goto(`${rig.baseUrl}/hulp/probleem`)
    await expectPageAccessible(page, 'problem form')
    // The wijk chooser works without script: its controls belong to a GET form.
    // Chosen by id: the list is ordered by city name, and the factory's city names vary per worker.
    await page.selectOption('#wijk', String(emptyWijkId))
    await page.click('button[form="kies-wijk"]')
    await page.waitForURL(new RegExp(`/hulp/probleem\\?wijk=${emptyWijkId}$`))
    expect(await page.locator('#itemId').count()).toBe(0)
    await page.goto(`${rig.baseUrl}/hulp/probleem`)
    await page.fill('#message', 'Klopt niet')
    await submitWithoutBrowserChecks(page, 'main form.stack')
    await expectPageAccessible(page, 'problem form with errors')
    await page.fill('#message', 'De tuin is al geholpen.')
    await page.selectOption('#itemId', { label: 'Hulp bij de tuin (Prikbord)' })
    await page.click('main form.stack > button[type=submit]')
    await page.waitForURL(/\/hulp\/verstuurd$/)
    await expectPageAccessible(page, 'sent')
    await page.context().close()
  }, 90_000)

  it('the request list, its closed tab and a request with its answer form (also with an error) pass axe', async () => {
    const page = await loggedInPage(rig, admin)
    await page.goto(`${rig.baseUrl}/beheer/hulpvragen`)
    await expectPageAccessible(page, 'list')
    await page.click('main table a')
    await page.waitForURL(/\/beheer\/hulpvragen\/\d+$/)
    await expectPageAccessible(page, 'detail')
    await submitWithoutBrowserChecks(page, 'main form.stack')
    await expectPageAccessible(page, 'detail with error')
    await page.fill('#answer', 'Dank je, we kijken ernaar.')
    await page.click('main form.stack > button[type=submit]')
    await page.waitForURL(/melding=flash\.help\.answered/)
    await expectPageAccessible(page, 'detail after answer')
    await page.goto(`${rig.baseUrl}/beheer/hulpvragen?status=gesloten`)
    await expectPageAccessible(page, 'closed list (empty)')
    await page.context().close()
  }, 90_000)
})
