/**
 * Reads of the public wijk site. Every read of content_items goes through the public projection
 * (publicColumns + publiclyVisible): a contact field that is not switched on never leaves the
 * database, and a draft, hidden or expired item is never found. A read of one wijk's items takes
 * that wijk's `preview` (places.launch.ts), so its team sees them before the launch.
 */
import { and, asc, count, desc, eq, getTableName, gte, inArray, isNotNull, lt, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { daysBefore, instantPlaceholder, instantSql, type Instant } from '../../kernel/db/instant.js'
import { builtOnce, placeholderFor } from '../../kernel/db/prepared.js'
import { activityOccurrences, contentImages, contentItems, contentThemes, wijkThemes, type ContentType } from '../content/content.tables.js'
import { NEWEST_FIRST, publicColumns, publiclyVisible, type PublicItem } from '../content/content.public.js'
import { wijken, cities } from '../places/places.tables.js'
import { launchedWijken, type WijkPreview } from '../places/places.queries.js'

const ci = contentItems
const occ = activityOccurrences

/** A JSON value as the driver gave it: parsed already (node-postgres, PGlite) or as text. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T))

/**
 * An item's first image (by position) as its thumbnail, read in the card's own statement: one
 * probe of content_images_content_idx per card instead of a statement of its own per list
 * (decisions/025). Its images are served publicly anyway (/media/content/…).
 */
// Qualified by hand: in a one-table select Drizzle writes columns unqualified, and a bare "id"
// inside the subquery would mean the image's own id.
const itemId = sql`${sql.identifier(getTableName(ci))}.${sql.identifier(ci.id.name)}`
export const thumbColumn = sql<ImageRef | null>`(select json_build_object('fileKey', ${contentImages.fileKey}, 'widths', ${contentImages.widths}, 'width', ${contentImages.width}, 'height', ${contentImages.height}, 'alt', ${contentImages.alt}) from ${contentImages} where ${contentImages.contentId} = ${itemId} order by ${contentImages.position}, ${contentImages.id} limit 1)`.mapWith(
  (value: unknown) => (value === null ? null : fromJson<ImageRef>(value)),
)

/** What a card in a list shows: the projection without body and contact fields, and its thumbnail. */
const cardColumns = {
  id: publicColumns.id,
  wijkId: publicColumns.wijkId,
  type: publicColumns.type,
  title: publicColumns.title,
  slug: publicColumns.slug,
  summary: publicColumns.summary,
  updatedAt: publicColumns.updatedAt,
  publishedAt: publicColumns.publishedAt,
  allDay: publicColumns.allDay,
  locationText: publicColumns.locationText,
  costCents: publicColumns.costCents,
  openingHours: publicColumns.openingHours,
  category: publicColumns.category,
  expiresAt: publicColumns.expiresAt,
  priceCents: publicColumns.priceCents,
  thumb: thumbColumn,
}

export type Card = Pick<
  PublicItem,
  | 'id'
  | 'wijkId'
  | 'type'
  | 'title'
  | 'slug'
  | 'summary'
  | 'updatedAt'
  | 'publishedAt'
  | 'allDay'
  | 'locationText'
  | 'costCents'
  | 'openingHours'
  | 'category'
  | 'expiresAt'
  | 'priceCents'
> & { thumb: ImageRef | null }

/** A card of an activity on one date. */
export interface OccurrenceCard extends Card {
  occursAt: Date
  occursUntil: Date | null
}

/** The item carries this theme. */
export function hasTheme(themeId: number | SQL): SQL {
  return sql`exists (select 1 from ${contentThemes} where ${contentThemes.contentId} = ${ci.id} and ${contentThemes.themeId} = ${themeId})`
}

export interface ListQuery {
  wijkId: number
  types: readonly ContentType[]
  themeId?: number
  category?: string
  /** Newest first, or by title (organisations). */
  order: 'newest' | 'title'
  limit: number
  offset: number
  /** The unlaunched wijk this request previews (its team, admins). */
  preview?: WijkPreview
}

/** One page of a module's items; fetches one extra row to tell whether there is a next page. */
export async function listItems(db: Db, now: Date, q: ListQuery): Promise<{ items: Card[]; hasNext: boolean }> {
  const rows = (
    q.preview
      ? await itemsStatement(db, now, q)
      : await publicItemsStatement(db, q).execute({ wijk: q.wijkId, now: now.toISOString(), theme: q.themeId, category: q.category, offset: q.offset })
  ) as Card[]
  return { items: rows.slice(0, q.limit), hasNext: rows.length > q.limit }
}

/** A module list whose values may be placeholders of a statement built once. */
type ItemsShape = Omit<ListQuery, 'wijkId' | 'themeId' | 'category' | 'offset'> & {
  wijkId: number | SQL
  themeId?: number | SQL
  category?: string | SQL
  offset: number | Placeholder
}

function itemsStatement(db: Db, now: Instant, q: ItemsShape) {
  const where = [eq(ci.wijkId, q.wijkId), inArray(ci.type, [...q.types]), publiclyVisible(now, q.preview)]
  if (q.themeId !== undefined) where.push(hasTheme(q.themeId))
  if (q.category !== undefined) where.push(eq(ci.category, q.category))
  const order = q.order === 'title' ? [asc(ci.title), asc(ci.id)] : NEWEST_FIRST
  return db
    .select(cardColumns)
    .from(ci)
    .where(and(...where))
    .orderBy(...order)
    .limit(q.limit + 1)
    .offset(q.offset)
}

/**
 * One wijk's public module list, built once per database and shape (the module's types, its
 * order and page size, and which filters it has): the wijk, the time, a theme, a category and
 * the page are its parameters (decisions/028, 030).
 */
function publicItemsStatement(db: Db, q: ListQuery) {
  const shape = ['items', ...q.types, q.order, q.limit, q.themeId !== undefined ? 'theme' : '', q.category !== undefined ? 'category' : ''].join('_')
  return builtOnce(db, shape, (on) =>
    itemsStatement(on, instantPlaceholder('now'), {
      ...q,
      wijkId: placeholderFor(q.wijkId, 'wijk', 'integer')!,
      themeId: placeholderFor(q.themeId, 'theme', 'integer'),
      category: placeholderFor(q.category, 'category', 'text'),
      offset: sql.placeholder('offset'),
    }),
  )
}

/**
 * The categories in use on a wijk's Prikbord, for its filter: those with at least one visible item.
 * A DISTINCT over the wijk's items reads every one of them (280 ms at 100,000 items in a wijk);
 * instead a recursive query skips through content_wijk_category_idx from one category to the
 * next, and each is kept when a probe finds a visible item that never expires or has not yet.
 */
export async function listCategories(db: Db, now: Date, wijkId: number, preview?: WijkPreview): Promise<string[]> {
  // A scalar subquery with a limit, not EXISTS: the planner may turn an EXISTS into one hashed
  // read of every visible item of the wijk (10 ms on PGlite), where a probe per category is enough.
  const visibleIn = (expiry: SQL) =>
    sql`(select true from ${ci} where ${ci.wijkId} = ${wijkId} and ${ci.category} = categories.name and ${expiry} and ${inArray(ci.type, ['request', 'offer'])} and ${publiclyVisible(now, preview)} limit 1)`
  const result = await db.execute(sql`
    with recursive categories(name) as (
      select min(${ci.category}) from ${ci} where ${ci.wijkId} = ${wijkId} and ${ci.category} > ''
      union all
      select (select min(${ci.category}) from ${ci} where ${ci.wijkId} = ${wijkId} and ${ci.category} > categories.name)
      from categories where categories.name is not null
    )
    select name from categories
    where name is not null and coalesce(${visibleIn(sql`${ci.expiresAt} is null`)}, ${visibleIn(sql`${ci.expiresAt} > ${now.toISOString()}::timestamptz`)}, false)
    order by name
    limit 100`)
  return (result as unknown as { rows: Array<{ name: string }> }).rows.map((r) => r.name)
}

export interface OccurrenceQuery {
  wijkIds: number[]
  from: Date
  to?: Date
  themeId?: number
  /** Only this activity. */
  contentId?: number
  limit: number
  offset?: number
  /** The unlaunched wijk this request previews (its team, admins). */
  preview?: WijkPreview
}

/**
 * Wijken a read covers: a list of ids (not empty), or one wijk's id as an expression (a prepared
 * statement's placeholder).
 */
type WijkIds = number[] | SQL

function inWijken(column: typeof ci.wijkId | typeof occ.wijkId, ids: WijkIds): SQL {
  if (!Array.isArray(ids)) return sql`${column} = ${ids}`
  return ids.length === 1 ? eq(column, ids[0]!) : inArray(column, ids)
}

/** An occurrence query whose values may be placeholders of a statement built once. */
type OccurrenceShape = Omit<OccurrenceQuery, 'wijkIds' | 'from' | 'to' | 'themeId' | 'contentId' | 'offset'> & {
  wijkIds: WijkIds
  from: Instant
  to?: Instant
  themeId?: number | SQL
  contentId?: number | SQL
}

/** Occurrences that have not ended before `from` and start before `to` (q.wijkIds not empty). */
function occurrencesWhere(now: Instant, q: OccurrenceShape): SQL {
  const where = [inWijken(occ.wijkId, q.wijkIds), sql`coalesce(${occ.endsAt}, ${occ.startsAt}) >= ${instantSql(q.from)}`, publiclyVisible(now, q.preview)]
  // The start bound keeps the index range small; nothing lasts longer than a few days.
  where.push(gte(occ.startsAt, daysBefore(q.from, 14)))
  if (q.to) where.push(lt(occ.startsAt, q.to))
  if (q.themeId !== undefined) where.push(hasTheme(q.themeId))
  if (q.contentId !== undefined) where.push(eq(occ.contentId, q.contentId))
  return and(...where)!
}

const occurrenceColumns = { ...cardColumns, occursAt: occ.startsAt, occursUntil: occ.endsAt }
/** Occurrences by start, an activity's own dates in a stable order. */
const IN_TIME_ORDER = [asc(occ.startsAt), asc(occ.contentId)] as const

/** Occurrences that have not ended before `from` and start before `to`, in order. */
export async function listOccurrences(db: Db, now: Date, q: OccurrenceQuery): Promise<{ items: OccurrenceCard[]; hasNext: boolean }> {
  if (q.wijkIds.length === 0) return { items: [], hasNext: false }
  const rows = (
    q.wijkIds.length === 1 && !q.preview
      ? await publicOccurrencesStatement(db, q).execute({
          wijk: q.wijkIds[0],
          now: now.toISOString(),
          from: q.from.toISOString(),
          to: q.to?.toISOString(),
          theme: q.themeId,
          content: q.contentId,
          offset: q.offset ?? 0,
        })
      : await occurrencesStatement(db, now, { ...q, offset: q.offset ?? 0 })
  ) as OccurrenceCard[]
  return { items: rows.slice(0, q.limit), hasNext: rows.length > q.limit }
}

function occurrencesStatement(db: Db, now: Instant, q: OccurrenceShape & { offset: number | Placeholder }) {
  return db
    .select(occurrenceColumns)
    .from(occ)
    .innerJoin(ci, eq(ci.id, occ.contentId))
    .where(occurrencesWhere(now, q))
    .orderBy(...IN_TIME_ORDER)
    .limit(q.limit + 1)
    .offset(q.offset)
}

/**
 * One wijk's public occurrences, built once per database and shape (which bounds and filters the
 * list has, and its page size): every Agenda page, its month and day views and the newsletter's
 * block read through it without building the statement again (decisions/028, 030).
 */
function publicOccurrencesStatement(db: Db, q: OccurrenceQuery) {
  const shape = ['occ', q.limit, q.to ? 'to' : '', q.themeId !== undefined ? 'theme' : '', q.contentId !== undefined ? 'content' : ''].join('_')
  return builtOnce(db, shape, (on) =>
    occurrencesStatement(on, instantPlaceholder('now'), {
      wijkIds: placeholderFor(q.wijkIds[0], 'wijk', 'integer')!,
      from: instantPlaceholder('from'),
      to: q.to ? instantPlaceholder('to') : undefined,
      themeId: placeholderFor(q.themeId, 'theme', 'integer'),
      contentId: placeholderFor(q.contentId, 'content', 'integer'),
      limit: q.limit,
      offset: sql.placeholder('offset'),
    }),
  )
}

export interface ThemeRef {
  id: number
  slug: string
  nameNl: string
  nameEn: string
}

function themesQuery(db: Db, ofItems: SQL) {
  return db
    .select({ contentId: contentThemes.contentId, id: wijkThemes.id, slug: wijkThemes.slug, nameNl: wijkThemes.nameNl, nameEn: wijkThemes.nameEn })
    .from(contentThemes)
    .innerJoin(wijkThemes, eq(wijkThemes.id, contentThemes.themeId))
    .where(ofItems)
    .orderBy(asc(wijkThemes.position), asc(wijkThemes.id))
}

/**
 * The themes of some items, by item id. One item (its page, the API's item) is a statement built
 * once (decisions/028); a list's ids vary in number, so its statement is built per call.
 */
export async function themesOfItems(db: Db, ids: number[]): Promise<Map<number, ThemeRef[]>> {
  const result = new Map<number, ThemeRef[]>()
  const distinct = [...new Set(ids)]
  if (distinct.length === 0) return result
  const rows =
    distinct.length === 1
      ? await builtOnce(db, 'item_themes', (on) => themesQuery(on, eq(contentThemes.contentId, placeholderFor(distinct[0], 'id', 'integer')!))).execute({ id: distinct[0] })
      : await themesQuery(db, inArray(contentThemes.contentId, distinct))
  for (const { contentId, ...theme } of rows) {
    const list = result.get(contentId) ?? []
    list.push(theme)
    result.set(contentId, list)
  }
  return result
}

export interface ImageRef {
  fileKey: string
  widths: number[]
  width: number
  height: number
  alt: string
}

/** Images of an item that is already known to be public (its page: built once). */
export async function imagesOf(db: Db, contentId: number): Promise<ImageRef[]> {
  const statement = builtOnce(db, 'item_images', (on) =>
    on
      .select({ fileKey: contentImages.fileKey, widths: contentImages.widths, width: contentImages.width, height: contentImages.height, alt: contentImages.alt })
      .from(contentImages)
      .where(eq(contentImages.contentId, placeholderFor(contentId, 'id', 'integer')!))
      .orderBy(asc(contentImages.position), asc(contentImages.id))
      .limit(6),
  )
  return statement.execute({ id: contentId })
}

function activitiesAtQuery(db: Db, now: Instant, orgId: number | SQL, wijkId: number | SQL, preview?: WijkPreview) {
  return db
    .select(cardColumns)
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), eq(ci.type, 'activity'), eq(ci.locationOrgId, orgId), publiclyVisible(now, preview)))
    .orderBy(asc(ci.title))
    .limit(50)
}

