/**
 * Every import page in a real browser (Chromium) with axe, WCAG 2.1 A and AA: upload (also with
 * an error), column mapping (also with an error), the dry run with bad rows, the progress page,
 * and the claim pages. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'

const run = browserAvailable()

const CSV = '\uFEFFNaam;Website;E-mail\r\nBuurthuis De Linde;https://linde.example;info@linde.example\r\nVoedselbank;geen site;piet-at-example\r\n'

describe.runIf(run)('import pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkId: number
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijkId = (await buildWijk(rig.t, { name: 'Oosterpark' })).id
    const user = await buildUser(rig.t, { role: 'wijkbeheerder', wijkId })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, user)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (what: string) => expectPageAccessible(page, what)

  it('upload, mapping, dry run with errors, progress and claim pages pass axe', async () => {
    const base = `${rig.baseUrl}/beheer/wijken/${wijkId}/import`
    await page.goto(base)
    await expectAccessible('upload')
    await page.setInputFiles('#file', { name: 'kapot.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) })
    await page.click('main form button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('upload with an error')

    await page.setInputFiles('#file', { name: 'organisaties.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    await page.click('main form button[type=submit]')
    await page.waitForURL(/\/kolommen$/)
    await expectAccessible('mapping')
    await page.selectOption('#title', '')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('mapping with an error')
    await page.selectOption('#title', '0')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/controle$/)
    expect(await page.locator('main').innerText()).toContain('Voedselbank')
    await expectAccessible('dry run with errors')

    await page.click('main form[action$="/importeren"] button')
    await page.waitForURL(/\/import\/[0-9a-f-]{36}\?/)
    await expectAccessible('progress')
    for (let i = 0; i < 50 && !(await page.locator('main').innerText()).includes('100% klaar'); i++) {
      await new Promise((r) => setTimeout(r, 200))
      await page.reload()
    }
    expect(await page.locator('main').innerText()).toContain('100% klaar')
    await expectAccessible('progress, done, with skipped rows')

    await page.goto(`${base}/organisaties`)
    await expectAccessible('claims list')
    await page.click('main table a')
    await expectAccessible('claim form')
    await page.fill('#email', 'geen-adres')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('claim form with an error')
  }, 90_000)
})
