/**
 * The broadcast pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, the form with
 * errors, and a broadcast's progress and record. Skipped where no Chromium is installed.
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('broadcast pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijk: { id: number }
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    const owner = await buildUser(rig.t, { firstName: 'Olga' })
    await buildItem(rig.t, { wijkId: wijk.id, title: 'Repair café', ownerId: owner.id })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id }))
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (label: string) => expectPageAccessible(page, label)

  it('compose (also with errors), progress and record pass axe', async () => {
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/bericht`)
    await expectAccessible('compose')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.fill('#subject', 'Wie helpt?')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('compose with errors')
    await page.fill('#body', 'Zaterdag buurtschoonmaak.')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/bericht\/\d+/)
    await expectAccessible('progress (queued)')
    await rig.t.drain()
    await page.reload()
    await expectAccessible('progress and record (sent)')
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/bericht`)
    await expectAccessible('compose with an earlier broadcast')
  }, 90_000)
})
