/**
 * Reads of cities and wijken, with explicit columns.
 */
import { and, asc, count, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { cities, wijken, wijkLinks, wijkPostcodes } from './places.tables.js'
import type { CoverColumns } from './places.cover.js'

/**
 * The wijken the public may know of: launched ones. A wijk that is still being prepared is left
 * out of every public list of wijken (home, city pages, postcode and location lookup, sitemaps,
 * the partner API) and its items out of the public projection (content.public.ts).
 */
export const launchedWijken: SQL = isNotNull(wijken.launchedAt)

/**
 * An unlaunched wijk that one request may look into: its team or a platform admin previews it
 * (policy action wijk.preview). Only places.launch.ts makes one, after asking the policy.
 */
export interface WijkPreview {
  readonly wijkId: number
}

/** Launched, or the wijk this request previews: what a previewer's reads use instead of `launchedWijken`. */
export function launchedOrPreviewed(preview: WijkPreview | undefined): SQL {
  return preview ? or(launchedWijken, eq(wijken.id, preview.wijkId))! : launchedWijken
}

export interface WijkSummary {
  id: number
  slug: string
  name: string
  cityId: number
  cityName: string
  citySlug: string
  /** Null while the wijk is not launched yet. */
  launchedAt: Date | null
}

const summaryColumns = {
  id: wijken.id,
  slug: wijken.slug,
  name: wijken.name,
  cityId: wijken.cityId,
  cityName: cities.name,
  citySlug: cities.slug,
  launchedAt: wijken.launchedAt,
}

/** Every wijk with its city, ordered by city then name (for the admin's pickers and selects). */
export async function listWijken(db: Db, only?: SQL): Promise<WijkSummary[]> {
  return db.select(summaryColumns).from(wijken).innerJoin(cities, eq(cities.id, wijken.cityId)).where(only).orderBy(asc(cities.name), asc(wijken.name))
}

/** The launched wijken with their city, for the public's lists and choosers. */
export function listLaunchedWijken(db: Db): Promise<WijkSummary[]> {
  return listWijken(db, launchedWijken)
}

export async function findWijkById(db: Db, id: number) {
  const [row] = await db.select().from(wijken).where(eq(wijken.id, id)).limit(1)
  return row ?? null
}

export interface CitySummary {
  id: number
  slug: string
  name: string
}

/** Every city by name. */
export async function listCities(db: Db): Promise<CitySummary[]> {
  return db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).orderBy(asc(cities.name))
}

export async function findCityById(db: Db, id: number): Promise<CitySummary | null> {
  const [row] = await db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).where(eq(cities.id, id)).limit(1)
  return row ?? null
}

/** The launched wijken whose area includes this PC4, with their city (P17: nothing of the query is kept). */
export async function wijkenForPc4(db: Db, pc4: string): Promise<WijkSummary[]> {
  return db
    .selectDistinct(summaryColumns)
    .from(wijkPostcodes)
    .innerJoin(wijken, eq(wijken.id, wijkPostcodes.wijkId))
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(and(eq(wijkPostcodes.pc4, pc4), launchedWijken))
    .orderBy(asc(cities.name), asc(wijken.name))
}

/** Every launched wijk that has a centre set, with its city, for "use my location" (P17). */
export async function wijkCentres(db: Db): Promise<Array<WijkSummary & { center: { lat: number; lon: number } }>> {
  const rows = await db
    .select({ ...summaryColumns, lat: wijken.centerLat, lon: wijken.centerLon })
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(and(isNotNull(wijken.centerLat), isNotNull(wijken.centerLon), launchedWijken))
    .orderBy(asc(wijken.id))
  return rows.map(({ lat, lon, ...w }) => ({ ...w, center: { lat: lat!, lon: lon! } }))
}

/** What the public wijk home shows. */
export interface WijkHome extends CoverColumns {
  id: number
  slug: string
  name: string
  introNl: string
  introEn: string
  colour: string
  logoPath: string | null
  hostName: string | null
  updatedAt: Date
  /** Null while the wijk is not launched: only its team and admins may see it (places.launch.ts). */
  launchedAt: Date | null
  city: CitySummary
  postcodes: string[]
}

export async function findWijkBySlug(db: Db, slug: string): Promise<WijkHome | null> {
  const [row] = await db
    .select({
      id: wijken.id,
      slug: wijken.slug,
      name: wijken.name,
      introNl: wijken.introNl,
      introEn: wijken.introEn,
      colour: wijken.colour,
      logoPath: wijken.logoPath,
      hostName: wijken.hostName,
      updatedAt: wijken.updatedAt,
      launchedAt: wijken.launchedAt,
      coverKey: wijken.coverKey,
      coverWidths: wijken.coverWidths,
      coverWidth: wijken.coverWidth,
      coverHeight: wijken.coverHeight,
      coverAlt: wijken.coverAlt,
      city: { id: cities.id, slug: cities.slug, name: cities.name },
    })
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(eq(wijken.slug, slug))
    .limit(1)
  if (!row) return null
  return { ...row, postcodes: await postcodesOf(db, row.id) }
}

