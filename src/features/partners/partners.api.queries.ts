/**
 * What the partner API reads: content through THE public projection (content.public.ts) and
 * nothing else, narrowed to what the owner lets partners show and to the agreement's scope.
 * Lists are ordered by id, and a page starts after the last id of the one before: an item added
 * while a partner pages through gets a higher id, so every item is returned exactly once.
 */
import { and, asc, desc, eq, exists, gt, gte, inArray, lt, lte, max, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../kernel/db/client.js'
import { publicColumns, publiclyVisible, type PublicItem } from '../content/content.public.js'
import { activityOccurrences, contentItems as ci, contentThemes, wijkThemes, type ContentType } from '../content/content.tables.js'
import { cities, wijken } from '../places/places.tables.js'
import { contentChanges } from './partners.tables.js'

/** Public, and the owner did not choose "alleen op WijkConnect tonen". */
export function sharedWithPartners(now: Date): SQL {
  return and(publiclyVisible(now), eq(ci.sharedWithPartners, true))!
}

export interface ItemQuery {
  /** Already narrowed to the agreement's types and wijken. */
  types: readonly ContentType[]
  wijkIds: readonly number[]
  themeSlug?: string
  /** Prikbord category code. */
  category?: string
  q?: string
  updatedSince?: Date
  /** Activities with an occurrence starting in [from, to). */
  occursFrom?: Date
  occursTo?: Date
  afterId?: number
  /** Page-numbered formats (HSDS) skip this many; the API's own lists use afterId. */
  offset?: number
  limit: number
  /**
   * 'id' (the default): by id, so pages can continue after an id. A widget shows one first page
   * only and wants the items people look for first: 'newest' (latest published) or 'soonest'
   * (activities by their first occurrence from occursFrom).
   */
  order?: 'id' | 'newest' | 'soonest'
}

function orderOf(q: ItemQuery): SQL[] {
  if (q.order === 'newest') return [desc(sql`coalesce(${ci.publishedAt}, ${ci.updatedAt})`), desc(ci.id)]
  if (q.order === 'soonest') {
    const from = q.occursFrom ?? new Date(0)
    const first = sql`(select min(${activityOccurrences.startsAt}) from ${activityOccurrences} where ${activityOccurrences.contentId} = ${ci.id} and ${activityOccurrences.startsAt} >= ${from.toISOString()}::timestamptz)`
    return [sql`${first} asc nulls last`, asc(ci.id)]
  }
  return [asc(ci.id)]
}

export interface SharedItem extends PublicItem {
  wijkSlug: string
  wijkName: string
}

const itemColumns = { ...publicColumns, wijkSlug: wijken.slug, wijkName: wijken.name }

function itemConditions(db: Db, now: Date, q: Omit<ItemQuery, 'limit' | 'offset'>): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    sharedWithPartners(now),
    inArray(ci.type, [...q.types]),
    inArray(ci.wijkId, [...q.wijkIds]),
    q.afterId !== undefined ? gt(ci.id, q.afterId) : undefined,
    q.updatedSince ? gte(ci.updatedAt, q.updatedSince) : undefined,
    q.category ? eq(ci.category, q.category) : undefined,
    q.q ? sql`${ci.search} @@ websearch_to_tsquery('dutch', ${q.q})` : undefined,
    q.themeSlug
      ? exists(
          db
            .select({ one: sql`1` })
            .from(contentThemes)
            .innerJoin(wijkThemes, eq(wijkThemes.id, contentThemes.themeId))
            .where(and(eq(contentThemes.contentId, ci.id), eq(wijkThemes.slug, q.themeSlug))),
        )
      : undefined,
    q.occursFrom || q.occursTo
      ? exists(
          db
            .select({ one: sql`1` })
            .from(activityOccurrences)
            .where(
              and(
                eq(activityOccurrences.contentId, ci.id),
                q.occursFrom ? gte(activityOccurrences.startsAt, q.occursFrom) : undefined,
                q.occursTo ? lt(activityOccurrences.startsAt, q.occursTo) : undefined,
              ),
            ),
        )
      : undefined,
  ]
  return and(...conditions)
}

