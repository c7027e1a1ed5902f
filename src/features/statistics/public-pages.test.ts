/**
 * P15 and P21 on every public page. An anonymous visitor (with a real browser's user agent, so
 * the statistics count the visits) requests every GET route the router knows — parameters filled
 * with real wijken, cities, items, themes and feeds — every URL of the sitemap, and the local
 * links found on those pages, on the platform host and on a wijk's own host name. Then:
 * - P15: no response sets any cookie at all (so there is nothing a banner would have to ask);
 * - P21: no page loads a script, stylesheet, font, image or frame from another host: every
 *   <script src>, <link href> (stylesheet, preload, icon, …), <img src>, srcset, <source>,
 *   <iframe>, inline style and CSS url()/@import is relative or on our own origin; the
 *   stylesheets themselves (also each wijk's thema.css) say the same, and every HTML answer has a
 *   Content-Security-Policy that allows nothing but our own origin.
 *
 * New routes are covered automatically. A route parameter this test cannot fill makes it fail,
 * until the parameter gets a filler below or a reason in UNFILLABLE (as in search/leak.test.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildWijk } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { expandRoute, getRoutePaths, linkFamily, localLinks, type RouteContext } from '../../../test/routes.js'
import { CONTENT_TYPES, contentImages, contentThemes, type ContentType } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { MODULES, moduleOf } from '../content/content.urls.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { buildUser } from '../../../test/factories.js'
import { wijken } from '../places/places.tables.js'
import { ASSETS } from '../../kernel/ui/assets.js'
import { DAY } from '../../kernel/clock.js'
import { pageViewsDaily } from './statistics.tables.js'
import { buildPartner } from '../../../test/partners.js'
import { partnerWidgets } from '../partners/partners.widgets.tables.js'

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0'
const WIJK_HOST = 'www.eigen-erf.test'

/** Parameters whose values cannot be derived from the data, and why skipping them is safe. */
const UNFILLABLE: Record<string, string> = {
  file: 'static assets and stored images are bytes addressed by content hash; the assets are checked one by one below',
  token: 'tokens are random secrets sent by mail; a wrong token shows only an error page (requested below with a made-up token)',
}
// Ids of beheer resources nested under a wijk: one value is enough, since those pages are never public.
const GLOBAL: RouteContext = { n: '1', nid: '1', broadcastId: '1', pid: '1', itemId: '1', batchId: '1' }
const CRAWL_MAX = 1500
const PER_FAMILY = 4
/** Links not worth following: the login page's return address makes every one unique. */
const NOT_FOLLOWED = /^\/account\/inloggen\?/

/** Attributes that make a browser fetch something, per element. <a href> is a link, not a load. */
const LOADING_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
}
/** <link rel> values that load what they point at. */
const LOADING_LINK = /\b(stylesheet|preload|modulepreload|prefetch|prerender|icon|apple-touch-icon|mask-icon|manifest|dns-prefetch|preconnect)\b/i

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  const body = tag.replace(/^<[^\s>]+/, '').replace(/\/?>$/, '')
  for (const m of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'))
  }
  return found
}

/** True when loading this URL would contact a host that is not ours. data: URIs stay in the page. */
function isForeign(raw: string, own: Set<string>): boolean {
  const url = raw.trim()
  if (url === '' || /^data:/i.test(url)) return false
  if (url.startsWith('//')) return !own.has(url.slice(2).split(/[/?#:]/)[0]!.toLowerCase())
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return false
  if (!/^https?:/i.test(url)) return true
  try {
    return !own.has(new URL(url).hostname.toLowerCase())
  } catch {
    return true
  }
}

/** Foreign URLs in CSS: url(…) and @import. */
export function foreignInCss(css: string, own: Set<string>): string[] {
  const found: string[] = []
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
    const url = m[1] ?? m[2] ?? m[3] ?? ''
    if (isForeign(url, own)) found.push(`url(${url})`)
  }
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)) if (isForeign(m[1]!, own)) found.push(`@import ${m[1]}`)
  return found
}

