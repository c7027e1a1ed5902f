/**
 * The public side of places: choosing a wijk (by name or postcode), city pages, wijk homes with
 * their theme stylesheet, and logos. Mounted last: /:slug catches every first path segment that
 * no other feature claimed. On a wijk's own host name, HostMap.routePath has already turned "/"
 * into "/<slug>/", so the same routes serve both.
 */
import { Hono } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppContext, AppEnv } from '../../kernel/context.js'
import { guard } from '../../kernel/policy/guard.js'
import { notFound } from '../../kernel/http/errors.js'
import { readQuery, readQueryForm } from '../../kernel/http/params.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { render } from '../../kernel/ui/render.js'
import { ASSETS, PAGE_BACKGROUNDS, THEMES } from '../../kernel/ui/assets.js'
import { brandPalette } from '../../kernel/ui/contrast.js'
import { findCityBySlug, findWijkTheme, listLaunchedWijken, placeExists, wijkCentres, wijkenForPc4, type WijkPreview, type WijkSummary } from './places.queries.js'
import { findSeenWijkBySlug, wijkSeen, wijkenShowingImage } from './places.launch.js'
import { postcodeQuerySchema, coarseLocationSchema, themeQuerySchema, HEX_COLOUR } from './places.schema.js'
import { CityPage, HomePage, LocationResultPage, PostcodeResultPage, WijkHomePage, type CityGroup } from './places.views.js'
import { nearest, NEAR_ENOUGH_KM } from './places.location.js'
import { wijkBrand, wijkHref, platformHref, themeVersion } from './wijk-href.js'
import { LOGO_FILE, logoUrl } from './logo.js'
import { COVER_FILE, coverView } from './places.cover.js'
import { DEFAULT_WIJK_COLOUR } from './places.tables.js'
import { pageShowsWijken } from './places.cache.js'

const YEAR_SECONDS = 31_536_000

function groupByCity(c: AppContext, list: WijkSummary[]): CityGroup[] {
  const groups = new Map<number, CityGroup>()
  for (const w of list) {
    let group = groups.get(w.cityId)
    if (!group) {
      group = { name: w.cityName, href: platformHref(c, `/${w.citySlug}/`), wijken: [] }
      groups.set(w.cityId, group)
    }
    group.wijken.push({ name: w.name, href: wijkHref(c, w, '/') })
  }
  return [...groups.values()]
}

/** The "use my location" script, on every page that shows the wijk chooser. */
const locateScript = <script src={ASSETS.locate.url} defer></script>

/**
 * P17: the browser's coarse location → the nearest wijk. The coordinates are rounded to two
 * decimals, used for this one answer, and not stored, logged (the request log has only the route
 * pattern) or put in a cookie.
 */
async function locationAnswer(c: AppContext) {
  const t = c.get('t')
  const { db } = c.get('deps')
  const all = () => listLaunchedWijken(db).then((list) => groupByCity(c, list))
  const title = t('places.locate.resultTitle')
  const parsed = readQueryForm(c, coarseLocationSchema)
  if (!parsed.ok) {
    return render(c, <LocationResultPage t={t} problem="invalid" km={NEAR_ENOUGH_KM} groups={await all()} />, { title, status: 400, head: locateScript })
  }
  const found = nearest(await wijkCentres(db), parsed.data)
  if (found) return c.redirect(wijkHref(c, found, '/'), 303)
  return render(c, <LocationResultPage t={t} problem="none" km={NEAR_ENOUGH_KM} groups={await all()} />, { title, head: locateScript })
}

/**
 * A WebP of the uploads store (a logo, a cover), named by its content hash: cached for good while
 * a launched wijk shows it. One only unlaunched wijken show is for their teams alone (404 to
 * others) and kept out of shared caches.
 */
