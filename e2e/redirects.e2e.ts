/**
 * Open redirects, judged by a real browser: Chromium follows the redirect after login (and after a
 * language switch) for every hostile "local" path of the HTTP test's table, and must end on our
 * own origin. This is the browser's URL parsing (tabs and newlines dropped, `\` read as `/`), not
 * our idea of it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startBrowserRig, browserAvailable, loggedInPage, type BrowserRig } from './browser.js'
import { buildUser } from '../test/factories.js'
import { HOSTILE_PATHS } from '../test/fixtures/hostile-paths.js'

const run = browserAvailable()

describe.runIf(run)('redirect parameters in Chromium', () => {
  let rig: BrowserRig
  let page: Page
  let origin: string

  beforeAll(async () => {
    rig = await startBrowserRig()
    origin = new URL(rig.baseUrl).origin
    page = await loggedInPage(rig, await buildUser(rig.t))
  })
  afterAll(() => rig?.stop())

  /** Where the browser ends up; a navigation to another host fails here (no network), which also counts as leaving. */
  async function landing(action: () => Promise<unknown>): Promise<string> {
    try {
      await action()
    } catch (err) {
      return `navigation failed: ${String(err).slice(0, 120)}`
    }
    return page.url()
  }

  it('GET /account/inloggen?volgende= stays on our origin for every hostile path', async () => {
    const left: string[] = []
    for (const value of HOSTILE_PATHS) {
      const url = await landing(() => page.goto(`${rig.baseUrl}/account/inloggen?volgende=${encodeURIComponent(value)}`))
      if (!url.startsWith(origin + '/')) left.push(`${JSON.stringify(value)} → ${url}`)
    }
    expect(left).toEqual([])
  }, 60_000)

  it('the language switch form with a hostile terug= stays on our origin', async () => {
    const left: string[] = []
    await page.goto(`${rig.baseUrl}/contact`)
    for (const value of HOSTILE_PATHS.filter((v) => !v.includes('\u0000'))) {
      // Every page of ours carries the switch, so the next round starts where this one landed.
      if (!page.url().startsWith(origin + '/')) await page.goto(`${rig.baseUrl}/contact`)
      const url = await landing(() =>
        Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page
            .locator('input[name="terug"]')
            .first()
            .evaluate((input, terug) => {
              const field = input as unknown as { value: string; form: { submit(): void } }
              field.value = terug
              field.form.submit()
            }, value),
        ]),
      )
      if (!url.startsWith(origin + '/')) left.push(`${JSON.stringify(value)} → ${url}`)
    }
    expect(left).toEqual([])
  }, 60_000)
})