/** Public activities that take place at an organisation, by title (for visitors: built once). */
export async function activitiesAt(db: Db, now: Date, orgId: number, wijkId: number, preview?: WijkPreview): Promise<Card[]> {
  if (preview) return (await activitiesAtQuery(db, now, orgId, wijkId, preview)) as Card[]
  const statement = builtOnce(db, 'activities_at', (on) =>
    activitiesAtQuery(on, instantPlaceholder('now'), placeholderFor(orgId, 'org', 'integer')!, placeholderFor(wijkId, 'wijk', 'integer')!),
  )
  return (await statement.execute({ now: now.toISOString(), org: orgId, wijk: wijkId })) as Card[]
}

/** Recently updated first (P16 allows showing this publicly). */
const RECENTLY_UPDATED = [desc(ci.updatedAt), desc(ci.id)] as const
/** The Uitgelicht section: newest mark first, on the partial index content_featured_idx. */
const FEATURED_FIRST = [desc(ci.featuredAt), desc(ci.id)] as const

/** Public items of these types in these wijken (not empty). */
function ofTypesIn(wijkIds: WijkIds, types: readonly ContentType[], now: Instant, preview?: WijkPreview): SQL {
  return and(inWijken(ci.wijkId, wijkIds), inArray(ci.type, [...types]), publiclyVisible(now, preview))!
}

