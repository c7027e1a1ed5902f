/**
 * Reads of the page-view aggregates for the dashboards and the CSV download. A filter is a day
 * range (inclusive, YYYY-MM-DD) and optionally one site: a wijk id, or 0 for platform pages.
 */
import { and, asc, desc, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { wijken } from '../places/places.tables.js'
import { pageViewsDaily as v } from './statistics.tables.js'

export interface StatsFilter {
  from: string
  to: string
  /** null: every site; 0: platform pages; otherwise one wijk. */
  wijkId: number | null
}

export interface Count {
  label: string
  views: number
}

const views = sql<number>`sum(${v.views})`.mapWith(Number)

function where(f: StatsFilter, extra?: SQL): SQL | undefined {
  return and(gte(v.day, f.from), lte(v.day, f.to), f.wijkId === null ? undefined : eq(v.wijkId, f.wijkId), extra)
}

export async function totalViews(db: Db, f: StatsFilter): Promise<number> {
  const [row] = await db.select({ views }).from(v).where(where(f))
  return row?.views ?? 0
}

/** Views per day that has any; the caller fills the empty days. */
export async function viewsPerDay(db: Db, f: StatsFilter): Promise<Map<string, number>> {
  const rows = await db.select({ day: v.day, views }).from(v).where(where(f)).groupBy(v.day).orderBy(asc(v.day))
  return new Map(rows.map((r) => [r.day, r.views]))
}

type Dimension = 'path' | 'referrer' | 'browser' | 'lang'

/** The largest values of one dimension, most viewed first. Referrers leave out "none". */
export async function topBy(db: Db, f: StatsFilter, dimension: Dimension, limit: number): Promise<Count[]> {
  const column = v[dimension]
  const rows = await db
    .select({ label: column, views })
    .from(v)
    .where(where(f, dimension === 'referrer' ? ne(v.referrer, '') : undefined))
    .groupBy(column)
    .orderBy(desc(views), asc(column))
    .limit(limit)
  return rows
}

export interface CsvRow {
  day: string
  wijkId: number
  /** The wijk's slug, null for platform pages or a wijk that no longer exists. */
  wijkSlug: string | null
  path: string
  referrer: string
  browser: string
  lang: string
  views: number
}

/** Every aggregate row of the filter, in a stable order. */
export async function csvRows(db: Db, f: StatsFilter): Promise<CsvRow[]> {
  return db
    .select({ day: v.day, wijkId: v.wijkId, wijkSlug: wijken.slug, path: v.path, referrer: v.referrer, browser: v.browser, lang: v.lang, views: v.views })
    .from(v)
    .leftJoin(wijken, eq(wijken.id, v.wijkId))
    .where(where(f))
    .orderBy(asc(v.day), asc(v.wijkId), asc(v.path), asc(v.referrer), asc(v.browser), asc(v.lang))
}
