/**
 * The moderation pages in a real browser (Chromium) with axe: WCAG 2.1 A and AA, also with form
 * errors: the wijk's content list, an item's moderation page, the team's edit form, the report
 * queue, the "meld dit" form and its answers, and Mijn content with a hidden item.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings, expectPageAccessible } from '../browser.js'
import { buildUser, buildWijk } from '../../test/factories.js'
import { buildItem } from '../../src/features/contact-form/items.test-helpers.js'
import { itemPathInWijk } from '../../src/features/content/content.urls.js'
import type { Page } from 'playwright-core'
import { contentReports } from '../../src/features/moderation/moderation.tables.js'

const run = browserAvailable()

describe.runIf(run)('moderation pages in the browser', () => {
  let rig: BrowserRig
  let team: Page
  let resident: Page
  let wijk: { id: number; slug: string }
  let reported: { id: number; slug: string }
  let hidden: { id: number; slug: string }
  beforeAll(async () => {
    rig = await startBrowserRig()
    wijk = await buildWijk(rig.t, { name: 'Oosterpark' })
    const owner = await buildUser(rig.t, { homeWijkId: wijk.id })
    reported = await buildItem(rig.t, { wijkId: wijk.id, ownerId: owner.id, type: 'news', title: 'Buurtfeest in het park', body: 'Iedereen welkom.' })
    hidden = await buildItem(rig.t, { wijkId: wijk.id, ownerId: owner.id, type: 'news', title: 'Verborgen bericht', status: 'hidden', hiddenKind: 'moderator', hiddenReason: 'Graag zonder privégegevens.' })
    team = await rig.newPage()
    await logIn(team, rig.baseUrl, await buildUser(rig.t, { role: 'wijkbeheerder', wijkId: wijk.id, homeWijkId: wijk.id }))
    resident = await rig.newPage()
    await logIn(resident, rig.baseUrl, await buildUser(rig.t, { homeWijkId: wijk.id }))
    const ownerPage = await rig.newPage()
    await logIn(ownerPage, rig.baseUrl, owner)
    await ownerPage.goto(`${rig.baseUrl}/mijn-content`)
    expect(await axeFindings(ownerPage), 'mijn content with a hidden item').toEqual([])
  }, 90_000)
  afterAll(() => rig?.stop())


  async function submitWithoutBrowserChecks(page: Page, form: string) {
    await page.$eval(form, (f) => f.setAttribute('novalidate', ''))
    await page.click(`${form} button[type=submit]`)
    await page.waitForSelector('.error-summary')
  }

  it('the "meld dit" form (also with errors) and its answers pass axe', async () => {
    const path = `/${wijk.slug}${itemPathInWijk({ ...reported, type: 'news' })}`
    await resident.goto(`${rig.baseUrl}${path}`)
    await expectPageAccessible(resident, 'item page with the meld-dit link')
    await resident.click('text=Meld dit bij het wijkteam')
    await expectPageAccessible(resident, 'report form')
    await submitWithoutBrowserChecks(resident, 'main form.stack')
    await expectPageAccessible(resident, 'report form with errors')
    await resident.selectOption('#reason', 'incorrect')
    await resident.fill('#message', 'De datum klopt niet.')
    await resident.click('main form.stack button[type=submit]')
    await resident.waitForURL(/verzonden/)
    await expectPageAccessible(resident, 'report sent')
    await resident.goto(`${rig.baseUrl}${path}/melden/verzonden?al=1`)
    await expectPageAccessible(resident, 'already reported')
  }, 60_000)

  it("the wijk team's content list, item page (also with errors), edit form and report queue pass axe", async () => {
    const base = `${rig.baseUrl}/beheer/wijken/${wijk.id}`
    await team.goto(`${base}/inhoud`)
    await expectPageAccessible(team, 'content list')
    await team.goto(`${base}/inhoud?status=hidden&soort=news`)
    await expectPageAccessible(team, 'content list, filtered')
    await team.goto(`${base}/meldingen`)
    await expectPageAccessible(team, 'report queue')
    await team.goto(`${base}/inhoud/${reported.id}`)
    await expectPageAccessible(team, 'item with open reports')
    await submitWithoutBrowserChecks(team, 'form[action$="/besluit"]')
    await expectPageAccessible(team, 'item with decision errors')
    await team.goto(`${base}/inhoud/${reported.id}`)
    await submitWithoutBrowserChecks(team, 'form[action$="/verbergen"]')
    await expectPageAccessible(team, 'item with hide errors')
    await team.goto(`${base}/inhoud/${hidden.id}`)
    await expectPageAccessible(team, 'hidden item')
    // Hidden with an open report: publishing again asks for an explanation.
    await rig.t.deps.db.insert(contentReports).values({ contentId: hidden.id, wijkId: wijk.id, reporterUserId: null, reason: 'other', createdAt: rig.t.clock.now() })
    await team.goto(`${base}/inhoud/${hidden.id}`)
    await expectPageAccessible(team, 'hidden item with an open report')
    await submitWithoutBrowserChecks(team, 'form[action$="/publiceren"]')
    await expectPageAccessible(team, 'hidden item with publish-again errors')
    await team.goto(`${base}/inhoud/${reported.id}/bewerken`)
    await expectPageAccessible(team, 'edit form')
    await team.fill('#title', '')
    await submitWithoutBrowserChecks(team, 'main form.stack')
    await expectPageAccessible(team, 'edit form with errors')
  }, 60_000)
})
