/**
 * Recurring activities, expanded into occurrences for the Agenda. All arithmetic happens on the
 * Europe/Amsterdam wall clock: "every Tuesday 19:30" stays 19:30 across the switch to and from
 * summer time, so the UTC instant moves by an hour instead.
 *
 * Monthly recurrences repeat the weekday and its place in the month of the first occurrence:
 * a start on the 2nd Tuesday repeats on every 2nd Tuesday; a start in the fifth week (day 29–31)
 * repeats on the last such weekday of each month.
 */
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { activityOccurrences, contentItems, type MovedOccurrence, type Recurrence } from './content.tables.js'
import { DAY } from '../../kernel/clock.js'

export const ZONE = 'Europe/Amsterdam'
/** How far ahead occurrences are kept in the table; a daily job moves the horizon along. */
export const HORIZON_DAYS = 365
const MAX_OCCURRENCES = 1000

export interface ActivityTiming {
  startsAt: Date
  endsAt: Date | null
  allDay: boolean
  recurrence: Recurrence | null
}

export interface Occurrence {
  startsAt: Date
  endsAt: Date | null
}

/** Wall-clock parts in Amsterdam; month 1–12. */
export interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** The Amsterdam clock at an instant, read through Intl (exact, but about 20 µs a call). */
function formattedLocal(date: Date): LocalParts & { second: number } {
  const p: Record<string, number> = {}
  for (const part of partsFormat.formatToParts(date)) if (part.type !== 'literal') p[part.type] = Number(part.value)
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! }
}

const HOUR_MS = 3_600_000
/** Amsterdam's distance from UTC in each UTC hour asked about, or null for an hour in which it changes. */
const offsetByHour = new Map<number, number | null>()
const MAX_KEPT_HOURS = 50_000

function offsetAt(ms: number): number {
  const p = formattedLocal(new Date(ms))
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000))
}

/**
 * The zone's offset for a whole UTC hour, read once: Amsterdam switches at 01:00 UTC, so an
 * hour's first and last millisecond share their offset and so does everything between. An hour
 * whose ends differ (no such hour is in today’s zone data) is read exactly every time.
 */
function hourOffset(hour: number): number | null {
  let offset = offsetByHour.get(hour)
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR_MS)
    offset = start === offsetAt(hour * HOUR_MS + HOUR_MS - 1) ? start : null
    if (offsetByHour.size >= MAX_KEPT_HOURS) offsetByHour.clear()
    offsetByHour.set(hour, offset)
  }
  return offset
}

/**
 * The Amsterdam wall clock at an instant. Asked on every partner API call and for every
 * occurrence of an agenda, so it adds the hour's remembered offset instead of formatting.
 */
export function toLocal(date: Date): LocalParts {
  const ms = date.getTime()
  const offset = Number.isFinite(ms) ? hourOffset(Math.floor(ms / HOUR_MS)) : null
  if (offset === null) {
    const { second: _second, ...parts } = formattedLocal(date)
    return parts
  }
  const wall = new Date(ms + offset)
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() }
}

/** The wall clock as if it were UTC: a number to do day and minute arithmetic on. */
function wallMs(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
}