/** One page of shared items, plus whether another follows. */
export async function listSharedItems(db: Db, now: Date, q: ItemQuery): Promise<{ items: SharedItem[]; hasMore: boolean }> {
  if (q.types.length === 0 || q.wijkIds.length === 0) return { items: [], hasMore: false }
  const rows = await db
    .select(itemColumns)
    .from(ci)
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .where(itemConditions(db, now, q))
    .orderBy(...orderOf(q))
    .limit(q.limit + 1)
    .offset(q.offset ?? 0)
  return { items: rows.slice(0, q.limit) as SharedItem[], hasMore: rows.length > q.limit }
}

/** How many shared items a query matches (for page-numbered formats). */
export async function countSharedItems(db: Db, now: Date, q: Omit<ItemQuery, 'limit' | 'offset'>): Promise<number> {
  if (q.types.length === 0 || q.wijkIds.length === 0) return 0
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(ci).where(itemConditions(db, now, q))
  return row?.n ?? 0
}

/** One shared item within scope, or null (not public, not shared, or outside the agreement). */
export async function findSharedItem(db: Db, now: Date, id: number, types: readonly ContentType[], wijkIds: readonly number[]): Promise<SharedItem | null> {
  if (types.length === 0 || wijkIds.length === 0) return null
  const [row] = await db
    .select(itemColumns)
    .from(ci)
    .innerJoin(wijken, eq(wijken.id, ci.wijkId))
    .where(and(eq(ci.id, id), sharedWithPartners(now), inArray(ci.type, [...types]), inArray(ci.wijkId, [...wijkIds])))
    .limit(1)
  return (row as SharedItem | undefined) ?? null
}

export interface Occurrence {
  startsAt: Date
  endsAt: Date | null
}

/** The occurrences of these activities in [from, to), in order, per activity. */
export async function occurrencesOf(db: Db, ids: number[], from: Date, to: Date): Promise<Map<number, Occurrence[]>> {
  const out = new Map<number, Occurrence[]>()
  if (ids.length === 0) return out
  const rows = await db
    .select({ contentId: activityOccurrences.contentId, startsAt: activityOccurrences.startsAt, endsAt: activityOccurrences.endsAt })
    .from(activityOccurrences)
    .where(and(inArray(activityOccurrences.contentId, ids), gte(activityOccurrences.startsAt, from), lt(activityOccurrences.startsAt, to)))
    .orderBy(asc(activityOccurrences.startsAt))
  for (const r of rows) out.set(r.contentId, [...(out.get(r.contentId) ?? []), { startsAt: r.startsAt, endsAt: r.endsAt }])
  return out
}

export interface ScopeWijk {
  id: number
  slug: string
  name: string
  cityId: number
  citySlug: string
  cityName: string
}

/** The wijken of a scope with their cities, by name. */
export function wijkenOf(db: Db, wijkIds: readonly number[]): Promise<ScopeWijk[]> {
  if (wijkIds.length === 0) return Promise.resolve([])
  return db
    .select({ id: wijken.id, slug: wijken.slug, name: wijken.name, cityId: cities.id, citySlug: cities.slug, cityName: cities.name })
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(inArray(wijken.id, [...wijkIds]))
    .orderBy(asc(cities.name), asc(wijken.name))
}

export interface ScopeTheme {
  wijkId: number
  slug: string
  nameNl: string
  nameEn: string
}

export function themesIn(db: Db, wijkIds: readonly number[]): Promise<ScopeTheme[]> {
  if (wijkIds.length === 0) return Promise.resolve([])
  return db
    .select({ wijkId: wijkThemes.wijkId, slug: wijkThemes.slug, nameNl: wijkThemes.nameNl, nameEn: wijkThemes.nameEn })
    .from(wijkThemes)
    .where(inArray(wijkThemes.wijkId, [...wijkIds]))
    .orderBy(asc(wijkThemes.wijkId), asc(wijkThemes.position), asc(wijkThemes.id))
}

/** Where the changes feed stands: the last change seen, and the time of that look. */
export interface ChangesCursor {
  seq: number
  at: Date
}

