/**
 * Every GET URL the router knows, for tests that walk all pages (the sentinel leak test, the
 * cookie and external-host test). Route parameters are filled from contexts of real values (a
 * wijk's slug with its own items, …) and a pool of values tried against a parameter's regex. A
 * parameter nothing can fill is reported, so a new route cannot slip past such a test unseen.
 *
 * @example
 * const { urls, unfilled } = expandRoute('/:wijk/agenda', { contexts, pool, global: {}, unfillable: {} })
 */
import type { Hono } from 'hono'

export interface RouteContext {
  [param: string]: string | undefined
}

export interface RouteFillers {
  /** Sets of values that belong together (a wijk slug and an item of that wijk). */
  contexts: RouteContext[]
  /** Values tried against any parameter with a regex. */
  pool: Set<string>
  /** Values that are the same for every context (a document version). */
  global: RouteContext
  /** Parameters that cannot be derived from the data, with the reason skipping them is safe. */
  unfillable: Record<string, string>
}

/** The paths of every GET route; "*" paths are middleware, not pages. */
export function getRoutePaths(app: Pick<Hono<any>, 'routes'>): string[] {
  return [...new Set(app.routes.filter((r) => (r.method === 'GET' || r.method === 'ALL') && !r.path.includes('*')).map((r) => r.path))]
}

/** ":name{regex}" parts of a route path. */
export function routeParams(path: string): Array<{ whole: string; name: string; pattern: RegExp | null }> {
  const found: Array<{ whole: string; name: string; pattern: RegExp | null }> = []
  const re = /:([A-Za-z_]\w*)(\{((?:[^{}]|\{[^{}]*\})*)\})?/g
  for (let m = re.exec(path); m; m = re.exec(path)) found.push({ whole: m[0], name: m[1]!, pattern: m[3] ? new RegExp(`^(?:${m[3]})$`) : null })
  return found
}

/** Concrete URLs for a route, or the parameters that could not be filled. */
export function expandRoute(path: string, fill: RouteFillers): { urls: string[]; unfilled: string[] } {
  const ps = routeParams(path)
  if (ps.length === 0) return { urls: [path], unfilled: [] }
  const unfilled = ps.filter((p) => fill.unfillable[p.name] && !p.pattern).map((p) => p.name)
  if (unfilled.length) return { urls: [], unfilled: [] }
  const urls = new Set<string>()
  const missing = new Set<string>()
  for (const ctx of fill.contexts) {
    let variants = [path]
    for (const p of ps) {
      const own = ctx[p.name] ?? fill.global[p.name]
      const values = own !== undefined && (!p.pattern || p.pattern.test(own)) ? [own] : p.pattern ? [...fill.pool].filter((v) => p.pattern!.test(v)) : []
      if (values.length === 0) {
        if (own === undefined && !p.pattern) missing.add(p.name)
        variants = []
        break
      }
      variants = variants.flatMap((v) => values.map((value) => v.replace(p.whole, encodeURIComponent(value))))
    }
    for (const v of variants) urls.add(v)
  }
  return { urls: [...urls], unfilled: urls.size === 0 ? [...missing] : [] }
}

/** Local URLs in a page, sitemap, feed or calendar: links, sources, form targets. */
export function localLinks(body: string): string[] {
  const links: string[] = []
  for (const m of body.matchAll(/(?:href|src|action)="([^"]+)"|<loc>([^<]+)<\/loc>|<link>([^<]+)<\/link>|\bURL[;:]([^\s]+)/g)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&')
    const local = raw.replace(/^https?:\/\/localhost(?::\d+)?/, '')
    if (local.startsWith('/') && !local.startsWith('//')) links.push(local.split('#')[0]!)
  }
  return links
}

/** Found links are grouped by shape (same path with numbers, same query names): calendars page on forever. */
export function linkFamily(url: string): string {
  return url.replace(/[0-9]+/g, 'N').replace(/=[^&]*/g, '=')
}