async function wijkImage(c: AppContext, kind: 'logo' | 'cover', pattern: RegExp) {
  const file = c.req.param('file') ?? ''
  if (!pattern.test(file)) throw notFound()
  const stored = kind === 'logo' ? `logos/${file}` : `covers/${file}`
  // A cover's row holds the base key of its widths ("covers/<sha256>").
  const owners = await wijkenShowingImage(c.get('deps'), kind === 'logo' ? { logo: stored } : { cover: stored.replace(/-\d+\.webp$/, '') })
  const isPublic = owners.some((w) => w.launchedAt !== null)
  if (!isPublic && !owners.some((w) => wijkSeen(c.get('actor'), w))) throw notFound()
  const data = await c.get('deps').files.get(stored)
  if (!data) throw notFound()
  return c.body(new Uint8Array(data), 200, {
    'Content-Type': 'image/webp',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': isPublic ? `public, max-age=${YEAR_SECONDS}, immutable` : 'private, no-store',
  })
}

function canonical(c: AppContext, path: string): string {
  return new URL(path, c.get('deps').config.publicBaseUrl).toString()
}

/**
 * What the features above places show on a wijk's home and on a city page (the wijk site's
 * agenda, Prikbord and news; wired in app.tsx). Places draws the page around them and names none
 * of those features; without sections the wijk home shows its module placeholders.
 */
export interface PlaceSections {
  /** `preview`: the wijk is not launched and this actor is on its team or an admin (places.launch.ts). */
  wijkHome(c: AppContext, wijk: { id: number; slug: string; hostName: string | null; preview?: WijkPreview }): Promise<Child>
  /** A glance at this week's activities, for the top of the wijk home. */
  thisWeek(c: AppContext, wijk: { id: number; slug: string; hostName: string | null; preview?: WijkPreview }): Promise<Child>
  city(c: AppContext, wijken: Array<{ id: number; slug: string; name: string }>): Promise<Child>
}

async function placePage(c: AppContext, slug: string, sections: PlaceSections) {
  const { db, config } = c.get('deps')
  const t = c.get('t')
  const lang = c.get('lang')
  if (!SLUG_PATTERN.test(slug) || slug.length > 60) throw notFound()

  const wijk = await findSeenWijkBySlug(c, slug)
  if (wijk) {
    const intro = lang === 'en' && wijk.introEn ? wijk.introEn : wijk.introNl
    // Its own host name only while it is served (one set under a package that lapsed is not, host-map.ts).
    const served = wijk.hostName !== null && c.get('deps').hostMap.lookup(wijk.hostName)?.id === wijk.id
    const base = served ? `${new URL(config.publicBaseUrl).protocol}//${wijk.hostName}/` : canonical(c, `/${wijk.slug}/`)
    const [thisWeek, homeSections] = await Promise.all([sections.thisWeek(c, wijk), sections.wijkHome(c, wijk)])
    return render(
      c,
      <WijkHomePage
        t={t}
        name={wijk.name}
        intro={intro}
        logoUrl={logoUrl(wijk.logoPath)}
        cover={coverView(wijk)}
        thisWeek={thisWeek}
        city={{ name: wijk.city.name, href: platformHref(c, `/${wijk.city.slug}/`) }}
        postcodes={wijk.postcodes}
        sections={homeSections}
      />,
      { title: t('layout.home'), description: intro.slice(0, 160) || undefined, canonical: base, brand: wijkBrand(c, wijk) },
    )
  }

  const city = await findCityBySlug(db, slug)
  if (city) {
    // What the city page shows of its wijken (their agenda and Prikbord) moves with their stamps.
    pageShowsWijken(c, city.wijken.map((w) => w.id))
    const list = city.wijken.map((w) => ({
      name: w.name,
      href: wijkHref(c, w, '/'),
      intro: lang === 'en' && w.introEn ? w.introEn : w.introNl,
    }))
    return render(c, <CityPage t={t} name={city.name} wijken={list} sections={await sections.city(c, city.wijken)} />, { title: city.name, canonical: canonical(c, `/${city.slug}/`) })
  }
  throw notFound()
}

