/**
 * What widgets read. Their items come from the partner API's queries (partners.api.queries.ts),
 * which read THE public projection narrowed to what owners share with partners: a widget adds
 * no query path of its own, only the choice of module, place, theme and number.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { addMs, DAY } from '../../kernel/clock.js'
import type { ContentType } from '../content/content.tables.js'
import { typesOfModule } from '../content/content.urls.js'
import { cities } from '../places/places.tables.js'
import { inForce, scopeWijkIds } from './partners.access.js'
import { findSharedItem, listSharedItems, occurrencesOf, themesIn, wijkenOf, type Occurrence, type ScopeWijk, type SharedItem } from './partners.api.queries.js'
import { partners, partnerScope } from './partners.tables.js'
import { partnerWidgets, type WidgetModule } from './partners.widgets.tables.js'

export type Widget = typeof partnerWidgets.$inferSelect

/** What a widget needs of its partner. */
export interface WidgetPartner {
  id: number
  name: string
  origins: string[]
  status: (typeof partners.$inferSelect)['status']
  startsOn: string
  endsOn: string | null
  contentTypes: ContentType[]
}

const partnerColumns = {
  id: partners.id,
  name: partners.name,
  origins: partners.origins,
  status: partners.status,
  startsOn: partners.startsOn,
  endsOn: partners.endsOn,
  contentTypes: partners.contentTypes,
}

export async function findWidgetPartner(db: Db, partnerId: number): Promise<WidgetPartner | null> {
  const [row] = await db.select(partnerColumns).from(partners).where(eq(partners.id, partnerId)).limit(1)
  return row ?? null
}

export function listWidgets(db: Db, partnerId: number): Promise<Widget[]> {
  return db.select().from(partnerWidgets).where(eq(partnerWidgets.partnerId, partnerId)).orderBy(asc(partnerWidgets.createdAt), asc(partnerWidgets.id))
}

/** A widget of this partner (an id of another partner's widget is not found). */
export async function findWidget(db: Db, partnerId: number, widgetId: string): Promise<Widget | null> {
  const [row] = await db
    .select()
    .from(partnerWidgets)
    .where(and(eq(partnerWidgets.id, widgetId), eq(partnerWidgets.partnerId, partnerId)))
    .limit(1)
  return row ?? null
}

/** A widget with its partner, for the embed routes; null for an unknown id. */
export async function findEmbeddedWidget(db: Db, widgetId: string): Promise<{ widget: Widget; partner: WidgetPartner } | null> {
  const [row] = await db.select({ widget: partnerWidgets, partner: partnerColumns }).from(partnerWidgets).innerJoin(partners, eq(partners.id, partnerWidgets.partnerId)).where(eq(partnerWidgets.id, widgetId)).limit(1)
  return row ?? null
}

/** The places, themes and types a widget of this partner can choose from: its scope. */
export interface WidgetChoices {
  wijken: ScopeWijk[]
  cities: Array<{ id: number; name: string }>
  themes: Array<{ slug: string; nameNl: string; nameEn: string }>
  types: ContentType[]
}

export async function widgetChoices(db: Db, partner: WidgetPartner): Promise<WidgetChoices> {
  const wijkIds = await scopeWijkIds(db, partner.id)
  const [wijken, cityRows, themes] = await Promise.all([
    wijkenOf(db, wijkIds),
    db.select({ id: cities.id, name: cities.name }).from(partnerScope).innerJoin(cities, eq(cities.id, partnerScope.cityId)).where(eq(partnerScope.partnerId, partner.id)).orderBy(asc(cities.name)),
    themesIn(db, wijkIds),
  ])
  const bySlug = new Map(themes.map((th) => [th.slug, { slug: th.slug, nameNl: th.nameNl, nameEn: th.nameEn }]))
  return { wijken, cities: cityRows, themes: [...bySlug.values()].sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl')), types: partner.contentTypes }
}

/** The content types a module shows that the agreement covers. */
export function widgetTypes(module: WidgetModule, partner: Pick<WidgetPartner, 'contentTypes'>): ContentType[] {
  if (module === 'item') return partner.contentTypes
  return typesOfModule(module).filter((type) => partner.contentTypes.includes(type))
}

/** Where the widget's "more" link and heading point: its wijk or city, by slug and name. */
export interface WidgetPlace {
  kind: 'wijk' | 'city'
  slug: string
  name: string
}

export interface WidgetContent {
  place: WidgetPlace | null
  items: SharedItem[]
  /** Activities: their occurrences from now on, in order. */
  occurrences: Map<number, Occurrence[]>
}

/** How far ahead an agenda widget looks. */
const AGENDA_DAYS = 90

/**
 * The items a widget shows now. Nothing unless the agreement is in force; within it, only what
 * the scope covers today (a wijk that left the scope makes the widget empty, not wider).
 */
export async function widgetContent(db: Db, now: Date, widget: Widget, partner: WidgetPartner): Promise<WidgetContent | null> {
  if (!inForce(partner, now)) return null
  const scope = await scopeWijkIds(db, partner.id)
  const types = widgetTypes(widget.module, partner)
  const wijken = await wijkenOf(db, scope)
  const to = addMs(now, AGENDA_DAYS * DAY)
  if (widget.module === 'item') {
    const item = widget.itemId === null ? null : await findSharedItem(db, now, widget.itemId, types, scope)
    const occurrences = item?.type === 'activity' ? await occurrencesOf(db, [item.id], now, to) : new Map<number, Occurrence[]>()
    return { place: null, items: item ? [item] : [], occurrences }
  }
  const inPlace = wijken.filter((w) => (widget.wijkId !== null ? w.id === widget.wijkId : w.cityId === widget.cityId))
  const place = await placeOf(db, widget, inPlace)
  const agenda = widget.module === 'agenda'
  const { items } = await listSharedItems(db, now, {
    types,
    wijkIds: inPlace.map((w) => w.id),
    themeSlug: widget.themeSlug ?? undefined,
    category: widget.category ?? undefined,
    occursFrom: agenda ? now : undefined,
    occursTo: agenda ? to : undefined,
    limit: widget.itemCount,
    order: agenda ? 'soonest' : 'newest',
  })
  const activities = items.filter((i) => i.type === 'activity').map((i) => i.id)
  return { place, items, occurrences: await occurrencesOf(db, activities, now, to) }
}

async function placeOf(db: Db, widget: Widget, inPlace: ScopeWijk[]): Promise<WidgetPlace | null> {
  if (inPlace.length === 0) return null
  if (widget.wijkId !== null) {
    const w = inPlace[0]
    return w ? { kind: 'wijk', slug: w.slug, name: w.name } : null
  }
  if (widget.cityId === null) return null
  const [city] = await db.select({ slug: cities.slug, name: cities.name }).from(cities).where(inArray(cities.id, [widget.cityId])).limit(1)
  return city ? { kind: 'city', ...city } : null
}

/** The "one item" widgets of an item, oldest first, with their partners (oEmbed of an item page). */
export function itemWidgets(db: Db, itemId: number): Promise<Array<{ widget: Widget; partner: WidgetPartner }>> {
  return db
    .select({ widget: partnerWidgets, partner: partnerColumns })
    .from(partnerWidgets)
    .innerJoin(partners, eq(partners.id, partnerWidgets.partnerId))
    .where(and(eq(partnerWidgets.module, 'item'), eq(partnerWidgets.itemId, itemId)))
    .orderBy(asc(partnerWidgets.createdAt), asc(partnerWidgets.id))
}
