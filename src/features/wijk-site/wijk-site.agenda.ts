/**
 * What the Agenda shows, apart from how it looks: the list in day buckets (today, the rest of this
 * week, later), a month as a calendar, or one day. Every "now" comes from the platform's clock and
 * every day is an Amsterdam day (wijk-site.dates.ts).
 */
import type { Db } from '../../kernel/db/client.js'
import type { WijkPreview } from '../places/places.queries.js'
import { dayKey, dayRange, monthRange, monthWeeks, thisWeekRange, thisWeekendRange, todayRange, type Range } from './wijk-site.dates.js'
import { listOccurrences, type ImageRef, type OccurrenceCard } from './wijk-site.queries.js'
import type { AgendaQuery } from './wijk-site.schema.js'

export type AgendaCard = OccurrenceCard & { thumb: ImageRef | null }

export type Bucket = 'today' | 'week' | 'later'

export interface AgendaDay {
  /** "YYYY-MM-DD" in Amsterdam. */
  key: string
  /** An instant on that day, to format it. */
  date: Date
  items: AgendaCard[]
}

/** A month's calendar shows this many activities in a day's cell; the day's own page shows all. */
export const CELL_LIMIT = 3
/** Enough for any month of a wijk; a month beyond it shows what fits, and its days show the rest. */
const MONTH_LIMIT = 1000

/**
 * Occurrences under today, the rest of this week (to Sunday) and later, each bucket by day. One
 * that began before today and still runs is listed under today: it is on now.
 */
export function bucketByDay(items: AgendaCard[], now: Date): Array<{ bucket: Bucket; days: AgendaDay[] }> {
  const today = todayRange(now)
  const weekEnd = thisWeekRange(now).to
  const result: Array<{ bucket: Bucket; days: AgendaDay[] }> = []
  for (const item of items) {
    const shown = item.occursAt < today.from ? today.from : item.occursAt
    const bucket: Bucket = shown < today.to ? 'today' : shown < weekEnd ? 'week' : 'later'
    let group = result[result.length - 1]
    if (!group || group.bucket !== bucket) result.push((group = { bucket, days: [] }))
    const key = dayKey(shown)
    const day = group.days[group.days.length - 1]
    if (day && day.key === key) day.items.push(item)
    else group.days.push({ key, date: shown, items: [item] })
  }
  return result
}

export interface CalendarCell {
  key: string
  day: number
  today: boolean
  items: AgendaCard[]
}

/** The weeks of a month, each day with its activities; null for the days of other months. */
export function monthGrid(month: string, items: AgendaCard[], now: Date): Array<Array<CalendarCell | null>> {
  const from = monthRange(month).from
  const byDay = new Map<string, AgendaCard[]>()
  for (const item of items) {
    // Something that began last month and runs into this one is shown on the 1st.
    const key = dayKey(item.occursAt < from ? from : item.occursAt)
    byDay.set(key, [...(byDay.get(key) ?? []), item])
  }
  const todayKey = dayKey(now)
  return monthWeeks(month).map((week) => week.map((key) => (key ? { key, day: Number(key.slice(8)), today: key === todayKey, items: byDay.get(key) ?? [] } : null)))
}

export type AgendaModel =
  | { view: 'list'; buckets: Array<{ bucket: Bucket; days: AgendaDay[] }>; count: number; hasNext: boolean }
  | { view: 'month'; month: string; weeks: Array<Array<CalendarCell | null>>; count: number }
  | { view: 'day'; day: string; items: AgendaCard[]; count: number; hasNext: boolean }

function listRange(q: AgendaQuery, now: Date): Range | null {
  if (q.wanneer === 'vandaag') return todayRange(now)
  if (q.wanneer === 'deze-week') return thisWeekRange(now)
  if (q.wanneer === 'dit-weekend') return thisWeekendRange(now)
  return null
}

/** Reads what the Agenda page asks for: `pageSize` a page for the list and a day. */
export async function loadAgenda(db: Db, now: Date, q: AgendaQuery, opts: { wijkId: number; themeId?: number; pageSize: number; preview?: WijkPreview }): Promise<AgendaModel> {
  const base = { wijkIds: [opts.wijkId], themeId: opts.themeId, preview: opts.preview }
  if (q.maand) {
    const range = monthRange(q.maand)
    const { items } = await listOccurrences(db, now, { ...base, from: range.from, to: range.to, limit: MONTH_LIMIT })
    // Thumbnails are for cards; a calendar cell shows titles only.
    const cards = items.map((item) => ({ ...item, thumb: null }))
    return { view: 'month', month: q.maand, weeks: monthGrid(q.maand, cards, now), count: items.length }
  }
  const paging = { limit: opts.pageSize, offset: (q.pagina - 1) * opts.pageSize }
  if (q.dag) {
    const range = dayRange(q.dag)
    const { items, hasNext } = await listOccurrences(db, now, { ...base, from: range.from, to: range.to, ...paging })
    return { view: 'day', day: q.dag, items, count: items.length, hasNext }
  }
  const range = listRange(q, now)
  // The list starts now at the earliest: what already ended is no use to anyone.
  const from = range && range.from > now ? range.from : now
  const { items, hasNext } = await listOccurrences(db, now, { ...base, from, to: range?.to, ...paging })
  return { view: 'list', buckets: bucketByDay(items, now), count: items.length, hasNext }
}
