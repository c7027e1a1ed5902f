/**
 * The complaint form and the complaints register in a real browser (Chromium) with axe: WCAG
 * 2.1 A and AA, also with form errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('complaint pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  beforeAll(async () => {
    rig = await startBrowserRig()
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('the form (also with errors), the confirmation, the register and a complaint pass axe', async () => {
    await page.goto(`${rig.baseUrl}/klacht`)
    await expectAccessible('complaint form')
    await page.fill('#name', 'Bea')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('complaint form with errors')
    await page.fill('#email', 'bea@example.test')
    await page.fill('#body', 'Mijn adres stond op de site.')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/klacht\/ontvangen/)
    await expectAccessible('complaint received')

    const admin = await buildUser(rig.t, { role: 'admin' })
    await logIn(page, rig.baseUrl, admin)
    await page.goto(`${rig.baseUrl}/klacht`)
    await expectAccessible('complaint form, logged in')
    await page.goto(`${rig.baseUrl}/beheer/klachten`)
    await expectAccessible('complaints register')
    await page.click('main table a')
    await page.waitForURL(/\/beheer\/klachten\/\d+$/)
    await expectAccessible('complaint detail')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('complaint detail with an answer error')
    await page.fill('#answer', 'We hebben het adres verwijderd.')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/melding=flash\.complaints\.answered/)
    await expectAccessible('answered complaint')
    await page.goto(`${rig.baseUrl}/beheer/klachten?status=all`)
    await expectAccessible('all complaints')
  }, 90_000)
})
