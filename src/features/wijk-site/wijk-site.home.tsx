/**
 * What the wijk home and the city page show of the wijk site: upcoming activities, the newest
 * Prikbord items and news, recently updated organisations and businesses (P16), and the themes.
 * All through the public projection. Handed to places as its PlaceSections in app.tsx; places
 * draws the pages around them.
 */
import type { AppContext } from '../../kernel/context.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { wijkHref } from '../places/wijk-href.js'
import { homeLists, listOccurrences, newestIn, type HomeLists } from './wijk-site.queries.js'
import { linksOf, type WijkPreview } from '../places/places.queries.js'
import { rememberForWijk } from '../places/places.cache.js'
import { siteLinks, themesOfWijk, withQuery } from './wijk-site.site.js'
import { emptyNextHref } from './wijk-site.empty.js'
import { CitySections, WijkHomeSections } from './wijk-site.views.js'
import { verifiedOrganisations } from './wijk-site.verified.js'

/** How many items each section shows at most (Uitgelicht: each account features at most MAX_FEATURED_ITEMS). */
const HOME_LIMITS = { featured: 6, agenda: 5, prikbord: 5, news: 3, updated: 5 }

/** "Deze week" shows the first of the agenda's items that start this week; the agenda holds more. */
export const THIS_WEEK_GLANCE = 3

type HomeWijk = { id: number; slug: string; hostName: string | null; preview?: WijkPreview }

/** The home's lists, read once per request: "Deze week" and the sections both show them. */
const listsOfRequest = new WeakMap<AppContext, Promise<HomeLists>>()
export function homeListsOf(c: AppContext, wijk: HomeWijk): Promise<HomeLists> {
  let lists = listsOfRequest.get(c)
  if (!lists) {
    const { db, clock, entitlements } = c.get('deps')
    const now = clock.now()
    lists = homeLists(db, now, wijk.id, (at) => entitlements.holders('featured', at), HOME_LIMITS, wijk.preview)
    listsOfRequest.set(c, lists)
  }
  return lists
}

export async function wijkHomeSections(c: AppContext, wijk: HomeWijk) {
  const { db } = c.get('deps')
  const lang = c.get('lang')
  const links = siteLinks(c, wijk)
  const [{ featured, agenda, prikbord, news, updated }, themes, external] = await Promise.all([
    homeListsOf(c, wijk),
    themesOfWijk(c, wijk.id),
    rememberForWijk(c, wijk.id, 'links', () => linksOf(db, wijk.id)),
  ])
  // Organisations among the featured and updated items may carry the mark.
  const verified = await verifiedOrganisations(c, [...featured, ...updated])
  return (
    <WijkHomeSections
      t={c.get('t')}
      lang={lang}
      featured={featured.map((card) => ({ ...card, verified: verified.has(card.id) }))}
      agenda={agenda}
      prikbord={prikbord}
      news={news}
      updated={updated.map((card) => ({ ...card, verified: verified.has(card.id) }))}
      themes={themes.map((th) => ({ name: lang === 'en' ? th.nameEn : th.nameNl, href: withQuery(links.module('agenda'), { thema: th.slug }) }))}
      hrefOf={links.item}
      moduleHref={links.module}
      addHref={(m) => emptyNextHref(c, wijk, m)}
      externalLinks={external}
      newsletterHref={links.href('/nieuwsbrieven')}
    />
  )
}

export async function citySections(c: AppContext, wijken: Array<{ id: number; slug: string; name: string }>) {
  const { db, clock } = c.get('deps')
  const now = clock.now()
  const ids = wijken.map((w) => w.id)
  const byId = new Map(wijken.map((w) => [w.id, w]))
  const [agenda, prikbord] = await Promise.all([
    listOccurrences(db, now, { wijkIds: ids, from: now, limit: 10 }).then((r) => r.items),
    newestIn(db, now, ids, ['request', 'offer'], 10),
  ])
  const label = <T extends { id: number; slug: string; type: Parameters<typeof itemPathInWijk>[0]['type']; wijkId: number }>(card: T) => {
    const w = byId.get(card.wijkId)!
    return { card, href: wijkHref(c, w, itemPathInWijk(card)), wijk: w.name }
  }
  return <CitySections t={c.get('t')} lang={c.get('lang')} agenda={agenda.map(label)} prikbord={prikbord.map(label)} />
}