export interface Change {
  id: number
  type: ContentType
  /** 'removed': the partner must delete its copy; 'updated': fetch the item again. */
  change: 'removed' | 'updated'
  at: Date
}

/**
 * A change's number is taken when its row is written, not when its transaction commits: a slow
 * transaction can commit a lower number after a partner read a higher one. A cursor therefore
 * never moves past changes younger than this; the partner sees them again next time (reporting an
 * item twice is harmless, missing it is not).
 */
const SETTLE_SECONDS = 10

/** The highest change number that every transaction before it has surely committed. */
async function settledSeq(db: Db): Promise<number> {
  const [row] = await db
    .select({ seq: max(contentChanges.seq) })
    .from(contentChanges)
    .where(sql`${contentChanges.changedAt} <= now() - make_interval(secs => ${SETTLE_SECONDS})`)
  return Number(row?.seq ?? 0)
}

/** Where a sync starts: every change after this is reported to it. */
export async function latestChange(db: Db, now: Date): Promise<ChangesCursor> {
  return { seq: await settledSeq(db), at: now }
}

/** At most this many logged changes per call; the cursor says where the next call goes on. */
const CHANGES_PER_CALL = 1000

/**
 * What changed in scope since the cursor: each item once, as removed (deleted, hidden, expired,
 * made private, owner cancelled) or updated (still shared: fetch it again). Expiry writes no
 * row, so items whose end passed since the cursor's time are added from the items themselves.
 */
export async function changesSince(
  db: Db,
  now: Date,
  since: ChangesCursor,
  types: readonly ContentType[],
  wijkIds: readonly number[],
): Promise<{ changes: Change[]; next: ChangesCursor; hasMore: boolean }> {
  if (types.length === 0 || wijkIds.length === 0) return { changes: [], next: { seq: since.seq, at: now }, hasMore: false }
  const scope = (wijk: AnyPgColumn, type: AnyPgColumn) => and(inArray(wijk, [...wijkIds]), inArray(type, [...types]))
  const logged = await db
    .select({ seq: contentChanges.seq, id: contentChanges.contentId, type: contentChanges.type, at: contentChanges.changedAt })
    .from(contentChanges)
    .where(and(gt(contentChanges.seq, since.seq), scope(contentChanges.wijkId, contentChanges.type)))
    .orderBy(asc(contentChanges.seq))
    .limit(CHANGES_PER_CALL + 1)
  const hasMore = logged.length > CHANGES_PER_CALL
  const page = logged.slice(0, CHANGES_PER_CALL)
  const latest = new Map<number, { type: ContentType; at: Date }>()
  for (const r of page) latest.set(r.id, { type: r.type as ContentType, at: r.at })

  const ids = [...latest.keys()]
  const stillShared = new Set(
    ids.length === 0
      ? []
      : (await db.select({ id: ci.id }).from(ci).where(and(inArray(ci.id, ids), sharedWithPartners(now), scope(ci.wijkId, ci.type)))).map((r) => r.id),
  )
  const changes: Change[] = ids.map((id) => ({ id, type: latest.get(id)!.type, change: stillShared.has(id) ? 'updated' : 'removed', at: latest.get(id)!.at }))

  // Expiry is a moment passing, not a write: on the last page, add what expired since the cursor.
  if (!hasMore) {
    const expired = await db
      .select({ id: ci.id, type: ci.type, at: ci.expiresAt })
      .from(ci)
      .where(and(gt(ci.expiresAt, since.at), lte(ci.expiresAt, now), scope(ci.wijkId, ci.type)))
    for (const e of expired) if (!latest.has(e.id)) changes.push({ id: e.id, type: e.type, change: 'removed', at: e.at! })
  }
  changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id)
  const lastSeq = page.at(-1)?.seq ?? since.seq
  if (hasMore) return { changes, next: { seq: lastSeq, at: since.at }, hasMore }
  return { changes, next: { seq: Math.max(since.seq, Math.min(lastSeq, await settledSeq(db))), at: now }, hasMore }
}
