/**
 * Every beheer page passes axe (WCAG 2.0/2.1 A and AA) in a real browser (Chromium), with data in
 * it: every GET route under /beheer is taken from the router and filled with real ids, so a new
 * beheer page is checked as soon as it exists, and one whose parameters this test cannot fill
 * makes it fail. Each page is loaded as a platform admin; the wijk's own pages also as its
 * wijkbeheerder; the main forms also with their errors shown. Downloads (CSV) are checked for
 * status and type only. Skipped where no Chromium is installed (see e2e/browser.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings } from '../browser.js'
import { getRoutePaths } from '../../test/routes.js'
import { buildBeheerFixtures, type BeheerFixtures } from '../../src/features/beheer/beheer-pages.fixtures.js'
import { beheerUrls, type BeheerUrl } from '../beheer-urls.js'

const run = browserAvailable()

/** Tabs per user that load pages side by side. */
const TABS = 3

/** Pages of a wijk its wijkbeheerder may not open (only admins and the ambassadeur manage the team). */
const NOT_FOR_WIJKBEHEERDER = new Set(['/beheer/wijken/:id/wijkbeheerders', '/beheer/wijken/:id/domeinnaam'])

describe.runIf(run)('every beheer page in the browser', () => {
  let rig: BrowserRig
  let fx: BeheerFixtures
  let admin: Page
  let team: Page
  let urls: BeheerUrl[]
  let unfilled: string[]
  const started = Date.now()

  beforeAll(async () => {
    rig = await startBrowserRig()
    fx = await buildBeheerFixtures(rig.t)
    admin = await rig.newPage()
    await logIn(admin, rig.baseUrl, fx.admin)
    team = await rig.newPage()
    await logIn(team, rig.baseUrl, fx.team)
    ;({ urls, unfilled } = beheerUrls(getRoutePaths(rig.t.app), fx))
  }, 120_000)
  afterAll(async () => {
    await rig?.stop()
    process.stdout.write(`beheer pages: ${urls?.length ?? 0} URLs in ${Math.round((Date.now() - started) / 1000)} s\n`)
  })

  /**
   * Loads a URL as the page's user; returns what is wrong with it. HTML must answer 200 without a
   * redirect, have one h1 and pass axe; anything else (a CSV) must answer 200 with its own type.
   */
  async function problemsOf(page: Page, url: string): Promise<string[]> {
    const res = await page.request.get(`${rig.baseUrl}${url}`, { maxRedirects: 0 })
    const type = res.headers()['content-type'] ?? ''
    if (res.status() !== 200) return [`${url}: status ${res.status()} ${res.headers()['location'] ?? ''}`]
    // Downloads (a CSV export, an invoice's PDF, a direct debit file for the bank) are no pages to check.
    if (!type.startsWith('text/html')) return /^(text\/csv|application\/pdf|application\/xml)/.test(type) ? [] : [`${url}: unexpected content type ${type}`]
    const loaded = await page.goto(`${rig.baseUrl}${url}`)
    if (loaded?.status() !== 200 || loaded.request().redirectedFrom()) return [`${url}: status ${loaded?.status()} after loading in the browser`]
    const h1s = await page.locator('h1').count()
    return [...(h1s === 1 ? [] : [`${url}: ${h1s} h1 elements`]), ...(await axeFindings(page)).map((f) => `${url}: ${f}`)]
  }

  it('enumerates every /beheer GET route of the router with real ids', () => {
    expect(unfilled, 'beheer routes whose parameters this test cannot fill: add a filler in fillers()').toEqual([])
    // The enumeration really reached the pages: the dashboard, a wijk's content, a download.
    expect(urls.map((u) => u.url)).toEqual(expect.arrayContaining(['/beheer', `/beheer/wijken/${fx.wijk.id}/inhoud/${fx.itemIds[0]}`, '/beheer/statistieken.csv']))
    expect(urls.length).toBeGreaterThan(60)
  })

  /**
   * The problems of every URL, checked in a few tabs of the user's browser context at once (the
   * pages are independent; one tab after the other took a minute and a half).
   */
  async function problemsOfAll(page: Page, list: string[]): Promise<string[]> {
    const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => page.context().newPage())))]
    const found: string[][] = list.map(() => [])
    let next = 0
    await Promise.all(
      tabs.map(async (tab) => {
        for (let i = next++; i < list.length; i = next++) found[i] = await problemsOf(tab, list[i]!)
      }),
    )
    await Promise.all(tabs.slice(1).map((tab) => tab.close()))
    return found.flat()
  }

  it('every beheer page answers 200 and passes axe for a platform admin', async () => {
    expect(await problemsOfAll(admin, urls.map((u) => u.url))).toEqual([])
  }, 240_000)

  it("every page of the wijk passes axe for its wijkbeheerder, who may not open the team's own management", async () => {
    const own = urls.filter((u) => u.route.startsWith('/beheer/wijken/:id'))
    const problems: string[] = []
    for (const { url } of own.filter((u) => NOT_FOR_WIJKBEHEERDER.has(u.route))) {
      const status = (await team.request.get(`${rig.baseUrl}${url}`, { maxRedirects: 0 })).status()
      if (status !== 403) problems.push(`${url}: status ${status} for a wijkbeheerder, expected 403`)
    }
    // Their dashboard and the support requests about their wijk's content are theirs too.
    const theirs = [...own.filter((u) => !NOT_FOR_WIJKBEHEERDER.has(u.route)).map((u) => u.url), '/beheer', '/beheer/hulpvragen', `/beheer/hulpvragen/${fx.wijkSupportRequestId}`]
    problems.push(...(await problemsOfAll(team, theirs)))
    expect(problems).toEqual([])
    expect(own.length).toBeGreaterThan(30)
  }, 240_000)

  /** Loads a form, fills it so that it is wrong, sends it past the browser's own checks, and runs axe on the answer. */
  async function withErrors(page: Page, url: string, fill: Record<string, string>, form = 'main form.stack'): Promise<string[]> {
    await page.goto(`${rig.baseUrl}${url}`)
    await page.$$eval('main form', (forms) => forms.forEach((f) => f.setAttribute('novalidate', '')))
    for (const [selector, value] of Object.entries(fill)) await page.fill(selector, value)
    const answer = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.locator(`${form} button[type=submit]`).first().click()
    const status = (await answer).status()
    await page.waitForLoadState()
    if (status !== 422 || (await page.locator('.error-summary').count()) === 0) return [`${url}: sending it wrong gave ${status} without an error summary`]
    return (await axeFindings(page)).map((f) => `${url} with errors: ${f}`)
  }

  it('the forms pass axe with their errors shown next to the fields', async () => {
    const w = `/beheer/wijken/${fx.wijk.id}`
    const problems: string[] = []
    for (const [page, url, fill, form] of [
      [team, `${w}/nieuwsbrieven/nieuw`, { '#subject': '' }],
      [team, `${w}/nieuwsbrieven/${fx.newsletterIds.draft}`, { '#subject': '' }],
      [team, `${w}/bericht`, { '#subject': 'Wie helpt?', '#body': '' }],
      [team, `${w}/links`, { '#title': 'Buurtkrant', '#url': 'http://buurtkrant.example.org' }],
      [team, `${w}/namens`, { '#name': 'Meneer De Vries', '#howToReach': '' }],
      [team, `${w}/namens/${fx.participantId}`, { '#name': '' }],
      [team, `${w}/namens/nieuw?voor=${fx.participantId}&type=activity`, { '#title': 'Breiclub', '#startDate': '' }],
      [team, `${w}/namens/inhoud/${fx.assistedItemId}`, { '#title': '' }],
      [team, `${w}/inhoud/${fx.itemIds[1]}/bewerken`, { '#title': '' }],
      [team, `${w}/import/organisaties/${fx.claimableId}`, { '#email': 'geen-adres' }],
      [team, w, { '#name': '' }],
      [admin, w, { '#centerLat': '123', '#name': '' }],
      [admin, '/beheer/wijken/nieuw', {}],
      [admin, '/beheer/steden/nieuw', {}],
      [admin, '/beheer/datalekken/nieuw', { '#whatHappened': 'Een lijst is gedeeld.' }],
      [admin, `/beheer/datalekken/${fx.breachId}/bewerken`, { '#title': '' }],
      [admin, '/beheer/verwerkingen/activiteiten/nieuw', { '#nameNl': 'Fotowedstrijd' }],
      [admin, `/beheer/partners/${fx.partnerId}/bewerken`, { '#origins': 'http://geen-origin.example/pad', '#endsOn': '2020-01-01' }],
      [admin, `/beheer/pakketten/${fx.packageId}/bewerken`, { '#price': 'gratis', '#slug': 'Fout Adres' }],
      [admin, `/beheer/facturen/${fx.invoiceIds[0]}`, { '#amount': 'twaalf' }],
      [admin, `/beheer/klachten/${fx.complaintId}`, { '#answer': '' }],
      [admin, `/beheer/hulpvragen/${fx.supportRequestIds[0]}`, { '#answer': '' }],
      [admin, `/beheer/documenten/${fx.documentDraftId}/bewerken`, { '#bodyNl': '' }],
    ] as Array<[Page, string, Record<string, string>, string?]>) {
      problems.push(...(await withErrors(page, url, fill, form)))
    }
    expect(problems).toEqual([])
  }, 240_000)
})
