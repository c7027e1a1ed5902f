/**
 * Browser contexts handed from one test file to the next within a worker, emptied in between.
 * Chromium opens helper pages of its own (the address bar's WebUI) in every new context: about
 * 0.75 s of CPU each, a tenth of the browser tests' CPU over some 80 contexts a run. A worker keeps
 * this module from file to file (vitest's isolate: false), so it keeps one connection to the run's
 * browser and the contexts its files are done with.
 *
 * An emptied context is as a new one for what the tests can see: no pages of theirs, no cookies, no
 * permissions, and no HTTP cache (a later file's server may get an earlier one's port). The
 * platform stores nothing else in the browser.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

/** bypassCSP lets the rig's axe script run under the platform's strict CSP. */
const OPTIONS = { bypassCSP: true, locale: 'nl-NL' } as const

let connection: Promise<Browser> | undefined
const idle: BrowserContext[] = []
/**
 * A blank page each kept context holds open and no test sees: Chromium drops a context's helper
 * pages with its last open page, and would make them again for the next.
 */
const anchors = new WeakMap<BrowserContext, Page>()

/** This worker's connection to the run's one browser (e2e/global-setup.ts), made once. */
export function workerBrowser(): Promise<Browser> {
  connection ??= chromium.connect(inject('browserEndpoint'))
  return connection
}

/** The contexts one test file (one rig) uses; `release` gives them back at the file's end. */
export class ContextLease {
  readonly #lent = new Set<BrowserContext>()

  constructor(private readonly browser: Browser) {}

  /** A page in a context of its own: one the worker kept, or a new one. */
  async newPage(): Promise<Page> {
    const kept = idle.pop()
    const context = kept ?? (await this.browser.newContext(OPTIONS))
    if (!kept) anchors.set(context, await context.newPage())
    // A test may close it itself; release() then no longer finds it among the browser's contexts.
    this.#lent.add(context)
    const page = await context.newPage()
    if (kept) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.clearBrowserCache')
      await cdp.detach()
    }
    return page
  }

  /**
   * Empties the lent contexts and keeps them for the worker's next file; closes every other
   * context the file made itself (with options of its own) on the same connection.
   */
  async release(): Promise<void> {
    for (const context of this.browser.contexts()) {
      if (idle.includes(context)) continue
      if (this.#lent.has(context) && (await emptied(context))) idle.push(context)
      else await context.close().catch(() => {})
    }
    this.#lent.clear()
  }
}

async function emptied(context: BrowserContext): Promise<boolean> {
  try {
    const anchor = anchors.get(context)
    if (!anchor || anchor.isClosed()) return false
    await Promise.all(context.pages().filter((page) => page !== anchor).map((page) => page.close()))
    await context.clearCookies()
    await context.clearPermissions()
    return true
  } catch {
    return false
  }
}
