/**
 * The layout holds on a phone (390 px) and a laptop (1280 px): on every public page type, the
 * owner's pages and every beheer page (the same list the accessibility walk takes from the
 * router), nothing scrolls sideways and every link and button of the header and the main content
 * lies within the screen's width (a status or "Verwijderen" cut off at the right is a failure,
 * also inside a table's own scroll box). axe finds nothing at either width (for beheer pages at
 * 1280 px that is the beheer-pages walk's), nor in dark mode (prefers-color-scheme: dark, the
 * colour rules). And the menu: a button on the phone that opens
 * the links, the links in a row on the laptop. One browser page per user loads each URL once and
 * is resized and recoloured in place. Skipped where no Chromium is installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, type BrowserRig, logIn, axeFindings } from './browser.js'
import { getRoutePaths } from '../test/routes.js'
import { buildUser } from '../test/factories.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { findCityById } from '../src/features/places/places.queries.js'
import { buildBeheerFixtures, type BeheerFixtures } from '../src/features/beheer/beheer-pages.fixtures.js'
import { beheerUrls, isDownload } from './beheer-urls.js'

const run = browserAvailable()

const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1280, height: 800 }
/** Tabs per user that check pages side by side. */
const TABS = 3
const MODULES = ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage']

/** What can be clicked in the header and the main content. */
const ACTIONS = 'header a, header button, header summary, main a, main button, main summary, main input[type=submit]'

/**
 * The page's own horizontal overflow, and every visible action whose box reaches past the left
 * or right edge of the screen (something inside a closed menu or disclosure has no box and is not
 * counted; a screen-reader-only text is not an action on screen).
 */
async function outsideTheScreen(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const doc = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { left: number; right: number; width: number; height: number }; closest(s: string): unknown; textContent: string | null; getAttribute(n: string): string | null; tagName: string }> }; innerWidth: number }
    const { scrollWidth, clientWidth } = doc.document.documentElement
    const problems = scrollWidth > clientWidth ? [`the page scrolls sideways: ${scrollWidth} px wide on a ${clientWidth} px screen`] : []
    for (const el of Array.from(doc.document.querySelectorAll(selector))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || el.closest('.visually-hidden')) continue
      if (box.left < -1 || box.right > clientWidth + 1) {
        const name = (el.textContent ?? el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
        problems.push(`${el.tagName.toLowerCase()} "${name}" reaches ${Math.round(box.left)}–${Math.round(box.right)} px on a ${clientWidth} px screen`)
      }
    }
    return problems
  }, ACTIONS)
}

/**
 * Loads the URL once and checks it at both widths and in dark mode; returns what is wrong.
 * `laptopAxe: false` leaves out the full axe run at 1280 px where another walk already does it.
 */
async function layoutProblems(page: Page, baseUrl: string, url: string, laptopAxe: boolean): Promise<string[]> {
  await page.setViewportSize(PHONE)
  await page.emulateMedia({ colorScheme: 'light' })
  const res = await page.goto(`${baseUrl}${url}`)
  if (res?.status() !== 200) return [`${url}: status ${res?.status()}`]
  if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) return []
  const problems: string[] = []
  const at = (label: string, found: string[]) => problems.push(...found.map((f) => `${url} ${label}: ${f}`))
  at('at 390 px', [...(await outsideTheScreen(page)), ...(await axeFindings(page))])
  await page.setViewportSize(LAPTOP)
  at('at 1280 px', [...(await outsideTheScreen(page)), ...(laptopAxe ? await axeFindings(page) : [])])
  // Dark mode changes colours only: the colour rules, at one width.
  await page.emulateMedia({ colorScheme: 'dark' })
  at('in dark mode', await axeFindings(page, ['color-contrast', 'link-in-text-block']))
  return problems
}

/** Checks every URL in a few tabs of the page's browser context at once. */
async function problemsOfAll(page: Page, baseUrl: string, urls: string[], laptopAxe = true): Promise<string[]> {
  const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => page.context().newPage())))]
  const found: string[][] = urls.map(() => [])
  let next = 0
  await Promise.all(
    tabs.map(async (tab) => {
      for (let i = next++; i < urls.length; i = next++) found[i] = await layoutProblems(tab, baseUrl, urls[i]!, laptopAxe)
    }),
  )
  await Promise.all(tabs.slice(1).map((tab) => tab.close()))
  return found.flat()
}

