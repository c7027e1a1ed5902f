/**
 * What the wijk home and the city page show of the wijk site: upcoming activities, the newest
 * Prikbord items and news, recently updated organisations and businesses (P16), and the themes.
 * All through the public projection. Handed to places as its PlaceSections in app.tsx; places
 * draws the pages around them.
 */
import type { AppContext } from '../../kernel/context.js'
import { listThemes } from '../content/content.themes.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { wijkHref } from '../places/wijk-href.js'
import { featuredIn, listOccurrences, newestIn, recentlyUpdated } from './wijk-site.queries.js'
import { linksOf, type WijkPreview } from '../places/places.queries.js'
import { siteLinks, withQuery } from './wijk-site.site.js'
import { emptyNextHref } from './wijk-site.empty.js'
import { attachThumbnails, thumbnailsOf, withThumbnails } from './wijk-site.cards.queries.js'
import { CitySections, WijkHomeSections } from './wijk-site.views.js'
import { verifiedOrganisations } from './wijk-site.verified.js'

/** Items in the Uitgelicht section at most (each account features at most MAX_FEATURED_ITEMS). */
const HOME_FEATURED = 6

export async function wijkHomeSections(c: AppContext, wijk: { id: number; slug: string; hostName: string | null; preview?: WijkPreview }) {
  const { db, clock, entitlements } = c.get('deps')
  const now = clock.now()
  const lang = c.get('lang')
  const links = siteLinks(c, wijk)
  const [featured, agenda, prikbord, news, updated, themes, external] = await Promise.all([
    featuredIn(db, now, wijk.id, entitlements.holders('featured', now), HOME_FEATURED, wijk.preview),
    listOccurrences(db, now, { wijkIds: [wijk.id], from: now, limit: 5, preview: wijk.preview }),
    newestIn(db, now, [wijk.id], ['request', 'offer'], 5, wijk.preview),
    newestIn(db, now, [wijk.id], ['news'], 3, wijk.preview),
    recentlyUpdated(db, now, wijk.id, ['organisation', 'showcase'], 5, wijk.preview),
    listThemes(db, wijk.id),
    linksOf(db, wijk.id),
  ])
  // One read of thumbnails for all five lists; organisations among them may carry the mark.
  const [thumbs, verified] = await Promise.all([
    thumbnailsOf(db, [...featured, ...agenda.items, ...prikbord, ...news, ...updated].map((card) => card.id)),
    verifiedOrganisations(c, [...featured, ...updated]),
  ])
  return (
    <WijkHomeSections
      t={c.get('t')}
      lang={lang}
      featured={attachThumbnails(featured, thumbs).map((card) => ({ ...card, verified: verified.has(card.id) }))}
      agenda={attachThumbnails(agenda.items, thumbs)}
      prikbord={attachThumbnails(prikbord, thumbs)}
      news={attachThumbnails(news, thumbs)}
      updated={attachThumbnails(updated, thumbs).map((card) => ({ ...card, verified: verified.has(card.id) }))}
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
    listOccurrences(db, now, { wijkIds: ids, from: now, limit: 10 }).then((r) => withThumbnails(db, r.items)),
    newestIn(db, now, ids, ['request', 'offer'], 10).then((cards) => withThumbnails(db, cards)),
  ])
  const label = <T extends { id: number; slug: string; type: Parameters<typeof itemPathInWijk>[0]['type']; wijkId: number }>(card: T) => {
    const w = byId.get(card.wijkId)!
    return { card, href: wijkHref(c, w, itemPathInWijk(card)), wijk: w.name }
  }
  return <CitySections t={c.get('t')} lang={c.get('lang')} agenda={agenda.map(label)} prikbord={prikbord.map(label)} />
}
