/**
 * Partner widgets on a partner's own site, in Chromium (issue 12, P11, P15): a host page served
 * from a second loopback origin embeds the web component and the iframe. The items render, no
 * cookie is set on either origin, no request leaves for a third host, and axe finds nothing on
 * the host page with the widget in it. A third, unregistered origin gets no data (CORS: the
 * component shows a link instead) and no frame (frame-ancestors).
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, axeFindings, logIn, type BrowserRig } from './browser.js'
import { buildUser, buildWijk } from '../test/factories.js'
import { buildPartner } from '../test/partners.js'
import { buildItem } from '../src/features/contact-form/items.test-helpers.js'
import { partnerWidgets } from '../src/features/partners/partners.widgets.tables.js'

const run = browserAvailable()
const SHOTS = process.env.WIDGET_SCREENSHOTS
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** A partner's page on its own origin, with both kinds of widget from the platform. */
function hostPage(platform: string, widgetId: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Buurtnetwerk – agenda</title>
<style>body{font-family:Georgia,serif;max-width:60rem;margin:0 auto;padding:1rem}wijk-nieuws{--wijk-link:#7a1f5c;--wijk-accent:#7a1f5c}</style>
<script src="${platform}/embed/v1.js" async></script></head>
<body><header><p>Buurtnetwerk</p></header><main><h1>Nieuws uit de wijk</h1>
<wijk-nieuws widget="${widgetId}"></wijk-nieuws>
<h2>Hetzelfde als iframe</h2>
<iframe src="${platform}/embed/${widgetId}" title="Nieuws uit de wijk (iframe)" width="100%" height="320" style="border:0"></iframe>
</main></body></html>`
}

async function serveHost(platform: string, widgetId: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/__test-rig/axe.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      return res.end(axeSource)
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(hostPage(platform, widgetId))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe.runIf(run)('partner widgets on another site', () => {
  let rig: BrowserRig
  let registered: Awaited<ReturnType<typeof serveHost>>
  let unregistered: Awaited<ReturnType<typeof serveHost>>
  let widgetId: string
  let partnerId: number

  beforeAll(async () => {
    rig = await startBrowserRig()
    const wijk = await buildWijk(rig.t, { slug: 'lindehof', name: 'Lindehof' })
    for (const title of ['Nieuwe bankjes op het plein', 'Buurtfeest gaat door']) await buildItem(rig.t, { wijkId: wijk.id, type: 'news', title, summary: 'Kort nieuws uit de wijk.' })
    // The host servers need the widget id before the partner knows their origins: register after.
    const partner = await buildPartner(rig.t, { wijkIds: [wijk.id], startsOn: '2000-01-01', name: 'Buurtnetwerk' })
    partnerId = partner.id
    const now = rig.t.clock.now()
    const [row] = await rig.t.deps.db
      .insert(partnerWidgets)
      .values({ partnerId, module: 'nieuws', wijkId: wijk.id, itemCount: 5, lang: 'nl', label: 'Nieuws op de homepage', createdAt: now, updatedAt: now })
      .returning({ id: partnerWidgets.id })
    widgetId = row!.id
    registered = await serveHost(rig.baseUrl, widgetId)
    unregistered = await serveHost(rig.baseUrl, widgetId)
    const { partners } = await import('../src/features/partners/partners.tables.js')
    const { eq } = await import('drizzle-orm')
    await rig.t.deps.db.update(partners).set({ origins: [registered.origin] }).where(eq(partners.id, partnerId))
  })
  afterAll(async () => {
    await registered?.close()
    await unregistered?.close()
    await rig?.stop()
  })

  /** A fresh context without bypassCSP: the frame-ancestors rule must be enforced as in real life. */
  let refusals: string[] = []
  async function open(origin: string): Promise<{ context: BrowserContext; page: Page; hosts: Set<string> }> {
    refusals = []
    const context = await rig.browser.newContext({ locale: 'nl-NL' })
    const page = await context.newPage()
    const hosts = new Set<string>()
    page.on('request', (request) => hosts.add(new URL(request.url()).origin))
    page.on('console', (message) => refusals.push(message.text()))
    await page.goto(`${origin}/`)
    return { context, page, hosts }
  }

  it('renders the web component and the iframe on a registered origin, with no cookie, no third host and no axe finding', async () => {
    const { context, page, hosts } = await open(registered.origin)
    // Playwright's locators reach into open shadow roots.
    await expect.poll(() => page.locator('wijk-nieuws li').count(), { timeout: 10_000 }).toBe(2)
    expect(await page.locator('wijk-nieuws').evaluate((el) => el.shadowRoot?.querySelector('a')?.getAttribute('href') ?? '')).toMatch(new RegExp(`^${rig.baseUrl}/lindehof/nieuws/\\d+-`))
    const frame = page.frameLocator('iframe')
    await expect.poll(() => frame.locator('li').count(), { timeout: 10_000 }).toBe(2)
    expect(await frame.locator('li').first().textContent()).toMatch(/Buurtfeest gaat door|Nieuwe bankjes/)
    // The frame says how tall it is and our script on the host sizes it: no scrollbar, no gap.
    const inFrame = () => page.frames().find((f) => f !== page.mainFrame())!
    const frameHeight = () => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)
    await expect.poll(frameHeight, { timeout: 10_000 }).not.toBe(320)
    // Everything shows (the "more" link is the last thing) and nothing scrolls inside the frame.
    expect(await inFrame().evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true)
    expect(await inFrame().evaluate("document.querySelector('.wc-more').getBoundingClientRect().bottom <= window.innerHeight")).toBe(true)
    expect(await context.cookies()).toEqual([])
    expect(refusals.filter((text) => /frame-ancestors|CORS/.test(text))).toEqual([])
    expect([...hosts].sort()).toEqual([registered.origin, rig.baseUrl].sort())
    expect(await axeFindings(page)).toEqual([])
    if (SHOTS) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${SHOTS}/host-${width}.png`, fullPage: true })
      }
    }
    await context.close()
  }, 60_000)

  it('gives an unregistered origin no data and no frame', async () => {
    const { context, page, hosts } = await open(unregistered.origin)
    const component = page.locator('wijk-nieuws')
    await expect.poll(() => component.locator('a').textContent(), { timeout: 10_000 }).toBe('Bekijk dit op de wijksite')
    expect(await component.locator('li').count()).toBe(0)
    // The frame is blocked by frame-ancestors: none of our content inside it.
    await page.waitForTimeout(500)
    const frame = page.frames().find((f) => f !== page.mainFrame())!
    const inside = await frame.locator('body').innerText().catch(() => '')
    expect(inside).not.toContain('Buurtfeest')
    expect(frame.url()).toMatch(/^chrome-error:/)
    // Chromium says why: the CORS refusal of the data, and the frame-ancestors refusal of the frame.
    expect(refusals.some((text) => text.includes('blocked by CORS policy'))).toBe(true)
    expect(refusals.some((text) => text.includes('violates the following Content Security Policy directive: "frame-ancestors'))).toBe(true)
    expect(await context.cookies()).toEqual([])
    expect([...hosts].every((h) => h === unregistered.origin || h === rig.baseUrl)).toBe(true)
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/unregistered.png`, fullPage: true })
    await context.close()
  }, 60_000)

  it('shows the configurator with its live preview', async () => {
    const admin = await buildUser(rig.t, { role: 'admin' })
    const page = await rig.newPage()
    await logIn(page, rig.baseUrl, admin)
    await page.goto(`${rig.baseUrl}/beheer/partners/${partnerId}/widgets/${widgetId}`)
    await expect.poll(() => page.frameLocator('iframe.widget-preview').locator('li').count(), { timeout: 10_000 }).toBe(2)
    expect(await axeFindings(page)).toEqual([])
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/configurator.png`, fullPage: true })
  }, 60_000)
})