export function placesRoutes(sections: PlaceSections) {
  return (
    new Hono<AppEnv>()
      .get('/', guard('page.view'), async (c) => {
        const t = c.get('t')
        // The list of wijken is platform-wide; no wijk's content is shown here.
        pageShowsWijken(c, [])
        const groups = groupByCity(c, await listLaunchedWijken(c.get('deps').db))
        return render(c, <HomePage t={t} groups={groups} />, { title: t('places.home.title'), canonical: canonical(c, '/'), head: locateScript })
      })

      /**
       * P17: the postcode (or, from "use my location", the coarse location) is used for this one
       * answer; it is not stored, logged or put in a cookie.
       */
      .get('/zoek-wijk', guard('page.view'), async (c) => {
        const t = c.get('t')
        const { db } = c.get('deps')
        c.header('Cache-Control', 'no-store')
        const parsed = readQueryForm(c, postcodeQuerySchema)
        const { postcode: typed, lat, lon } = parsed.values
        if (typed === undefined && (lat !== undefined || lon !== undefined)) return locationAnswer(c)
        const all = () => listLaunchedWijken(db).then((list) => groupByCity(c, list))
        if (!parsed.ok) {
          const state = { values: { postcode: typed ?? '' }, errors: parsed.errors }
          return render(c, <PostcodeResultPage t={t} state={state} groups={await all()} />, { title: t('places.search.title'), status: 422, head: locateScript })
        }
        const pc4 = parsed.data.postcode
        const found = await wijkenForPc4(db, pc4)
        if (found.length === 1) return c.redirect(wijkHref(c, found[0]!, '/'), 303)
        const state = { values: { postcode: typed ?? '' } }
        if (found.length > 1) {
          const choices = found.map((w) => ({ name: `${w.name} (${w.cityName})`, href: wijkHref(c, w, '/') }))
          return render(c, <PostcodeResultPage t={t} state={state} pc4={pc4} choices={choices} groups={[]} />, { title: t('places.search.title') })
        }
        return render(c, <PostcodeResultPage t={t} state={state} pc4={pc4} none groups={await all()} />, { title: t('places.search.title'), head: locateScript })
      })

      .get('/media/logos/:file', guard('page.view'), (c) => wijkImage(c, 'logo', LOGO_FILE))
      /** Cover photos are public wijk data too. */
      .get('/media/covers/:file', guard('page.view'), (c) => wijkImage(c, 'cover', COVER_FILE))

      /**
       * The wijk's look as a stylesheet (CSP forbids inline styles): its city's theme, imported by
       * the theme file's hashed address, then the wijk colour as the accent tokens. The page links
       * it with ?v=<updatedAt>-<themes stamp>, so a matching version may be cached for good; any
       * other is short-lived. The colours are made readable here (kernel/ui/contrast.ts): the text
       * on the accent, and --brand-ink, the wijk colour as text on the page.
       */
      .get('/:slug/thema.css', guard('page.view'), async (c) => {
        const slug = c.req.param('slug')
        if (!SLUG_PATTERN.test(slug)) throw notFound()
        const theme = await findWijkTheme(c.get('deps').db, slug)
        if (!theme || !wijkSeen(c.get('actor'), theme)) throw notFound()
        const { cityThemes } = c.get('deps').config
        const colour = HEX_COLOUR.test(theme.colour) ? theme.colour : DEFAULT_WIJK_COLOUR
        const current = readQuery(c, themeQuerySchema).v === themeVersion(theme.updatedAt, cityThemes)
        const cityTheme = THEMES.get(cityThemes.get(theme.citySlug) ?? '')
        const palette = brandPalette(colour, PAGE_BACKGROUNDS)
        const accent = `--basis-color-accent-1-bg-default:${palette.brand};--basis-color-accent-1-color-default:${palette.text};--brand-ink:${palette.ink}`
        const dark = `@media screen and (prefers-color-scheme:dark){:root{--brand-ink:${palette.inkDark}}}`
        const css = `${cityTheme ? `@import url("${cityTheme.url}");\n` : ''}:root{${accent}}\n${dark}\n`
        return c.body(css, 200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': current ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300',
        })
      })

      .get('/:slug/', guard('page.view'), (c) => placePage(c, c.req.param('slug'), sections))

      /** One address per page: /<slug> moves to /<slug>/ for good. */
      .get('/:slug', guard('page.view'), async (c) => {
        const slug = c.req.param('slug')
        if (!SLUG_PATTERN.test(slug) || !(await placeExists(c.get('deps').db, slug, (w) => wijkSeen(c.get('actor'), w)))) throw notFound()
        const query = new URL(c.req.url).search
        return c.redirect(`/${slug}/${query}`, 301)
      })
  )
}