function fromWallMs(ms: number): LocalParts {
  const d = new Date(ms)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

/**
 * The instant at which Amsterdam's clock shows these parts. A time skipped by the spring switch
 * (02:30 on the last Sunday of March) lands an hour later; an ambiguous autumn time takes the
 * first (summer time) of the two.
 */
export function fromLocal(p: LocalParts): Date {
  const wall = wallMs(p)
  // Amsterdam is UTC+1 or UTC+2: try summer time first, then winter time.
  for (const offsetHours of [2, 1]) {
    const guess = new Date(wall - offsetHours * 3_600_000)
    if (wallMs(toLocal(guess)) === wall) return guess
  }
  return new Date(wall - 3_600_000)
}

/** "YYYY-MM-DD" of a wall-clock date. */
export function localDate(p: Pick<LocalParts, 'year' | 'month' | 'day'>): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function weekday(p: Pick<LocalParts, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()
}

/** The start dates (wall clock) of a series, in order, without exceptions or until applied. */
function* starts(first: LocalParts, kind: Recurrence['kind'] | null): Generator<LocalParts> {
  if (!kind) {
    yield first
    return
  }
  if (kind === 'weekly' || kind === 'biweekly') {
    const step = (kind === 'weekly' ? 7 : 14) * DAY
    for (let ms = wallMs(first); ; ms += step) yield fromWallMs(ms)
  }
  const dow = weekday(first)
  const ordinal = Math.ceil(first.day / 7)
  const last = ordinal === 5
  for (let i = 0; ; i++) {
    const monthIndex = first.month - 1 + i
    const year = first.year + Math.floor(monthIndex / 12)
    const month = (monthIndex % 12) + 1
    const firstDow = weekday({ year, month, day: 1 })
    const firstMatch = 1 + ((dow - firstDow + 7) % 7)
    let day = firstMatch + (ordinal - 1) * 7
    if (last) {
      day = firstMatch
      while (day + 7 <= daysInMonth(year, month)) day += 7
    }
    yield { year, month, day, hour: first.hour, minute: first.minute }
  }
}

/** Parts of a stored local date (YYYY-MM-DD) and an optional time (HH:MM). */
function partsOf(date: string, time: string | null, fallback: Pick<LocalParts, 'hour' | 'minute'>): LocalParts {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = time ? (time.split(':').map(Number) as [number, number]) : [fallback.hour, fallback.minute]
  return { year, month, day, hour, minute }
}

/** Whether the series gives an occurrence on this local date (before exceptions and moves). */
export function isSeriesDate(activity: Pick<ActivityTiming, 'startsAt' | 'recurrence'>, date: string): boolean {
  const rec = activity.recurrence
  if (rec?.until && date > rec.until) return false
  for (const start of starts(toLocal(activity.startsAt), rec?.kind ?? null)) {
    const d = localDate(start)
    if (d >= date) return d === date
  }
  return false
}

/** Where a moved occurrence takes place: its own times, or the series' time and length. */
function movedOccurrence(move: MovedOccurrence, first: LocalParts, lengthMs: number | null): Occurrence {
  const start = partsOf(move.to, move.time, first)
  const endsAt = move.endTime ? fromLocal(partsOf(move.to, move.endTime, first)) : lengthMs === null ? null : fromLocal(fromWallMs(wallMs(start) + lengthMs))
  return { startsAt: fromLocal(start), endsAt }
}

/** The times of one moved occurrence of this activity. */
export function movedTimes(activity: ActivityTiming, move: MovedOccurrence): Occurrence {
  const first = toLocal(activity.startsAt)
  const lengthMs = activity.endsAt ? wallMs(toLocal(activity.endsAt)) - wallMs(first) : null
  return movedOccurrence(move, first, lengthMs)
}

/** The moves that apply: each names a date the series really gives and that is not skipped. */
export function activeMoves(activity: Pick<ActivityTiming, 'startsAt' | 'recurrence'>): MovedOccurrence[] {
  const rec = activity.recurrence
  if (!rec?.moves?.length) return []
  const exceptions = new Set(rec.exceptions)
  return rec.moves.filter((m) => !exceptions.has(m.date) && isSeriesDate(activity, m.date))
}

/**
 * The occurrences that overlap [from, to), in order: each keeps the local start time and the local
 * length of the first one, unless it was moved. Exceptions, moves and `until` name local dates
 * (YYYY-MM-DD) of the series. Two occurrences never share a start (the table's key): the owner's
 * form refuses a move onto another occurrence, and should one slip through, the first one stays.
 */
export function expandOccurrences(activity: ActivityTiming, from: Date, to: Date): Occurrence[] {
  const first = toLocal(activity.startsAt)
  const lengthMs = activity.endsAt ? wallMs(toLocal(activity.endsAt)) - wallMs(first) : null
  const rec = activity.recurrence
  const moves = activeMoves(activity)
  const skipped = new Set([...(rec?.exceptions ?? []), ...moves.map((m) => m.date)])
  const overlaps = (o: Occurrence) => o.startsAt < to && (o.endsAt ?? o.startsAt) >= from
  const result: Occurrence[] = moves.map((m) => movedOccurrence(m, first, lengthMs)).filter(overlaps)
  for (const start of starts(first, rec?.kind ?? null)) {
    const date = localDate(start)
    if (rec?.until && date > rec.until) break
    const startsAt = fromLocal(start)
    if (startsAt >= to || result.length >= MAX_OCCURRENCES) break
    if (skipped.has(date)) continue
    const endsAt = lengthMs === null ? null : fromLocal(fromWallMs(wallMs(start) + lengthMs))
    if (overlaps({ startsAt, endsAt })) result.push({ startsAt, endsAt })
  }
  const seen = new Set<number>()
  return result
    .filter((o) => !seen.has(o.startsAt.getTime()) && seen.add(o.startsAt.getTime()))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
}

/**
 * The date of a move that would start at the same moment as another occurrence of the series, or
 * null. Checked by the owner's form: two events at one moment are one too many in a calendar.
 */
export function collidingMove(activity: ActivityTiming): string | null {
  const first = toLocal(activity.startsAt)
  const lengthMs = activity.endsAt ? wallMs(toLocal(activity.endsAt)) - wallMs(first) : null
  const moves = activeMoves(activity)
  const taken = new Set<number>()
  const skipped = new Set([...activity.recurrence!.exceptions, ...moves.map((m) => m.date)])
  for (const move of moves) {
    const { startsAt } = movedOccurrence(move, first, lengthMs)
    const day = localDate(toLocal(startsAt))
    const seriesStart = fromLocal(partsOf(day, null, first))
    const onSeriesStart = !skipped.has(day) && isSeriesDate(activity, day) && startsAt.getTime() === seriesStart.getTime()
    if (onSeriesStart || taken.has(startsAt.getTime())) return move.date
    taken.add(startsAt.getTime())
  }
  return null
}

/**
 * Replaces the not yet finished occurrences of one activity with a fresh expansion up to the
 * horizon. Past occurrences stay (they happened). Anything that is not an activity has none.
 */
export async function rebuildOccurrences(db: Db, contentId: number, now: Date): Promise<number> {
  const [item] = await db
    .select({
      type: contentItems.type,
      wijkId: contentItems.wijkId,
      startsAt: contentItems.startsAt,
      endsAt: contentItems.endsAt,
      allDay: contentItems.allDay,
      recurrence: contentItems.recurrence,
    })
    .from(contentItems)
    .where(eq(contentItems.id, contentId))
    .limit(1)
  await db
    .delete(activityOccurrences)
    .where(
      and(
        eq(activityOccurrences.contentId, contentId),
        gte(sql`coalesce(${activityOccurrences.endsAt}, ${activityOccurrences.startsAt})`, now),
      ),
    )
  if (!item || item.type !== 'activity' || !item.startsAt) return 0
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY)
  const occurrences = expandOccurrences({ ...item, startsAt: item.startsAt }, now, horizon)
  if (occurrences.length === 0) return 0
  await db
    .insert(activityOccurrences)
    .values(occurrences.map((o) => ({ contentId, wijkId: item.wijkId, startsAt: o.startsAt, endsAt: o.endsAt })))
    .onConflictDoUpdate({
      target: [activityOccurrences.contentId, activityOccurrences.startsAt],
      set: { endsAt: sql`excluded.ends_at` },
    })
  return occurrences.length
}