/**
 * The wijk home's Uitgelicht section: items their owner marked (my-content.featured.ts) whose
 * owner holds `featured` now, with the packages in force as a subquery (`holders`,
 * AccountEntitlements.holders): a package that ended shows nothing, without a second read.
 */
function featuredWhere(wijkIds: WijkIds, holders: SQL, now: Instant, preview?: WijkPreview): SQL {
  return and(inWijken(ci.wijkId, wijkIds), isNotNull(ci.featuredAt), publiclyVisible(now, preview), sql`${ci.ownerId} in (${holders})`)!
}

/** The newest items of some types in some wijken (wijk home, city page; `preview` only on a wijk's own home). */
export async function newestIn(db: Db, now: Date, wijkIds: number[], types: ContentType[], limit: number, preview?: WijkPreview): Promise<Card[]> {
  if (wijkIds.length === 0) return []
  return (await db.select(cardColumns).from(ci).where(ofTypesIn(wijkIds, types, now, preview)).orderBy(...NEWEST_FIRST).limit(limit)) as Card[]
}

/** The lists of a wijk home. */
export interface HomeLists {
  featured: Card[]
  agenda: OccurrenceCard[]
  prikbord: Card[]
  news: Card[]
  updated: Card[]
}

/**
 * The five lists of a wijk home in one statement: a UNION ALL of one branch per list, each with
 * its own order and limit (the agenda's as listOccurrences, the Prikbord's and news as newestIn).
 * Every statement costs a round trip, and on a small server the system calls of a round trip
 * cost more than these reads do (decisions/025).
 */