/** Everything in an HTML page that would make the browser load from another host. */
export function foreignInHtml(html: string, own: Set<string>): string[] {
  const found: string[] = []
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g)) {
    const tag = m[0]
    const name = m[1]!.toLowerCase()
    const attrs = attributes(tag)
    const loading = name === 'link' ? (LOADING_LINK.test(attrs.get('rel') ?? '') || attrs.has('as') ? ['href', 'imagesrcset'] : []) : (LOADING_ATTRIBUTES[name] ?? [])
    for (const attr of loading) {
      const value = attrs.get(attr)
      if (value === undefined) continue
      const urls = attr.endsWith('srcset') ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value]
      for (const url of urls) if (isForeign(url, own)) found.push(`<${name} ${attr}="${url}">`)
    }
    const style = attrs.get('style')
    if (style) found.push(...foreignInCss(style, own).map((f) => `<${name} style> ${f}`))
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) found.push(...foreignInCss(m[1]!, own).map((f) => `<style> ${f}`))
  return found
}

/**
 * A CSP allowing nothing but our own origin (and data: images): no host, scheme or wildcard source.
 * frame-ancestors is left out: it names who may frame the page (a partner's site for a widget,
 * P11), and makes the browser load nothing.
 */
function cspProblems(csp: string | null): string[] {
  if (!csp) return ['no Content-Security-Policy']
  const problems: string[] = []
  for (const directive of csp.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/)
    if (name === 'frame-ancestors') continue
    for (const source of sources) {
      if (source === "'self'" || source === "'none'") continue
      if (source === 'data:' && name === 'img-src') continue
      problems.push(`CSP ${name} allows ${source}`)
    }
  }
  return problems
}

let t: TestPlatform
const contexts: RouteContext[] = []
const pool = new Set<string>()

beforeAll(async () => {
  t = await createTestPlatform()
  const now = t.clock.now()
  const own = await buildWijk(t, { slug: 'eigen-erf', name: 'Eigen Erf', hostName: WIJK_HOST })
  const list = [await buildWijk(t, { slug: 'lindehof', name: 'Lindehof' }), own]
  await t.deps.db.update(wijken).set({ logoPath: `logos/${'a'.repeat(32)}.webp` }).where(eq(wijken.id, list[0]!.id))
  await t.hostMap.reload(t.deps.db)
  const owner = await buildUser(t)
  for (const wijk of list) {
    await ensureDefaultThemes(t.deps.db, wijk.id)
    const themes = await listThemes(t.deps.db, wijk.id)
    for (const th of themes) pool.add(th.slug).add(`${th.slug}.ics`).add(`${th.slug}.rss`)
    contexts.push({ wijk: wijk.slug, slug: wijk.slug, city: wijk.citySlug, id: String(wijk.id) })
    contexts.push({ slug: wijk.citySlug, wijk: wijk.slug })
    for (const [i, type] of CONTENT_TYPES.entries()) {
      const start = new Date(now.getTime() + 2 * DAY)
      const extra: Record<ContentType, object> = {
        activity: { startsAt: start, endsAt: new Date(start.getTime() + 7_200_000), recurrence: { kind: 'weekly', until: null, exceptions: [] }, locationText: 'Buurthuis' },
        organisation: { website: 'https://buurthuis.example' },
        request: { category: 'overig', expiresAt: new Date(now.getTime() + 20 * DAY) },
        offer: { category: 'overig', expiresAt: new Date(now.getTime() + 20 * DAY) },
        news: {},
        showcase: { priceCents: 1250 },
      } as Record<ContentType, object>
      const item = await buildItem(t, { wijkId: wijk.id, type, ownerId: owner.id, title: `Openbaar ${type}`, body: 'Iets voor de **buurt**, met [een link](https://elders.example/).', ...extra[type] })
      await t.deps.db.insert(contentThemes).values({ contentId: item.id, themeId: themes[i % themes.length]!.id })
      await t.deps.db.insert(contentImages).values({ contentId: item.id, fileKey: `content/${'b'.repeat(64)}`, widths: [320, 640], width: 640, height: 480, alt: 'Een foto', createdAt: now })
      if (type === 'activity') await rebuildOccurrences(t.deps.db, item.id, now)
      const itemParam = `${item.id}-${item.slug}`
      pool.add(itemParam).add(`${itemParam}.ics`).add(String(item.id))
      contexts.push({ wijk: wijk.slug, slug: wijk.slug, module: moduleOf(type), item: itemParam, id: String(item.id), file: `${itemParam}.ics` })
    }
  }
  // A partner's widget, so its iframe page and data are crawled like every other public answer.
  const partner = await buildPartner(t, { wijkIds: [list[0]!.id], origins: ['https://partner.example'] })
  const [widget] = await t.deps.db
    .insert(partnerWidgets)
    .values({ partnerId: partner.id, module: 'agenda', wijkId: list[0]!.id, itemCount: 5, lang: 'nl', label: 'Agenda', createdAt: now, updatedAt: now })
    .returning({ id: partnerWidgets.id })
  contexts.push({ id: widget!.id, widgetId: widget!.id })
  for (const m of MODULES) pool.add(m).add(`${m}.rss`).add(`${m}.atom`).add(`${m}.ics`).add(`${m}.xml`)
  pool.add('1')
}, 120_000)
afterAll(() => t.stop())

