/**
 * The activities an iCal feed holds: each public activity of the wijk (or one theme, or one
 * activity) with an occurrence that has not ended before `from`, as a series (its first start,
 * rule, skipped and moved dates), read through the public projection.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { activityOccurrences, contentItems } from '../content/content.tables.js'
import { publicColumns, publiclyVisible, type PublicItem } from '../content/content.public.js'
import { hasTheme } from './wijk-site.queries.js'

const ci = contentItems
const occ = activityOccurrences

export type SeriesRow = Pick<PublicItem, 'id' | 'type' | 'title' | 'slug' | 'summary' | 'updatedAt' | 'allDay' | 'recurrence' | 'revision' | 'locationText' | 'endsAt'> & { startsAt: Date }

export interface SeriesQuery {
  wijkId: number
  /** Occurrences that ended before this are history: a series of only those is left out. */
  from: Date
  themeId?: number
  contentId?: number
  limit: number
}

export async function calendarSeries(db: Db, now: Date, q: SeriesQuery): Promise<SeriesRow[]> {
  const where = [
    eq(ci.wijkId, q.wijkId),
    eq(ci.type, 'activity'),
    publiclyVisible(now),
    sql`${ci.startsAt} is not null`,
    sql`exists (select 1 from ${occ} where ${occ.contentId} = ${ci.id} and coalesce(${occ.endsAt}, ${occ.startsAt}) >= ${q.from.toISOString()}::timestamptz)`,
  ]
  if (q.themeId !== undefined) where.push(hasTheme(q.themeId))
  if (q.contentId !== undefined) where.push(eq(ci.id, q.contentId))
  return (await db
    .select({
      id: publicColumns.id,
      type: publicColumns.type,
      title: publicColumns.title,
      slug: publicColumns.slug,
      summary: publicColumns.summary,
      updatedAt: publicColumns.updatedAt,
      startsAt: publicColumns.startsAt,
      endsAt: publicColumns.endsAt,
      allDay: publicColumns.allDay,
      recurrence: publicColumns.recurrence,
      revision: publicColumns.revision,
      locationText: publicColumns.locationText,
    })
    .from(ci)
    .where(and(...where))
    .orderBy(asc(ci.startsAt), asc(ci.id))
    .limit(q.limit)) as SeriesRow[]
}