export async function homeLists(db: Db, now: Date, wijkId: number, holders: (at: Instant) => SQL, limits: HomeLimits, preview?: WijkPreview): Promise<HomeLists> {
  // A previewed home (its team, before the launch) is rare: built as it is asked. The public one is
  // built once per database and executed with this request's time and wijk.
  const rows = preview
    ? await homeListsStatement(db, now, wijkId, holders(now), limits, preview)
    : await publicHomeStatement(db, holders, limits).execute({ now: now.toISOString(), wijk: wijkId })
  const lists: HomeLists = { featured: [], agenda: [], prikbord: [], news: [], updated: [] }
  for (const { list, occursAt, occursUntil, ...card } of rows) {
    if (list === 'agenda') lists.agenda.push({ ...card, occursAt, occursUntil } as OccurrenceCard)
    else lists[list].push(card as Card)
  }
  return lists
}

type HomeLimits = { [K in keyof HomeLists]: number }

function homeListsStatement(db: Db, now: Instant, wijkId: number | SQL, holders: SQL, limits: HomeLimits, preview?: WijkPreview) {
  const named = (list: keyof HomeLists) => sql<keyof HomeLists>`${list}::text`.as('list')
  const wijkIds: WijkIds = typeof wijkId === 'number' ? [wijkId] : wijkId
  // The agenda branch goes first: the statement's columns (and how they are read) are its own.
  const agenda = db
    .select({ ...occurrenceColumns, list: named('agenda') })
    .from(occ)
    .innerJoin(ci, eq(ci.id, occ.contentId))
    .where(occurrencesWhere(now, { wijkIds, from: now, limit: limits.agenda, preview }))
    .orderBy(...IN_TIME_ORDER)
    .limit(limits.agenda)
  const cards = (list: keyof HomeLists, where: SQL, order: readonly SQL[], limit: number) =>
    db
      .select({ ...cardColumns, occursAt: sql<Date>`null::timestamptz`.as('occurs_at'), occursUntil: sql<Date | null>`null::timestamptz`.as('occurs_until'), list: named(list) })
      .from(ci)
      .where(where)
      .orderBy(...order)
      .limit(limit)
  return agenda
    .unionAll(cards('featured', featuredWhere(wijkIds, holders, now, preview), FEATURED_FIRST, limits.featured))
    .unionAll(cards('prikbord', ofTypesIn(wijkIds, ['request', 'offer'], now, preview), NEWEST_FIRST, limits.prikbord))
    .unionAll(cards('news', ofTypesIn(wijkIds, ['news'], now, preview), NEWEST_FIRST, limits.news))
    .unionAll(cards('updated', ofTypesIn(wijkIds, ['organisation', 'showcase'], now, preview), RECENTLY_UPDATED, limits.updated))
}

