/**
 * What one page view may tell the statistics (P16): the day, the site, the path, the referring
 * site's host name, a browser family and the page language. Everything else about the request
 * (IP address, full user agent, cookies, query string) is looked at here at most to decide
 * whether to count, and is never kept. No user-agent library: six families need six regexes.
 */
import { toLocal, localDate } from '../content/content.recurrence.js'
import { isHostName } from '../places/places.schema.js'

/** First path segments of pages that are not public pages of a site: never counted. */
const NOT_COUNTED = new Set(['beheer', 'account', 'static', 'media', 'dev', 'health', 'api', 'taal', 'uitnodiging', 'hulp', 'afmelden'])

/** Longest path kept; longer ones are cut (they are not real pages anyway). */
export const MAX_PATH = 200
const MAX_REFERRER = 100

/** Crawlers, link previews, monitors and scripts: they are not visitors. */
const BOT =
  /bot|crawl|spider|slurp|preview|headless|lighthouse|facebookexternalhit|whatsapp|embedly|pingdom|uptime|monitor|curl\/|wget\/|python|java\/|go-http-client|okhttp|axios|node-fetch|undici|libwww-perl|httpclient/i

/** Most specific first: Edge, Opera and Samsung Internet also say "Chrome", and Chrome says "Safari". */
const FAMILIES: ReadonlyArray<readonly [BrowserFamily, RegExp]> = [
  ['Samsung Internet', /SamsungBrowser\//],
  ['Edge', /\bEdg(?:e|A|iOS)?\//],
  ['Opera', /\bOPR\/|\bOpera\b|\bOPiOS\//],
  ['Firefox', /\bFirefox\/|\bFxiOS\//],
  ['Chrome', /\bChrome\/|\bCriOS\/|\bChromium\//],
  ['Safari', /\bSafari\//],
]

export const BROWSER_FAMILIES = ['Firefox', 'Chrome', 'Safari', 'Edge', 'Opera', 'Samsung Internet', 'other'] as const
export type BrowserFamily = (typeof BROWSER_FAMILIES)[number]

/** True for a request that is no person's visit: no user agent at all, or one that names a robot. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent)
}

export function browserFamily(userAgent: string): BrowserFamily {
  for (const [family, re] of FAMILIES) if (re.test(userAgent)) return family
  return 'other'
}

/** Browsers announce speculative loads (link prefetch, prerender); those are not views. */
export function isPrefetch(headers: Headers): boolean {
  for (const name of ['sec-purpose', 'purpose', 'x-purpose', 'x-moz']) {
    const value = headers.get(name)
    if (value && /prefetch|preview|prerender/i.test(value)) return true
  }
  return false
}

/** The first segment of a path: "/oosterpark/agenda" → "oosterpark". */
export function firstSegment(path: string): string {
  const end = path.indexOf('/', 1)
  return end === -1 ? path.slice(1) : path.slice(1, end)
}

/** Public pages only: not beheer, the personal areas (/mijn-…, /account), assets or tooling. */
export function isCountedPath(path: string): boolean {
  const first = firstSegment(path)
  return !NOT_COUNTED.has(first) && !first.startsWith('mijn-')
}

export function cappedPath(path: string): string {
  return path.length <= MAX_PATH ? path : path.slice(0, MAX_PATH)
}

/**
 * The referring site as a bare host name, or '' when there is none, it is one of our own sites,
 * or it is not a proper host name (an IP address is never kept, not even a site's).
 */
export function referrerSite(referer: string | undefined, isOwnHost: (host: string) => boolean): string {
  if (!referer) return ''
  let url: URL
  try {
    url = new URL(referer)
  } catch {
    return ''
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return ''
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (host.length > MAX_REFERRER || !isHostName(host) || isOwnHost(host)) return ''
  return host
}

/** The Europe/Amsterdam calendar day as YYYY-MM-DD; one formatting per minute at most. */
export class AmsterdamDay {
  #minute = -1
  #day = ''
  of(now: Date): string {
    const minute = Math.floor(now.getTime() / 60_000)
    if (minute !== this.#minute) {
      this.#minute = minute
      this.#day = localDate(toLocal(now))
    }
    return this.#day
  }
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}
