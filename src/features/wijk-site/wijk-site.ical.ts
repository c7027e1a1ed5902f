/**
 * iCalendar (RFC 5545) for the Agenda: the wijk feed, a theme's feed and one activity's file
 * ("Zet in mijn agenda"). A recurring activity is ONE event with its rule (RRULE), its skipped
 * dates (EXDATE) and each moved occurrence as an event of its own with a RECURRENCE-ID, so a
 * calendar shows a series and takes changes to it (decisions/017-calendars-as-recurring-series.md).
 * Written by hand: the format is small, and the generators we looked at write zone-local times
 * only with a date library on top. Input is projected public data only.
 */
import { activeMoves, fromLocal, isSeriesDate, movedTimes, toLocal, ZONE, type ActivityTiming } from '../content/content.recurrence.js'
import type { Recurrence } from '../content/content.tables.js'
import { AMSTERDAM_VTIMEZONE, dateValue, icsEscape, icsFold, timeProperty, utcStamp } from './wijk-site.ical.format.js'

const DAY_MS = 86_400_000
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']

/** One activity as the calendar shows it: its first occurrence, its rule and its public text. */
export interface CalendarSeries extends ActivityTiming {
  id: number
  title: string
  summary: string
  locationText: string | null
  url: string
  updatedAt: Date
  /** Raised on every change a calendar shows (migration 0023): the SEQUENCE. */
  revision: number
}

/** The same UID for the series, its moved occurrences and every later version of it. */
export function seriesUid(id: number, host: string): string {
  return `activity-${id}@${host}`
}

/** The instant the series gives on a local date (what RECURRENCE-ID and EXDATE name). */
function seriesInstant(s: CalendarSeries, date: string): Date {
  const first = toLocal(s.startsAt)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return fromLocal({ year, month, day, hour: s.allDay ? 0 : first.hour, minute: s.allDay ? 0 : first.minute })
}

function rrule(s: CalendarSeries, rec: Recurrence): string {
  const parts = rec.kind === 'monthly-weekday' ? ['FREQ=MONTHLY', monthlyDay(s.startsAt)] : ['FREQ=WEEKLY', ...(rec.kind === 'biweekly' ? ['INTERVAL=2'] : [])]
  if (rec.until) {
    // UNTIL is inclusive; with a zone-local start it must be UTC: the last second of that day.
    const [year, month, day] = rec.until.split('-').map(Number) as [number, number, number]
    const lastSecond = new Date(fromLocal({ year, month, day: day + 1, hour: 0, minute: 0 }).getTime() - 1000)
    parts.push(`UNTIL=${s.allDay ? dateValue(rec.until) : utcStamp(lastSecond)}`)
  }
  return `RRULE:${parts.join(';')}`
}

/** The weekday and its place in the month, as our model repeats it: 2TU, or -1TU for a fifth week. */
function monthlyDay(startsAt: Date): string {
  const p = toLocal(startsAt)
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!
  const ordinal = Math.ceil(p.day / 7)
  return `BYDAY=${ordinal === 5 ? -1 : ordinal}${weekday}`
}

/** DTSTART and DTEND (or nothing for a timed event without an end: it is a moment). */
function span(startsAt: Date, endsAt: Date | null, allDay: boolean): string[] {
  if (!allDay) return [timeProperty('DTSTART', [startsAt], false), ...(endsAt ? [timeProperty('DTEND', [endsAt], false)] : [])]
  // All-day: the stored end is already the midnight after the last day, exclusive as in iCalendar.
  const end = endsAt && endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + DAY_MS)
  return [timeProperty('DTSTART', [startsAt], true), timeProperty('DTEND', [end], true)]
}

/** The properties every event of the series repeats. */
function common(s: CalendarSeries, host: string): string[] {
  const lines = [`UID:${seriesUid(s.id, host)}`, `DTSTAMP:${utcStamp(s.updatedAt)}`, `LAST-MODIFIED:${utcStamp(s.updatedAt)}`, `SEQUENCE:${s.revision}`, `SUMMARY:${icsEscape(s.title)}`]
  if (s.summary) lines.push(`DESCRIPTION:${icsEscape(s.summary)}`)
  if (s.locationText) lines.push(`LOCATION:${icsEscape(s.locationText)}`)
  lines.push(`URL:${s.url}`)
  return lines
}

/** The series' main event, then one event per moved occurrence. */
export function seriesEvents(s: CalendarSeries, host: string): string[] {
  const rec = s.recurrence
  const lines = ['BEGIN:VEVENT', ...common(s, host), ...span(s.startsAt, s.endsAt, s.allDay)]
  if (!rec) return [...lines, 'END:VEVENT']
  lines.push(rrule(s, rec))
  const skipped = rec.exceptions.filter((date) => isSeriesDate(s, date))
  if (skipped.length > 0) lines.push(timeProperty('EXDATE', skipped.map((date) => seriesInstant(s, date)), s.allDay))
  lines.push('END:VEVENT')
  for (const move of activeMoves(s)) {
    const moved = movedTimes(s, move)
    lines.push('BEGIN:VEVENT', ...common(s, host), timeProperty('RECURRENCE-ID', [seriesInstant(s, move.date)], s.allDay), ...span(moved.startsAt, moved.endsAt, s.allDay), 'END:VEVENT')
  }
  return lines
}

/** A whole VCALENDAR: the zone once, then every series. */
export function buildCalendar(name: string, host: string, series: CalendarSeries[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//WijkConnect//Agenda//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(name)}`,
    `X-WR-TIMEZONE:${ZONE}`,
    // How often a subscribed calendar should look again (RFC 7986, and the older Outlook name).
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...AMSTERDAM_VTIMEZONE,
  ]
  for (const s of series) lines.push(...seriesEvents(s, host))
  lines.push('END:VCALENDAR')
  return lines.map(icsFold).join('\r\n') + '\r\n'
}
