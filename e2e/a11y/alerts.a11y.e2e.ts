/**
 * Meldingen (alerts) pages in a real browser with axe: WCAG 2.1 A and AA, also with form errors,
 * and the unsubscribe pages reached from a mail. Skipped where no Chromium is installed.
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { ensureDefaultThemes } from '../../src/features/content/content.themes.js'
import { unsubscribeToken } from '../../src/features/alerts/alerts.token.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('alerts pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let userId: string
  beforeAll(async () => {
    rig = await startBrowserRig()
    const wijkId = (await buildWijk(rig.t, { name: 'Oosterpark' })).id
    await ensureDefaultThemes(rig.t.deps.db, wijkId)
    const user = await buildUser(rig.t, { homeWijkId: wijkId })
    userId = user.id
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, user)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (what: string) => expectPageAccessible(page, what)

  it('Meldingen (empty, with errors, with follows) and the unsubscribe pages pass axe', async () => {
    await page.goto(`${rig.baseUrl}/mijn-gegevens/meldingen`)
    await expectAccessible('meldingen (empty)')
    // Follow without choosing: the server's error next to the field.
    await page.click('form[action$="/volgen"] button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('follow form with error')
    await page.selectOption('#what', 'theme:burenhulp')
    await page.click('form[action$="/volgen"] button[type=submit]')
    await page.waitForSelector('table')
    await page.check('#frequency-daily')
    await page.click('form[action$="/frequentie"] button[type=submit]')
    await page.waitForSelector('.notice')
    await expectAccessible('meldingen with a follow')

    const link = `${rig.baseUrl}/afmelden/meldingen/${unsubscribeToken(rig.t.config.sessionSecret, userId)}`
    await page.goto(link)
    await expectAccessible('unsubscribe page')
    await page.click('main form button[type=submit]')
    await page.waitForSelector('.notice')
    await expectAccessible('unsubscribed')
    await page.goto(`${rig.baseUrl}/afmelden/meldingen/${'A'.repeat(43)}`)
    await expectAccessible('invalid link')
  }, 90_000)
})
