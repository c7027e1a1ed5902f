/**
 * The account pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, also with the
 * error messages showing. Skipped where no Chromium is installed (see e2e/browser.ts).
 * Mijn gegevens has its own: e2e/a11y/my-data.a11y.e2e.ts.
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, expectPageAccessible } from '../browser.js'
import { buildWijk } from '../../test/factories.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('account pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  beforeAll(async () => {
    rig = await startBrowserRig()
    await buildWijk(rig.t, { name: 'Oosterpark' })
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (path: string) => expectPageAccessible(page, path)

  it('sign-up, empty and with errors, passes axe', async () => {
    await page.goto(`${rig.baseUrl}/account/registreren`)
    await expectAccessible('sign-up')
    await page.fill('#email', 'niet goed')
    await page.click('main button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('sign-up with errors')
  })

  it('login with an error, forgot password and the resend page pass axe', async () => {
    await page.goto(`${rig.baseUrl}/account/inloggen`)
    await expectAccessible('login')
    await page.fill('#email', 'iemand@example.test')
    await page.fill('#password', 'verkeerd wachtwoord')
    await page.click('main button[type=submit]')
    await page.waitForSelector('.notice.error')
    await expectAccessible('login failed')
    await page.goto(`${rig.baseUrl}/account/wachtwoord-vergeten`)
    await expectAccessible('forgot')
    await page.goto(`${rig.baseUrl}/account/bevestigen?token=bestaat-niet`)
    await expectAccessible('invalid link')
  })
})
