/**
 * Date ranges of the Agenda on the Europe/Amsterdam wall clock: today, this week (Monday to
 * Sunday), this weekend, a month, an ISO week. Every range is [from, to) in real instants.
 */
import { fromLocal, toLocal, localDate } from '../content/content.recurrence.js'

export interface Range {
  from: Date
  to: Date
}

interface Day {
  year: number
  month: number
  day: number
}

function addDays(d: Day, n: number): Day {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n))
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() }
}

/** 0 = Monday … 6 = Sunday. */
function isoWeekday(d: Day): number {
  return (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7
}

export function startOfDay(d: Day): Date {
  return fromLocal({ ...d, hour: 0, minute: 0 })
}

export function today(now: Date): Day {
  const p = toLocal(now)
  return { year: p.year, month: p.month, day: p.day }
}

export function todayRange(now: Date): Range {
  const d = today(now)
  return { from: startOfDay(d), to: startOfDay(addDays(d, 1)) }
}

/** From the start of today to the end of Sunday. */
export function thisWeekRange(now: Date): Range {
  const d = today(now)
  return { from: startOfDay(d), to: startOfDay(addDays(d, 7 - isoWeekday(d))) }
}

/** Saturday and Sunday of this week; on Sunday only what is left of it. */
export function thisWeekendRange(now: Date): Range {
  const d = today(now)
  const wd = isoWeekday(d)
  const saturday = addDays(d, 5 - wd)
  const from = wd >= 5 ? startOfDay(d) : startOfDay(saturday)
  return { from, to: startOfDay(addDays(d, 7 - wd)) }
}

/** "YYYY-MM" → that month. */
export function monthRange(ym: string): Range {
  const [year, month] = ym.split('-').map(Number) as [number, number]
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
  return { from: startOfDay({ year, month, day: 1 }), to: startOfDay({ ...next, day: 1 }) }
}

/** "YYYY-Www" (ISO week) → Monday to Monday. */
export function isoWeekRange(week: string): Range {
  const [yearText, weekText] = week.split('-W') as [string, string]
  const year = Number(yearText)
  const jan4: Day = { year, month: 1, day: 4 }
  const monday = addDays(addDays(jan4, -isoWeekday(jan4)), (Number(weekText) - 1) * 7)
  return { from: startOfDay(monday), to: startOfDay(addDays(monday, 7)) }
}

/** The ISO week ("YYYY-Www") that contains this instant in Amsterdam. */
export function isoWeekOf(now: Date): string {
  const d = today(now)
  const thursday = addDays(d, 3 - isoWeekday(d))
  const jan1 = Date.UTC(thursday.year, 0, 1)
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1
  return `${thursday.year}-W${String(week).padStart(2, '0')}`
}

export function monthOf(now: Date): string {
  const d = today(now)
  return `${d.year}-${String(d.month).padStart(2, '0')}`
}

/** "YYYY-MM" of the month before or after. */
export function shiftMonth(ym: string, by: number): string {
  const [year, month] = ym.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** "YYYY-Www" of the week before or after. */
export function shiftWeek(week: string, by: number): string {
  return isoWeekOf(new Date(isoWeekRange(week).from.getTime() + by * 7 * 86_400_000 + 12 * 3_600_000))
}

/** The Amsterdam date ("YYYY-MM-DD") of an instant, to group a listing per day. */
export function dayKey(date: Date): string {
  return localDate(toLocal(date))
}

function parseDay(iso: string): Day {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** "YYYY-MM-DD" → that day. */
export function dayRange(iso: string): Range {
  const d = parseDay(iso)
  return { from: startOfDay(d), to: startOfDay(addDays(d, 1)) }
}

/** "YYYY-MM-DD" of the day before or after. */
export function shiftDay(iso: string, by: number): string {
  return localDate(addDays(parseDay(iso), by))
}

/**
 * The days of a month ("YYYY-MM-DD") as weeks from Monday to Sunday, null where the first or last
 * week reaches into another month.
 */
export function monthWeeks(ym: string): Array<Array<string | null>> {
  const [year, month] = ym.split('-').map(Number) as [number, number]
  const first: Day = { year, month, day: 1 }
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const cells: Array<string | null> = Array.from({ length: isoWeekday(first) }, () => null)
  for (let day = 1; day <= length; day++) cells.push(localDate({ year, month, day }))
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
}
