/**
 * The text layer of iCalendar (RFC 5545): escaping, folding and the date-time forms we write.
 * Times are written as Europe/Amsterdam wall clock with a TZID (so a client keeps "19:30" across
 * the clock change, as our own Agenda does), stamps in UTC.
 */
import { localDate, toLocal, ZONE, type LocalParts } from '../content/content.recurrence.js'

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function icsEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function icsFold(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch)
    const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 20261027T173000Z */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** 20261027: a local date, from its parts or from "2026-10-27". */
export function dateValue(p: Pick<LocalParts, 'year' | 'month' | 'day'> | string): string {
  return (typeof p === 'string' ? p : localDate(p)).replace(/-/g, '')
}

/** 20261027T193000: a local date and time on the Amsterdam clock. */
export function localValue(p: LocalParts): string {
  return `${dateValue(p)}T${pad(p.hour)}${pad(p.minute)}00`
}

/**
 * A date-time property (DTSTART, DTEND, RECURRENCE-ID, EXDATE) for one or more instants: local
 * time with the zone for timed events, the bare date for all-day ones.
 */
export function timeProperty(name: string, values: Date[], allDay: boolean): string {
  if (allDay) return `${name};VALUE=DATE:${values.map((d) => dateValue(toLocal(d))).join(',')}`
  return `${name};TZID=${ZONE}:${values.map((d) => localValue(toLocal(d))).join(',')}`
}

/**
 * Europe/Amsterdam as a VTIMEZONE: the EU rules in force since 1996 (summer time from the last
 * Sunday of March 02:00, winter time from the last Sunday of October 03:00). Every client then
 * computes the clock change itself, also for occurrences years ahead in a series.
 */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ZONE}`,
  `X-LIC-LOCATION:${ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]
