/**
 * Counts page views (P16). Mounted before the page cache (src/app.tsx), so cached answers count
 * too. After the answer is made it asks: a GET of a public HTML page that succeeded (200), by a
 * browser that is not a robot and not prefetching? Then one view is added in memory; nothing is
 * written per request, and nothing about the visitor (IP address, user agent, cookie, query
 * string) is kept. Sets no cookie.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../kernel/context.js'
import type { PageViewCounter } from './statistics.counter.js'
import { AmsterdamDay, browserFamily, cappedPath, firstSegment, isBot, isCountedPath, isPrefetch, referrerSite } from './statistics.visit.js'

export function countPageViews(stats: PageViewCounter): MiddlewareHandler<AppEnv> {
  const today = new AmsterdamDay()
  let platformHost: { base: string; host: string } | null = null
  return async (c, next) => {
    await next()
    if (c.req.method !== 'GET' || c.res.status !== 200) return
    // c.req.path is the routed path: on a wijk's own host name "/agenda" is "/<slug>/agenda".
    const path = c.req.path
    if (!isCountedPath(path)) return
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return
    const ua = c.req.header('user-agent')
    if (isBot(ua) || isPrefetch(c.req.raw.headers)) return

    const { clock, config, hostMap } = c.get('deps')
    if (platformHost?.base !== config.publicBaseUrl) platformHost = { base: config.publicBaseUrl, host: new URL(config.publicBaseUrl).hostname }
    const requestHost = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '')
    const own = (host: string) => host === requestHost || host === platformHost!.host || hostMap.lookup(host) !== null
    const hostWijk = c.get('hostWijk')
    stats.record({
      day: today.of(clock.now()),
      site: hostWijk ? hostWijk.id : firstSegment(path),
      path: cappedPath(path),
      referrer: referrerSite(c.req.header('referer'), own),
      browser: browserFamily(ua!),
      lang: c.get('lang'),
    })
  }
}