describe.runIf(run)('the layout on a phone and a laptop, light and dark', () => {
  let rig: BrowserRig
  let fx: BeheerFixtures
  let visitor: Page
  let owner: Page
  let admin: Page
  let publicUrls: string[]
  const started = Date.now()

  beforeAll(async () => {
    rig = await startBrowserRig()
    fx = await buildBeheerFixtures(rig.t)
    const w = `/${fx.wijk.slug}`
    // An owner with long titles in Mijn content, the table most often cut off on a phone.
    const person = await buildUser(rig.t, { homeWijkId: fx.wijk.id, firstName: 'Lotte' })
    for (const title of ['Gezocht: iemand die wekelijks de boodschappen kan meenemen naar de flat', 'Aangeboden: kinderfietsen']) {
      await buildItem(rig.t, { wijkId: fx.wijk.id, ownerId: person.id, type: 'request', title, summary: 'Voor de buurt.', body: 'Voor de buurt.' })
    }
    visitor = await rig.newPage()
    owner = await rig.newPage()
    await logIn(owner, rig.baseUrl, person)
    admin = await rig.newPage()
    await logIn(admin, rig.baseUrl, fx.admin)

    // Each module's list, and an item page and its contact form, found as a visitor finds them.
    const items: string[] = []
    for (const module of MODULES) {
      await visitor.goto(`${rig.baseUrl}${w}/${module}`)
      const href = await visitor.locator(`main a[href^="${w}/${module}/"]`).first().getAttribute('href', { timeout: 2000 }).catch(() => null)
      if (href) items.push(href)
    }
    const city = await findCityById(rig.t.deps.db, fx.wijk.cityId)
    publicUrls = [
      '/',
      `/${city!.slug}/`,
      `${w}/`,
      ...MODULES.map((m) => `${w}/${m}`),
      ...items,
      `${items.find((i) => i.includes('/organisaties/'))}/contact`,
      `${w}/zoeken?q=buurt`,
      `${w}/agenda/afdrukken`,
      `${w}/nieuwsbrieven`,
      '/privacy',
      '/voorwaarden',
      '/contact',
      '/partners',
      '/klacht',
      '/verwerkingen',
      '/account/registreren',
      '/account/inloggen',
      '/account/wachtwoord-vergeten',
    ]
  }, 120_000)
  afterAll(async () => {
    await rig?.stop()
    process.stdout.write(`layout: ${Math.round((Date.now() - started) / 1000)} s\n`)
  })

  it('finds an item page in every module, to check as a visitor sees it', () => {
    expect(publicUrls.filter((u) => /\/(agenda|organisaties|prikbord|nieuws|etalage)\/\d+-[^/]+$/.test(u))).toHaveLength(MODULES.length)
  })

  it('every public page type fits both screens and passes axe, light and dark', async () => {
    expect(await problemsOfAll(visitor, rig.baseUrl, publicUrls)).toEqual([])
  }, 240_000)

  it("the owner's pages fit both screens and pass axe, light and dark", async () => {
    expect(await problemsOfAll(owner, rig.baseUrl, ['/mijn-content', '/mijn-content/nieuw', '/mijn-gegevens', '/hulp'])).toEqual([])
  }, 120_000)

  it('every beheer page fits both screens and passes axe, light and dark', async () => {
    const { urls, unfilled } = beheerUrls(getRoutePaths(rig.t.app), fx)
    expect(unfilled).toEqual([])
    expect(urls.length).toBeGreaterThan(60)
    // Downloads (CSV, invoice PDF and UBL, direct-debit files) are no pages. axe at the laptop's
    // width, light, is the beheer-pages walk's (e2e/a11y/beheer-pages.a11y.e2e.ts, 1280 px wide):
    // here the phone and dark mode.
    const pages = urls.map((u) => u.url).filter((url) => !isDownload(url))
    expect(await problemsOfAll(admin, rig.baseUrl, pages, false)).toEqual([])
  }, 300_000)

  it('shows a Menu button on a phone that opens the links, and the links in a row on a laptop', async () => {
    await owner.setViewportSize(PHONE)
    await owner.emulateMedia({ colorScheme: 'light' })
    await owner.goto(`${rig.baseUrl}/mijn-content`)
    const menu = owner.locator('header nav summary')
    const myData = owner.locator('header nav a[href="/mijn-gegevens"]')
    expect(await menu.isVisible()).toBe(true)
    expect(await myData.isVisible()).toBe(false)
    // Opened by keyboard, as a button: the links stand under each other below the header.
    await menu.focus()
    await owner.keyboard.press('Enter')
    expect(await myData.isVisible()).toBe(true)
    const boxes = await owner.locator('header nav li').evaluateAll((lis) => lis.map((li) => (li as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top))
    expect(boxes).toEqual([...boxes].sort((a, b) => a - b))
    expect(new Set(boxes).size).toBe(boxes.length)
    expect(await outsideTheScreen(owner)).toEqual([])
    await owner.setViewportSize(LAPTOP)
    await owner.reload()
    expect(await menu.isVisible()).toBe(false)
    expect(await myData.isVisible()).toBe(true)
    const tops = await owner.locator('header nav li').evaluateAll((lis) => lis.map((li) => (li as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top))
    expect(new Set(tops.map(Math.round)).size).toBe(1)
  })

  it('shows a table row on a phone as a card, each value under its column name', async () => {
    await owner.setViewportSize(PHONE)
    await owner.goto(`${rig.baseUrl}/mijn-content`)
    const cell = owner.locator('main td[data-label]', { hasText: 'Aangeboden: kinderfietsen' })
    const label = await cell.evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(td, '::before').content)
    expect(label).toContain('Titel')
    const remove = owner.locator('main a, main button', { hasText: 'Verwijderen' }).first()
    expect(await remove.isVisible()).toBe(true)
  })
})
