/**
 * The wijk team's pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, with content
 * in them and with form errors. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('wijk team pages in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijk: { id: number; slug: string }
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    const wb = await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id })
    const owner = await buildUser(rig.t, { homeWijkId: wijk.id, firstName: 'Ria', lastName: 'Rozendaal' })
    await buildItem(rig.t, { wijkId: wijk.id, title: 'Fietsen te leen', ownerId: owner.id, expiresAt: new Date(rig.t.clock.now().getTime() + 2 * 86_400_000) })
    page = await rig.newPage()
    await logIn(page, rig.baseUrl, wb)
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (label: string) => expectPageAccessible(page, label)

  it('the dashboard, residents list and links (also with errors) pass axe, and so does the wijk home with links', async () => {
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/overzicht`)
    await expectAccessible('overzicht')
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/bewoners`)
    await expectAccessible('bewoners')
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/links`)
    await expectAccessible('links (empty)')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.fill('#title', 'Buurtkrant')
    await page.fill('#url', 'http://buurtkrant.example.org')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('links with errors')
    await page.fill('#url', 'https://buurtkrant.example.org')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/melding=/)
    await expectAccessible('links with one link')
    await page.goto(`${rig.baseUrl}/${wijk.slug}/`)
    await expectAccessible('wijk home with links')
  }, 90_000)

  it('assisted posting: the list and registration (also with errors), a person’s page and their content form pass axe', async () => {
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/namens`)
    await expectAccessible('namens (empty)')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.fill('#name', 'Mevrouw Jansen')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('namens with errors')
    await page.fill('#howToReach', 'Via het buurthuis')
    await page.fill('#paperConsentOn', '2026-02-27')
    await page.check('#paperConsent')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/\/namens\/\d+/)
    await expectAccessible('person page')
    const base = new URL(page.url()).pathname
    await page.goto(`${rig.baseUrl}${base.replace(/\/(\d+)$/, '/nieuw?voor=$1&type=activity')}`)
    await expectAccessible('content form on their behalf')
    await page.$eval('main form.stack', (f) => f.setAttribute('novalidate', ''))
    await page.fill('#title', 'Breiclub')
    await page.click('main form.stack button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('content form with errors')
    await page.fill('#startDate', '2026-03-12')
    await page.fill('#startTime', '14:00')
    await page.click('main form.stack button[type=submit]')
    await page.waitForURL(/melding=/)
    await expectAccessible('person page with an item')
    await page.goto(`${rig.baseUrl}/beheer/wijken/${wijk.id}/namens`)
    await expectAccessible('namens with a person')
  }, 90_000)
})
