/**
 * The wijk's identity in Chromium, on the demo as a first start seeds it: the wijk home and a
 * module page pass axe (WCAG 2.1 AA, colour contrast included) whatever colour the wijk team
 * picked (very light, very dark, a mid-tone), and a first visit to the wijk home at 390 px
 * costs at most 60 KB over the wire, every request the page makes counted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Request } from 'playwright-core'
import { startBrowserRig, browserAvailable, axeFindings, type BrowserRig } from './browser.js'
import { seedDemoData } from '../src/seed/demo.js'
import { wijken } from '../src/features/places/places.tables.js'

const run = browserAvailable()
let rig: BrowserRig
const WIJK = 'oosterpark-noord'
const BUDGET = 60 * 1024

beforeAll(async () => {
  if (!run) return
  rig = await startBrowserRig()
  await seedDemoData(rig.t.deps)
}, 120_000)
afterAll(async () => {
  if (run) await rig.stop()
})

async function setColour(colour: string) {
  const { db, clock } = rig.t.deps
  // A new updatedAt gives the page a new thema.css address, as saving the wijk form does.
  await db.update(wijken).set({ colour, updatedAt: new Date(clock.now().getTime() + Math.floor(Math.random() * 1e6)) }).where(eq(wijken.slug, WIJK))
}

describe.runIf(run)('wijk identity in the browser', () => {
  it.each([
    ['very light', '#fdfdf5'],
    ['very dark', '#050510'],
    ['mid-tone', '#777777'],
    ['saturated yellow', '#ffd500'],
  ])('passes axe on the wijk home and a module page with a %s wijk colour (%s)', async (_label, colour) => {
    await setColour(colour)
    const page = await rig.newPage()
    for (const path of [`/${WIJK}/`, `/${WIJK}/nieuws`]) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 })
        const res = await page.goto(rig.baseUrl + path)
        expect(res?.status()).toBe(200)
        expect(await page.locator('.wijk-bar').count()).toBe(1)
        expect(await axeFindings(page), `${path} at ${width} px with ${colour}`).toEqual([])
      }
    }
    // Dark mode: the wijk colour as text is lightened for the dark page, so "this week" still reads.
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(`${rig.baseUrl}/${WIJK}/`)
    expect(await axeFindings(page), `/${WIJK}/ in dark mode with ${colour}`).toEqual([])
    await page.context().close()
  }, 90_000)

  it('keeps a first visit to the wijk home at 390 px within 60 KB', async () => {
    await setColour('#1d6b4f')
    const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'nl-NL', bypassCSP: false })
    const page = await context.newPage()
    const finished: Request[] = []
    page.on('requestfinished', (r) => finished.push(r))
    await page.goto(`${rig.baseUrl}/${WIJK}/`, { waitUntil: 'networkidle' })
    const rows = await Promise.all(
      finished.map(async (r) => {
        const sizes = await r.sizes()
        return { url: new URL(r.url()).pathname, body: sizes.responseBodySize, headers: sizes.responseHeadersSize }
      }),
    )
    const body = rows.reduce((n, r) => n + r.body, 0)
    const total = rows.reduce((n, r) => n + r.body + r.headers, 0)
    console.info(`first visit of /${WIJK}/ at 390 px: ${rows.length} requests, ${body} bytes of bodies, ${total} bytes with headers\n${rows.map((r) => `  ${r.body + r.headers}\t${r.url}`).join('\n')}`)
    // The cover is there, and the phone took its smallest width.
    expect(rows.some((r) => /\/media\/covers\/[a-f0-9]{64}-400\.webp$/.test(r.url))).toBe(true)
    expect(rows.some((r) => /-1600\.webp$/.test(r.url))).toBe(false)
    expect(total).toBeLessThanOrEqual(BUDGET)
    await context.close()
  }, 60_000)
})