/** The colour of a wijk, for its theme stylesheet. */
export async function findWijkTheme(db: Db, slug: string): Promise<{ id: number; launchedAt: Date | null; colour: string; updatedAt: Date; citySlug: string } | null> {
  const [row] = await db
    .select({ id: wijken.id, launchedAt: wijken.launchedAt, colour: wijken.colour, updatedAt: wijken.updatedAt, citySlug: cities.slug })
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(eq(wijken.slug, slug))
    .limit(1)
  return row ?? null
}

export async function postcodesOf(db: Db, wijkId: number): Promise<string[]> {
  const rows = await db.select({ pc4: wijkPostcodes.pc4 }).from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, wijkId)).orderBy(asc(wijkPostcodes.pc4))
  return rows.map((r) => r.pc4)
}

/** A city with its launched wijken (a city page, the partner API's ?city=). */
export interface CityPage extends CitySummary {
  wijken: Array<{ id: number; slug: string; name: string; introNl: string; introEn: string }>
}

export async function findCityBySlug(db: Db, slug: string): Promise<CityPage | null> {
  const [city] = await db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).where(eq(cities.slug, slug)).limit(1)
  if (!city) return null
  const list = await db
    .select({ id: wijken.id, slug: wijken.slug, name: wijken.name, introNl: wijken.introNl, introEn: wijken.introEn })
    .from(wijken)
    .where(and(eq(wijken.cityId, city.id), launchedWijken))
    .orderBy(asc(wijken.name))
  return { ...city, wijken: list }
}

/** A wijk as its edit form needs it. */
export async function findWijkForEdit(db: Db, id: number) {
  const [row] = await db
    .select({
      id: wijken.id,
      slug: wijken.slug,
      name: wijken.name,
      cityId: wijken.cityId,
      introNl: wijken.introNl,
      introEn: wijken.introEn,
      colour: wijken.colour,
      logoPath: wijken.logoPath,
      hostName: wijken.hostName,
      centerLat: wijken.centerLat,
      centerLon: wijken.centerLon,
      updatedAt: wijken.updatedAt,
      launchedAt: wijken.launchedAt,
      coverKey: wijken.coverKey,
      coverWidths: wijken.coverWidths,
      coverWidth: wijken.coverWidth,
      coverHeight: wijken.coverHeight,
      coverAlt: wijken.coverAlt,
    })
    .from(wijken)
    .where(eq(wijken.id, id))
    .limit(1)
  if (!row) return null
  return { ...row, postcodes: await postcodesOf(db, row.id) }
}
export type WijkForEdit = NonNullable<Awaited<ReturnType<typeof findWijkForEdit>>>

/** Some wijken by id, with their city (e.g. the wijken a beheerder works for). */
export async function wijkenByIds(db: Db, ids: number[]): Promise<WijkSummary[]> {
  if (ids.length === 0) return []
  return db
    .select(summaryColumns)
    .from(wijken)
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(inArray(wijken.id, ids))
    .orderBy(asc(cities.name), asc(wijken.name))
}

/** True when a city or a wijk that `seen` allows has this slug. */
export async function placeExists(db: Db, slug: string, seen: (wijk: { id: number; launchedAt: Date | null }) => boolean): Promise<boolean> {
  const [wijk] = await db.select({ id: wijken.id, launchedAt: wijken.launchedAt }).from(wijken).where(eq(wijken.slug, slug)).limit(1)
  if (wijk && seen(wijk)) return true
  const [city] = await db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).limit(1)
  return city !== undefined
}

/** Every city with how many wijken it has (beheer overview). */
export async function listCitiesWithCounts(db: Db): Promise<Array<CitySummary & { wijkCount: number }>> {
  return db
    .select({ id: cities.id, slug: cities.slug, name: cities.name, wijkCount: count(wijken.id) })
    .from(cities)
    .leftJoin(wijken, eq(wijken.cityId, cities.id))
    .groupBy(cities.id)
    .orderBy(asc(cities.name))
}

/** One of the wijk's own websites, linked from its home page. */
export interface ExternalLink {
  id: number
  title: string
  url: string
}

/** The wijk's links in the order the wijk team set. */
export function linksOf(db: Db, wijkId: number): Promise<ExternalLink[]> {
  return db
    .select({ id: wijkLinks.id, title: wijkLinks.title, url: wijkLinks.url })
    .from(wijkLinks)
    .where(eq(wijkLinks.wijkId, wijkId))
    .orderBy(asc(wijkLinks.position), asc(wijkLinks.id))
}

/** True when a city (or a wijk) already has this name, whatever its case and spaces around it. */
export async function placeNameTaken(db: Db, kind: 'city' | 'wijk', name: string): Promise<boolean> {
  const column = kind === 'city' ? cities.name : wijken.name
  const table = kind === 'city' ? cities : wijken
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(table)
    .where(sql`lower(trim(${column})) = lower(trim(${name}))`)
    .limit(1)
  return row !== undefined
}
