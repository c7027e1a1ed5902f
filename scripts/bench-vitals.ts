/**
 * npm run bench:vitals
 *
 * Largest Contentful Paint and Cumulative Layout Shift of the wijk home and an item page (one with
 * an image: the heavier kind), as a visitor's browser sees them. Starts the real server on a fresh
 * embedded database with the demo content, and loads each page in Debian's Chromium
 * (playwright-core, the browser the e2e tests use) in two profiles:
 * - phone: 390×844 at 3× pixels, CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) and a slow 4G
 *   network, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Network.emulateNetworkConditions),
 *   the profile Lighthouse uses for mobile;
 * - laptop: 1280×800, no throttling.
 * And two cache states:
 * - cold: a new browser context (nothing cached: HTML, CSS, icons, images all fetched) and a page the
 *   server renders anew (a query string of its own, so its page cache misses);
 * - warm: a repeat visit in the same context to the plain address, after a first one: the server's
 *   page cache answers (X-Page-Cache: hit) and the browser has the stylesheet, sprite and images.
 * Each combination BENCH_VITALS_RUNS times (5); the median time to first byte and LCP, the worst
 * LCP and CLS are printed and written to bench-results/vitals.json. LCP and CLS are read from
 * PerformanceObserver with buffered entries once the network is quiet; CLS as the web-vitals definition has it (the largest session
 * window: shifts less than 1 s apart, at most 5 s long, none just after input).
 * Core Web Vitals call LCP ≤ 2.5 s and CLS ≤ 0.1 "good". A benchmark, never a test: nothing passes
 * or fails here.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { buildServer, startServer, ROOT } from '../test/spawn.js'
import { BROWSER_ARGS, CHROMIUM } from '../e2e/browser-binary.js'

const RUNS = Number(process.env.BENCH_VITALS_RUNS ?? 5)
const WIJK = '/oosterpark-noord'

interface Profile {
  name: 'phone' | 'laptop'
  viewport: { width: number; height: number }
  deviceScaleFactor: number
  isMobile: boolean
  throttle: boolean
}

const PROFILES: Profile[] = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, throttle: true },
  { name: 'laptop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, throttle: false },
]

interface Sample {
  ttfbMs: number
  lcpMs: number
  cls: number
  lcpElement: string
  pageCache: string
}

interface Row {
  page: string
  profile: Profile['name']
  cache: 'cold' | 'warm'
  /** Time to the first byte of the page, to tell the server's part from the browser's. */
  ttfbMedianMs: number
  lcpMedianMs: number
  lcpMaxMs: number
  clsMax: number
  lcpElement: string
  pageCache: string
}

/** What the page's performance entries carry that we read (this file is typed for Node, not the DOM). */
interface VitalsEntry {
  startTime: number
  element?: { tagName: string; className: unknown } | null
  value?: number
  hadRecentInput?: boolean
}

/**
 * Runs in the page: the LCP so far and the CLS of the largest session window. No named helpers
 * inside: tsx would wrap them in a helper (__name) that exists only in Node.
 */
function readVitals(): Promise<{ lcp: number; cls: number; element: string; ttfb: number }> {
  return new Promise((resolve) => {
    let lcp = 0
    let element = ''
    let cls = 0
    let windowValue = 0
    let windowStart = 0
    let last = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as VitalsEntry[]) {
        lcp = entry.startTime
        const el = entry.element
        element = el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : ''
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true } as never)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as VitalsEntry[]) {
        if (entry.hadRecentInput) continue
        if (windowValue > 0 && (entry.startTime - last > 1000 || entry.startTime - windowStart > 5000)) windowValue = 0
        if (windowValue === 0) windowStart = entry.startTime
        windowValue += entry.value ?? 0
        last = entry.startTime
        cls = Math.max(cls, windowValue)
      }
    }).observe({ type: 'layout-shift', buffered: true } as never)
    // Buffered entries are delivered in a task after observe(); give them that task.
    const navigation = performance.getEntriesByType('navigation' as never)[0] as unknown as { responseStart: number } | undefined
    setTimeout(() => resolve({ lcp, cls, element, ttfb: navigation?.responseStart ?? 0 }), 50)
  })
}

