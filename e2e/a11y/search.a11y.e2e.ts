/**
 * Search and the contact form in a real browser (Chromium) with axe: WCAG 2.1 A and AA, also with
 * errors showing. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import type { Page } from 'playwright-core'

const run = browserAvailable()

describe.runIf(run)('search and contact form in the browser', () => {
  let rig: BrowserRig
  let page: Page
  let wijkSlug: string
  let contactPath: string
  beforeAll(async () => {
    rig = await startBrowserRig()
    const wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    wijkSlug = wijk.slug
    const owner = await buildUser(rig.t)
    for (let i = 1; i <= 22; i++) await buildItem(rig.t, { wijkId: wijk.id, ownerId: owner.id, type: 'news', title: `Moestuinnieuws ${i}`, body: 'De moestuin krijgt nieuwe bakken en de moestuin zoekt helpers.' })
    const item = await buildItem(rig.t, { wijkId: wijk.id, ownerId: owner.id, type: 'offer', title: 'Hulp bij boodschappen', contactEmail: 'ria@example.test' })
    contactPath = `/${wijk.slug}/prikbord/${item.id}-${item.slug}/contact`
    page = await rig.newPage()
  })
  afterAll(() => rig?.stop())

  const expectAccessible = (label: string) => expectPageAccessible(page, label)

  it('the search form, results with highlights and pagination, and an error pass axe', async () => {
    await page.goto(`${rig.baseUrl}/${wijkSlug}/zoeken`)
    await expectAccessible('empty search')
    await page.fill('#q', 'moestuin')
    await page.click('main button[type=submit]')
    await page.waitForSelector('mark')
    await expectAccessible('results')
    await page.goto(`${rig.baseUrl}/${wijkSlug}/zoeken?q=${'x'.repeat(250)}`)
    await expectAccessible('too long')
  })

  it('the contact form, with errors, and the confirmation pass axe', async () => {
    await page.goto(`${rig.baseUrl}${contactPath}`)
    await expectAccessible('contact form')
    await page.click('main button[type=submit]')
    await page.waitForSelector('.error-summary')
    await expectAccessible('contact form with errors')
    await page.fill('#name', 'Karin')
    await page.fill('#email', 'karin@example.test')
    await page.fill('#message', 'Ik help graag.')
    await page.click('main button[type=submit]')
    await page.waitForURL(/verzonden$/)
    await expectAccessible('sent')
  })
})