function visitor(host?: string): TestClient {
  const client = t.client()
  client.headers = { 'user-agent': UA, 'accept-language': 'nl-NL,nl;q=0.9', ...(host ? { host } : {}) }
  return client
}

interface Walk {
  requested: number
  statuses: Map<number, number>
  problems: string[]
  html: number
  css: number
}

/** Requests the start URLs and the local links found on them, and checks every answer. */
async function walk(client: TestClient, start: Iterable<string>, own: Set<string>, label: string): Promise<Walk> {
  const queue = [...new Set(start)]
  const seen = new Set(queue)
  const families = new Map<string, number>()
  const result: Walk = { requested: 0, statuses: new Map(), problems: [], html: 0, css: 0 }
  const limit = queue.length + CRAWL_MAX
  while (queue.length && result.requested < limit) {
    const url = queue.shift()!
    result.requested++
    const page = await client.get(url)
    const where = `${label} GET ${url} → ${page.status}`
    result.statuses.set(page.status, (result.statuses.get(page.status) ?? 0) + 1)
    if (page.status >= 500) result.problems.push(`${where}: server error`)
    // A client that stores no cookie sends none: each answer is the one a first-time visitor gets.
    client.cookies.clear()
    for (const cookie of page.res.headers.getSetCookie()) result.problems.push(`${where}: Set-Cookie ${cookie.split('=')[0]}`)
    const type = page.res.headers.get('content-type') ?? ''
    if (type.startsWith('text/html')) {
      result.html++
      for (const f of foreignInHtml(page.body, own)) result.problems.push(`${where}: ${f}`)
      for (const p of cspProblems(page.res.headers.get('content-security-policy'))) result.problems.push(`${where}: ${p}`)
    } else if (type.startsWith('text/css')) {
      result.css++
      for (const f of foreignInCss(page.body, own)) result.problems.push(`${where}: ${f}`)
    }
    if (!/html|xml|calendar|rss|atom|text/.test(type)) continue
    const next = page.status >= 300 && page.status < 400 && page.location ? [page.location.replace(/^https?:\/\/localhost(?::\d+)?/, '')] : localLinks(page.body)
    for (const link of next) {
      if (seen.has(link) || !link.startsWith('/') || link.startsWith('/static/') || NOT_FOLLOWED.test(link)) continue
      const fam = linkFamily(link)
      const count = families.get(fam) ?? 0
      if (count >= PER_FAMILY) continue
      families.set(fam, count + 1)
      seen.add(link)
      queue.push(link)
    }
  }
  if (queue.length) result.problems.push(`${label}: the walk stopped with ${queue.length} links left`)
  return result
}