/** The public home's statement, built once per database and set of limits. */
function publicHomeStatement(db: Db, holders: (at: Instant) => SQL, limits: HomeLimits) {
  const shape = `home_${Object.values(limits).join('_')}`
  // `holders` is the platform's own (deps.entitlements), the same on every call with this database.
  return builtOnce(db, shape, (on) => {
    const now = instantPlaceholder('now')
    return homeListsStatement(on, now, sql`${sql.placeholder('wijk')}::integer`, holders(now), limits)
  })
}

/**
 * For feeds: the newest items of a module with their publication time. Never previewed: feed
 * readers carry no session, and feeds may be kept by shared caches.
 */
export async function feedItems(db: Db, now: Date, wijkId: number, types: readonly ContentType[], limit: number): Promise<Card[]> {
  return newestIn(db, now, [wijkId], [...types], limit)
}

export interface SitemapItem {
  id: number
  type: ContentType
  slug: string
  updatedAt: Date
  wijkId: number
}

/** Public items of every wijk in id order, one sitemap file's worth at a time. */
export async function sitemapItems(db: Db, now: Date, limit: number, offset = 0): Promise<SitemapItem[]> {
  return (await db
    .select({ id: publicColumns.id, type: publicColumns.type, slug: publicColumns.slug, updatedAt: publicColumns.updatedAt, wijkId: publicColumns.wijkId })
    .from(ci)
    .where(publiclyVisible(now))
    .orderBy(asc(ci.id))
    .limit(limit)
    .offset(offset)) as SitemapItem[]
}

export async function countPublicItems(db: Db, now: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ci).where(publiclyVisible(now))
  return Number(row?.n ?? 0)
}

export async function sitemapPlaces(db: Db) {
  const places = await db
    .select({ id: wijken.id, slug: wijken.slug, hostName: wijken.hostName, updatedAt: wijken.updatedAt })
    .from(wijken)
    .where(launchedWijken)
    .orderBy(asc(wijken.slug))
  const cityRows = await db.select({ slug: cities.slug }).from(cities).orderBy(asc(cities.slug))
  return { wijken: places, cities: cityRows }
}

/** Occurrence times of one activity from now on (for its page). */
export async function nextOccurrences(db: Db, contentId: number, from: Date, limit: number) {
  const statement = builtOnce(db, `next_occurrences_${limit}`, (on) =>
    on
      .select({ startsAt: occ.startsAt, endsAt: occ.endsAt })
      .from(occ)
      .where(and(eq(occ.contentId, placeholderFor(contentId, 'id', 'integer')!), sql`coalesce(${occ.endsAt}, ${occ.startsAt}) > ${instantPlaceholder('from')}`))
      .orderBy(asc(occ.startsAt))
      .limit(limit),
  )
  return statement.execute({ id: contentId, from: from.toISOString() })
}