async function visit(context: BrowserContext, profile: Profile, url: string): Promise<Sample> {
  const page = await context.newPage()
  try {
    if (profile.throttle) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
    }
    const res = await page.goto(url, { waitUntil: 'networkidle' })
    if (res?.status() !== 200) throw new Error(`${url} answered ${res?.status()}`)
    // A moment for late shifts (lazy images coming in) to be recorded.
    await page.waitForTimeout(300)
    const v = await page.evaluate(readVitals)
    return { ttfbMs: v.ttfb, lcpMs: v.lcp, cls: v.cls, lcpElement: v.element, pageCache: res.headers()['x-page-cache'] ?? '-' }
  } finally {
    await page.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

async function newContext(browser: Browser, profile: Profile): Promise<BrowserContext> {
  return browser.newContext({ viewport: profile.viewport, deviceScaleFactor: profile.deviceScaleFactor, isMobile: profile.isMobile, hasTouch: profile.isMobile, locale: 'nl-NL' })
}

async function measure(browser: Browser, base: string, pagePath: string, label: string, profile: Profile): Promise<Row[]> {
  const cold: Sample[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(browser, profile)
    const separator = pagePath.includes('?') ? '&' : '?'
    cold.push(await visit(context, profile, `${base}${pagePath}${separator}vitals=${profile.name}-${Date.now()}-${i}`))
    await context.close()
  }
  const warm: Sample[] = []
  const context = await newContext(browser, profile)
  await visit(context, profile, base + pagePath)
  for (let i = 0; i < RUNS; i++) warm.push(await visit(context, profile, base + pagePath))
  await context.close()
  return (
    [
      ['cold', cold],
      ['warm', warm],
    ] as const
  ).map(([cache, samples]) => ({
    page: label,
    profile: profile.name,
    cache,
    ttfbMedianMs: Math.round(median(samples.map((s) => s.ttfbMs))),
    lcpMedianMs: Math.round(median(samples.map((s) => s.lcpMs))),
    lcpMaxMs: Math.round(Math.max(...samples.map((s) => s.lcpMs))),
    clsMax: Math.max(...samples.map((s) => s.cls)),
    lcpElement: mostCommon(samples.map((s) => s.lcpElement)),
    pageCache: mostCommon(samples.map((s) => s.pageCache)),
  }))
}

/** An item page worth measuring: the first card on the wijk home that has a thumbnail. */
async function itemWithImage(base: string): Promise<string> {
  const html = await (await fetch(`${base}${WIJK}/`)).text()
  const card = /<article class="card item-card[^"]*has-thumb"><h3 class="card-title"><a href="([^"]+)"/.exec(html)
  const any = /<article class="card item-card[^"]*"><h3 class="card-title"><a href="([^"]+)"/.exec(html)
  const href = card?.[1] ?? any?.[1]
  if (!href) throw new Error('no item on the wijk home to measure')
  return href
}

function printTable(rows: Row[]): void {
  const header = ['page', 'profile', 'cache', 'TTFB median', 'LCP median', 'LCP max', 'CLS max', 'LCP element', 'X-Page-Cache']
  const lines = rows.map((r) => [r.page, r.profile, r.cache, `${r.ttfbMedianMs} ms`, `${r.lcpMedianMs} ms`, `${r.lcpMaxMs} ms`, r.clsMax.toFixed(3), r.lcpElement, r.pageCache])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  process.stdout.write(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${lines.map(format).join('\n')}\n`)
  process.stdout.write('\nGood (Core Web Vitals): LCP ≤ 2500 ms, CLS ≤ 0.1.\n')
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-vitals-'))
  buildServer()
  const server = startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
  let browser: Browser | undefined
  try {
    const base = await server.ready
    const item = await itemWithImage(base)
    process.stdout.write(`Measuring ${WIJK}/ and ${item}, ${RUNS} runs each (${base})\n`)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
    const rows: Row[] = []
    for (const profile of PROFILES) {
      rows.push(...(await measure(browser, base, `${WIJK}/`, 'wijk home', profile)))
      rows.push(...(await measure(browser, base, item, 'item page', profile)))
    }
    printTable(rows)
    const out = path.join(ROOT, 'bench-results')
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'vitals.json'), JSON.stringify({ at: new Date().toISOString(), runs: RUNS, item, rows }, null, 2) + '\n')
  } finally {
    await browser?.close()
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