describe('every public page, as an anonymous visitor (P15, P21)', () => {
  it('sets no cookie and loads nothing from another host, on every GET route, sitemap URL and linked page (P15, P21)', async () => {
    const cannotFill: string[] = []
    const start = new Set<string>()
    for (const path of getRoutePaths(t.app)) {
      const { urls, unfilled } = expandRoute(path, { contexts, pool, global: GLOBAL, unfillable: UNFILLABLE })
      if (unfilled.length) cannotFill.push(`${path} (${unfilled.join(', ')})`)
      for (const url of urls) start.add(url)
    }
    expect(cannotFill, 'route parameters without a filler: add one, or a reason in UNFILLABLE').toEqual([])
    // Routes with a token, with a made-up one: the error page must not set a cookie either.
    for (const path of getRoutePaths(t.app)) if (/:token\b/.test(path)) start.add(path.replace(/:token(\{[^}]*\})?/, 'a'.repeat(43)))
    const sitemap = await visitor().get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    for (const url of localLinks(sitemap.body)) start.add(url)

    const platform = await walk(visitor(), start, new Set(['localhost']), 'platform')
    // The wijk with its own host name, from its root.
    const hosted = await walk(visitor(WIJK_HOST), ['/', '/agenda', '/prikbord', '/nieuws', '/thema.css'], new Set(['localhost', WIJK_HOST]), WIJK_HOST)

    expect([...platform.problems, ...hosted.problems]).toEqual([])
    // The walk really reached pages: many answered 200, HTML and stylesheets among them.
    expect(platform.requested).toBeGreaterThanOrEqual(start.size)
    expect(platform.statuses.get(200) ?? 0).toBeGreaterThan(50)
    expect(platform.html).toBeGreaterThan(30)
    expect(platform.css).toBeGreaterThan(0)
    expect(hosted.statuses.get(200) ?? 0).toBeGreaterThan(5)
    // …and the visits were counted (without a cookie).
    await t.stats.flush()
    expect((await t.deps.db.select().from(pageViewsDaily)).length).toBeGreaterThan(10)
  }, 300_000)

  it('serves assets that point at nothing outside: the stylesheets and scripts in /static (P21)', async () => {
    const own = new Set(['localhost'])
    const client = visitor()
    for (const asset of Object.values(ASSETS)) {
      const res = await client.get(asset.url)
      expect(res.status, asset.url).toBe(200)
      expect(res.res.headers.getSetCookie(), asset.url).toEqual([])
      if (asset.type.startsWith('text/css')) {
        expect(foreignInCss(res.body, own), asset.url).toEqual([])
        // No web fonts from anywhere: the system font stack only.
        expect(res.body).not.toMatch(/@font-face/i)
      } else {
        // A script may not reach another host either (fetch, XHR, a redirect, an image beacon), nor
        // may the icon sprite; an SVG's namespace name is an identifier that is never fetched.
        const body = asset.type.startsWith('image/svg+xml') ? res.body.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '') : res.body
        expect(body.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [], asset.url).toEqual([])
      }
    }
  })

  it('the checks find what they look for, so the test can fail', () => {
    const own = new Set(['localhost'])
    const page = [
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      '<link rel="preload" as="font" href="//fonts.example/f.woff2">',
      '<link rel="icon" href="https://icons.example/favicon.ico">',
      '<script src="https://analytics.example/a.js" defer></script>',
      '<img src="https://tracker.example/pixel.gif" alt="">',
      '<img src="/ok.png" srcset="/ok-2x.png 2x, https://img.example/big.png 3x" alt="">',
      '<iframe src="https://video.example/embed"></iframe>',
      '<div style="background:url(\'https://bg.example/a.png\')"></div>',
      '<style>@import url("https://fonts.example/css");</style>',
    ].join('\n')
    expect(foreignInHtml(page, own)).toEqual([
      '<link href="https://cdn.example/x.css">',
      '<link href="//fonts.example/f.woff2">',
      '<link href="https://icons.example/favicon.ico">',
      '<script src="https://analytics.example/a.js">',
      '<img src="https://tracker.example/pixel.gif">',
      '<img srcset="https://img.example/big.png">',
      '<iframe src="https://video.example/embed">',
      "<div style> url(https://bg.example/a.png)",
      '<style> url(https://fonts.example/css)',
      '<style> @import https://fonts.example/css',
    ])
    // Our own and relative addresses, data: images and ordinary links to elsewhere are fine.
    const fine = '<link rel="stylesheet" href="/static/app.css"><img src="http://localhost/media/x.webp" alt=""><img src="data:image/png;base64,AA" alt=""><a href="https://elders.example/">elders</a><link rel="canonical" href="https://elders.example/">'
    expect(foreignInHtml(fine, own)).toEqual([])
    expect(foreignInCss('a{background:url(/x.png)} b{background:url( "https://x.example/y.png" )} @import "//x.example/z.css";', own)).toEqual(['url(https://x.example/y.png)', '@import //x.example/z.css'])
    expect(cspProblems("default-src 'self'; img-src 'self' data:; script-src 'self' https://cdn.example")).toEqual(['CSP script-src allows https://cdn.example'])
    expect(cspProblems(null)).toEqual(['no Content-Security-Policy'])
  })
})