/**
 * Moves the horizon of every published recurring activity along; run daily. Only what lies beyond
 * a series' last stored occurrence is added (edits rebuild a series themselves), so a second run
 * on the same day writes nothing: on a large instance a restart must not rewrite every series,
 * which would keep the job runner and the page cache busy for minutes. Series whose `until` date
 * has passed are skipped. Returns how many series got new occurrences.
 */
export async function extendRecurringActivities(db: Db, now: Date): Promise<number> {
  const today = localDate(toLocal(now))
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY)
  const lastStart = sql<Date | string | null>`(select max(o.starts_at) from ${activityOccurrences} o where o.content_id = ${contentItems.id})`
  const series = await db
    .select({
      id: contentItems.id,
      wijkId: contentItems.wijkId,
      startsAt: contentItems.startsAt,
      endsAt: contentItems.endsAt,
      allDay: contentItems.allDay,
      recurrence: contentItems.recurrence,
      lastStart,
    })
    .from(contentItems)
    .where(
      and(
        eq(contentItems.type, 'activity'),
        eq(contentItems.status, 'published'),
        isNotNull(contentItems.recurrence),
        isNotNull(contentItems.startsAt),
        sql`coalesce(${contentItems.recurrence}->>'until', '9999-12-31') >= ${today}`,
        // Only series whose next date can fall before the horizon: the shortest gap of each kind,
        // less a day for the clock change (monthly-weekday: 28 days at least).
        sql`coalesce(${lastStart}
          + (case ${contentItems.recurrence}->>'kind' when 'weekly' then 6 when 'biweekly' then 13 else 27 end) * interval '1 day'
          < ${horizon.toISOString()}::timestamptz, true)`,
      ),
    )
  let extended = 0
  for (const [i, s] of series.entries()) {
    // Expanding thousands of series is seconds of JavaScript: let requests in now and then.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve))
    const after = s.lastStart === null ? null : new Date(s.lastStart)
    const added = expandOccurrences({ ...s, startsAt: s.startsAt! }, now, horizon).filter((o) => after === null || o.startsAt > after)
    if (added.length === 0) continue
    await db
      .insert(activityOccurrences)
      .values(added.map((o) => ({ contentId: s.id, wijkId: s.wijkId, startsAt: o.startsAt, endsAt: o.endsAt })))
      .onConflictDoNothing()
    extended++
  }
  return extended
}
