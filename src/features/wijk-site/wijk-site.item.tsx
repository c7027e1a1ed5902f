/**
 * One public item, the way the public site shows it. Two pieces, each with one home:
 * - `publicItemFromUrl`: the wijk and the public item that /<wijk>/<module>/<id>-<slug>/… names,
 *   for the item page and for the pages hanging off it (contact form, "meld dit");
 * - `presentItem`: everything the item page shows around the item (themes, images, dates, the
 *   place, the business, what happens at an organisation), for the public page and for the
 *   owner's preview, so the preview cannot drift from what the public will see.
 */
import type { AppContext } from '../../kernel/context.js'
import { notFound } from '../../kernel/http/errors.js'
import { SLUG_PATTERN } from '../../kernel/http/reserved.js'
import { renderMarkdown } from '../../kernel/markdown.js'
import type { WijkPreview } from '../places/places.queries.js'
import { findSeenWijkBySlug, type SeenWijk } from '../places/places.launch.js'
import { findPublicItem, type PublicItem } from '../content/content.public.js'
import { idFromItemParam, itemPathInWijk, moduleName, moduleOf } from '../content/content.urls.js'
import { activitiesAt, imagesOf, nextOccurrences, themesOfItems } from './wijk-site.queries.js'
import { siteLinks, withQuery, type WijkRef } from './wijk-site.site.js'
import { verifiedOrganisations } from './wijk-site.verified.js'
import { themeName, type ItemPageProps } from './wijk-site.views.js'

/** Wijk slugs are at most this long; a longer one is not looked up. */
const MAX_SLUG = 60

/**
 * The wijk in the URL's first segment; 404 when there is none or this actor may not see it yet
 * (places.launch.ts). Its `preview` goes with every read of its items.
 */
export async function wijkFromUrl(c: AppContext): Promise<SeenWijk> {
  const slug = c.req.param('wijk') ?? ''
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG) throw notFound()
  const wijk = await findSeenWijkBySlug(c, slug)
  if (!wijk) throw notFound()
  return wijk
}

export interface PublicItemInUrl {
  wijk: SeenWijk
  item: PublicItem
  /** The item's own path inside its wijk (/<module>/<id>-<slug>). */
  path: string
  /** The URL's module is the item's own (the contact form and "meld dit" answer 404 otherwise). */
  inModule: boolean
  /** The URL is the item's own path (the item page redirects there otherwise). */
  canonical: boolean
}

/**
 * The wijk and public item in the URL (`:wijk`, `:module`, `:item`). 404 when the wijk does not
 * exist, the item is not public now, or it belongs to another wijk: an item of wijk B is never
 * shown under wijk A's address. Before the launch, the wijk's team and admins see its items.
 */
export async function publicItemFromUrl(c: AppContext): Promise<PublicItemInUrl> {
  const param = c.req.param('item') ?? ''
  const id = idFromItemParam(param)
  if (id === null) throw notFound()
  const wijk = await wijkFromUrl(c)
  const { db, clock } = c.get('deps')
  const item = await findPublicItem(db, id, clock.now(), wijk.preview)
  if (!item || item.wijkId !== wijk.id) throw notFound()
  const inModule = moduleOf(item.type) === c.req.param('module')
  return { wijk, item, path: itemPathInWijk(item), inModule, canonical: inModule && param === `${item.id}-${item.slug}` }
}

export interface PresentedItem {
  props: ItemPageProps
  /** The title of the (public, same-wijk) place an activity is at, for the structured data. */
  locationName: string | null
}

/**
 * The item page's props for a projected item of `wijk`. Linked items (place, business) are shown
 * only while public and of the same wijk. `report` adds "meld dit", which the preview leaves out.
 */
export async function presentItem(
  c: AppContext,
  wijk: WijkRef & { id: number; preview?: WijkPreview },
  item: PublicItem,
  options: { reportHref?: string } = {},
): Promise<PresentedItem> {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db, clock } = c.get('deps')
  const now = clock.now()
  const links = siteLinks(c, wijk)
  const module = moduleOf(item.type)
  const path = itemPathInWijk(item)
  const sameWijk = (x: PublicItem | null) => (x && x.wijkId === wijk.id ? x : null)
  const [themes, images, occurrences, location, business, activities, verified] = await Promise.all([
    themesOfItems(db, [item.id]),
    imagesOf(db, item.id),
    item.type === 'activity' ? nextOccurrences(db, item.id, now, 10) : Promise.resolve([]),
    item.locationOrgId ? findPublicItem(db, item.locationOrgId, now, wijk.preview).then(sameWijk) : Promise.resolve(null),
    item.businessId ? findPublicItem(db, item.businessId, now, wijk.preview).then(sameWijk) : Promise.resolve(null),
    item.type === 'organisation' ? activitiesAt(db, now, item.id, wijk.id, wijk.preview) : Promise.resolve([]),
    verifiedOrganisations(c, [item]),
  ])
  const props: ItemPageProps = {
    t,
    lang,
    item,
    bodyHtml: item.body ? renderMarkdown(item.body) : '',
    themes: (themes.get(item.id) ?? []).map((th) => ({ name: themeName(th, lang), href: withQuery(links.module(module), { thema: th.slug }) })),
    images,
    occurrences,
    calendarHref: item.type === 'activity' ? links.href(`/agenda/${item.id}.ics`) : null,
    location: location ? { name: location.title, href: links.item(location) } : null,
    business: business ? { name: business.title, href: links.item(business) } : null,
    activities: activities.map((a) => ({ title: a.title, href: links.item(a) })),
    contactHref: links.href(`${path}/contact`),
    reportHref: options.reportHref,
    backHref: links.module(module),
    backLabel: t('wijk-site.item.back', { module: moduleName(module, lang) }),
    verified: verified.has(item.id),
  }
  return { props, locationName: location?.title ?? null }
}
