/**
 * Links inside a wijk site. On the platform host the wijk lives at /<slug>/; on its own host
 * name at the root; from another wijk's host, at the platform's address. Every link to a wijk
 * page goes through wijkHref so all three work.
 *
 * @example wijkHref(c, wijk, '/')          // "/oosterpark/" or "/" on www.oosterpark.nl
 * @example wijkHref(c, wijk, '/thema.css') // "/oosterpark/thema.css" or "/thema.css"
 */
import type { AppContext } from '../../kernel/context.js'
import type { Brand } from '../../kernel/ui/layout.js'
import { logoUrl } from './logo.js'
import { themesStamp } from '../../kernel/ui/assets.js'
import { WijkBar, type WijkPlace } from './wijk-header.js'
import { can } from '../../kernel/policy/policy.js'
import { LaunchBanner } from './places.launch.views.js'

export function wijkHref(c: AppContext, wijk: { id: number; slug: string }, path = '/'): string {
  const rel = path.startsWith('/') ? path : `/${path}`
  const hostWijk = c.get('hostWijk')
  if (hostWijk?.id === wijk.id) return rel
  return platformHref(c, `/${wijk.slug}${rel}`)
}

/**
 * A platform page (home, a city, another wijk). On a wijk's own host these paths would be read
 * as pages of that wijk, so they point at the platform's address instead.
 */
export function platformHref(c: AppContext, path: string): string {
  if (!c.get('hostWijk')) return path
  return new URL(path, c.get('deps').config.publicBaseUrl).toString()
}

/**
 * What the layout needs to dress a page of this wijk: its name, logo and colours, and the wijk
 * bar (wijk-header.tsx) with its modules and search. `place` says where in the site the page is.
 *
 * @example render(c, page, { title, brand: wijkBrand(c, wijk, { current: 'agenda' }) })
 */
export function wijkBrand(
  c: AppContext,
  wijk: { id: number; slug: string; name: string; logoPath: string | null; updatedAt: Date; launchedAt: Date | null },
  place: WijkPlace = {},
): Brand {
  // Only the team and admins reach an unlaunched wijk's pages (places.launch.ts): tell them so.
  const actor = c.get('actor')
  const notice =
    wijk.launchedAt === null
      ? LaunchBanner({ t: c.get('t'), csrfToken: c.get('csrfToken'), wijkId: wijk.id, canLaunch: can(actor, 'wijk.launch', { wijkId: wijk.id }), back: 'site' })
      : undefined
  return {
    notice,
    name: wijk.name,
    homeHref: wijkHref(c, wijk, '/'),
    themeCssUrl: wijkHref(c, wijk, `/thema.css?v=${themeVersion(wijk.updatedAt, c.get('deps').config.cityThemes)}`),
    logoUrl: logoUrl(wijk.logoPath),
    wijkBar: WijkBar({ t: c.get('t'), lang: c.get('lang'), wijkName: wijk.name, hrefOf: (path) => wijkHref(c, wijk, path), place }),
  }
}

/** The version in a wijk's thema.css link: its own colour's change and its city's theme. */
export function themeVersion(updatedAt: Date, cityThemes: ReadonlyMap<string, string>): string {
  return `${updatedAt.getTime()}-${themesStamp(cityThemes)}`
}
