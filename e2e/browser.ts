/**
 * Browser tests: the real platform served over HTTP on loopback, driven in Debian's Chromium
 * through playwright-core, with axe-core for accessibility. Each test file connects to the one
 * browser the run starts (e2e/global-setup.ts).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../test/platform.js'
import { closeServer, keepIdleConnections } from '../src/kernel/http/listen.js'

export { browserAvailable } from './browser-binary.js'

export interface BrowserRig {
  t: TestPlatform
  baseUrl: string
  browser: Browser
  newPage(): Promise<Page>
  stop(): Promise<void>
}

export async function startBrowserRig(): Promise<BrowserRig> {
  const t = await createTestPlatform({}, new Date().toISOString())
  t.runner.start()
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (request) => (new URL(request.url).pathname === AXE_PATH ? axeScript() : t.app.fetch(request)), port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    // As the real server does: a tab busy with axe for seconds reuses its connection afterwards.
    keepIdleConnections(s as HttpServer)
  })
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://localhost:${port}`
  t.config.publicBaseUrl = baseUrl
  // The run's one browser (e2e/global-setup.ts); closing this connection closes the rig's contexts.
  const browser = await chromium.connect(inject('browserEndpoint'))
  return {
    t,
    baseUrl,
    browser,
    async newPage() {
      // bypassCSP lets the rig's axe script run under the platform's strict CSP.
      const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' })
      return context.newPage()
    },
    async stop() {
      await browser.close()
      await closeServer(server as HttpServer)
      await t.stop()
    },
  }
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * The rig serves axe itself, beside the platform, at a path the platform does not have. Loaded as a
 * cacheable script, Chromium keeps its compiled code for the next page of the same context; handed
 * over as a string (page.evaluate) it was compiled anew on every page: 360 ms of the 610 ms an axe
 * check took in beheer-pages.
 */
const AXE_PATH = '/__test-rig/axe.min.js'

function axeScript(): Response {
  return new Response(axeSource, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400, immutable' } })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page and returns the violations; `rules`
 * narrows it to those rules (e.g. only colour contrast, for the same page in dark mode).
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  const script = await page.addScriptTag({ url: new URL(AXE_PATH, page.url()).href })
  // axe stays loaded in the page; its script element goes, so axe checks the page as served.
  await script.evaluate((element) => element.remove())
  return page.evaluate(async (rules) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
    // Only violations are read: axe then builds no selectors for the passing nodes, its slowest step.
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }, rules)
}

/** axe's violations as readable lines ("rule: help (targets)"), so a failing test names them. */
export async function axeFindings(page: Page, rules?: string[]): Promise<string[]> {
  return (await axeViolations(page, rules)).map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** axe finds nothing on the page and it has exactly one h1; `label` names the page in a failure. */
export async function expectPageAccessible(page: Page, label: string): Promise<void> {
  expect(await axeFindings(page), label).toEqual([])
  expect(await page.locator('h1').count(), label).toBe(1)
}

/** Logs a browser page in through the real login form, asking to land on Mijn gegevens. */
export async function logIn(page: Page, baseUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/account/inloggen?volgende=${encodeURIComponent('/mijn-gegevens')}`)
  await page.fill('#email', user.email)
  await page.fill('#password', user.password)
  await page.click('main button[type=submit]')
  await page.waitForURL(/\/mijn-gegevens/)
}

/** A new browser page of the rig, logged in as the user. */
export async function loggedInPage(rig: BrowserRig, user: { email: string; password: string }): Promise<Page> {
  const page = await rig.newPage()
  await logIn(page, rig.baseUrl, user)
  return page
}

/** Full-page screenshots at a phone's and a desktop's width, into `dir`, for a look by eye. */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true })
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true })
  }
}

/** Sends an application form (package or ambassadeur) and waits for the answer. */
export async function submitApplication(page: Page, selector = 'main form.apply-form button[type=submit]'): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)])
}
