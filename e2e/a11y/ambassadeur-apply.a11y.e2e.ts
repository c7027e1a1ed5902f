/**
 * Becoming ambassadeur in a real browser (Chromium) with axe: /ambassadeur-worden as a visitor
 * sees it, the form as first shown and with its errors, and the admin's detail of the
 * application with the proposed wijk, before and after the approval that creates the wijk.
 * Screenshots of the form at 390 and 1280 px go to /tmp/shots-ambassadeur/ for a look. Skipped
 * where no Chromium is installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, expectPageAccessible, loggedInPage, shoot, submitApplication } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildPackage } from '../../src/features/billing/billing.apply.test-helpers.js'

const run = browserAvailable()
const SHOTS = '/tmp/shots-ambassadeur'

describe.runIf(run)('becoming ambassadeur in the browser', () => {
  let rig: BrowserRig
  beforeAll(async () => {
    rig = await startBrowserRig()
  })
  afterAll(() => rig?.stop())

  it('the explanation, the form (also with errors) and the admin’s pages pass axe', async () => {
    await buildPackage(rig.t, { slug: 'ambassadeursbijdrage', nameNl: 'Ambassadeursbijdrage', nameEn: 'Ambassadeur fee', ambassadeurFee: true })
    await buildWijk(rig.t, { slug: 'centrum', name: 'Centrum' })

    const visitor = await rig.newPage()
    await visitor.goto(`${rig.baseUrl}/ambassadeur-worden`)
    await expectPageAccessible(visitor, 'ambassadeur page for a visitor')
    expect(await visitor.locator('main a[href^="/account/inloggen"]').count()).toBe(1)
    await visitor.close()

    const page = await loggedInPage(rig, await buildUser(rig.t, { firstName: 'Noor' }))
    await page.goto(`${rig.baseUrl}/ambassadeur-worden`)
    await expectPageAccessible(page, 'ambassadeur form')
    await shoot(page, SHOTS, 'ambassadeur-form')

    await page.fill('#wijkName', 'Centrum')
    await page.selectOption('#cityId', 'nieuw')
    await page.fill('#postcodes', '1011 12')
    await submitApplication(page)
    expect(await page.locator('.error-summary').count()).toBe(1)
    const linked = await page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(linked.slice(0, 4)).toEqual(['#wijkName', '#newCity', '#postcodes', '#motivation'])
    expect(await page.inputValue('#postcodes')).toBe('1011 12')
    await expectPageAccessible(page, 'ambassadeur form with errors')
    await shoot(page, SHOTS, 'ambassadeur-form-errors')

    const fields: Array<[string, string]> = [
      ['#wijkName', 'Havenkwartier'],
      ['#newCity', 'Zeedorp'],
      ['#postcodes', '1011 1012'],
      ['#motivation', 'Wij beheren het buurthuis en willen de wijk online brengen.'],
      ['#organisationName', 'Stichting Het Anker'],
      ['#street', 'Kade'],
      ['#houseNumber', '4'],
      ['#postalCode', '1011 AB'],
      ['#place', 'Zeedorp'],
      ['#billingEmail', 'penningmeester@anker.example'],
      ['#contactName', 'Noor Bakker'],
      ['#signerName', 'Noor Bakker'],
    ]
    for (const [selector, value] of fields) await page.fill(selector, value)
    await page.check('#accept')
    await submitApplication(page)
    await page.waitForURL(/\/mijn-pakket/)

    const admin = await loggedInPage(rig, await buildUser(rig.t, { role: 'admin' }))
    await admin.goto(`${rig.baseUrl}/beheer/aanvragen`)
    await expectPageAccessible(admin, 'admin list with an ambassadeur application')
    await Promise.all([admin.waitForURL(/\/beheer\/aanvragen\/\d+$/), admin.click('main table a')])
    await expectPageAccessible(admin, 'admin detail of an ambassadeur application')
    expect(await admin.inputValue('#wijkSlug')).toBe('havenkwartier')
    await shoot(admin, SHOTS, 'beheer-ambassadeur-aanvraag')
    await Promise.all([admin.waitForURL(/melding=flash\.billing\.approved/), admin.click('form[action$="/goedkeuren"] button')])
    await expectPageAccessible(admin, 'admin detail, approved, with the wijk made')
    expect(await admin.locator('main a[href^="/beheer/wijken/"]').count()).toBe(1)
  }, 180_000)
})
