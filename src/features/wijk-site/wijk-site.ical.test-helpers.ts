/**
 * Reads an iCalendar file the way Thunderbird does, with Mozilla's ical.js: only the time zones
 * the file itself carries are known, every series is expanded with its RRULE, EXDATE and the
 * events that name one of its occurrences by RECURRENCE-ID. The result is one line per occurrence
 * that overlaps [from, to), comparable with the Agenda's own occurrences (agendaKey).
 */
import ICAL from 'ical.js'
import { localDate, toLocal } from '../content/content.recurrence.js'

const DAY_MS = 86_400_000

/**
 * "<id> <start> <end>": instants in UTC for timed occurrences, local dates for all-day ones (the
 * end exclusive, as in iCalendar), an empty end for a moment without one.
 */
export function agendaKey(o: { id: number; occursAt: Date; occursUntil: Date | null; allDay: boolean }): string {
  if (o.allDay) {
    const end = o.occursUntil && o.occursUntil > o.occursAt ? o.occursUntil : new Date(o.occursAt.getTime() + DAY_MS)
    return `${o.id} ${localDate(toLocal(o.occursAt))} ${localDate(toLocal(end))}`
  }
  return `${o.id} ${o.occursAt.toISOString()} ${o.occursUntil?.toISOString() ?? ''}`
}

function idOf(uid: string): number {
  const m = /^activity-(\d+)@localhost$/.exec(uid)
  if (!m) throw new Error(`unexpected UID ${uid}`)
  return Number(m[1])
}

function keyOf(id: number, start: ICAL.Time, end: ICAL.Time | null): string {
  if (start.isDate) return `${id} ${start.toString()} ${(end ?? start).toString()}`
  const endIso = end && end.compare(start) !== 0 ? end.toJSDate().toISOString() : ''
  return `${id} ${start.toJSDate().toISOString()} ${endIso}`
}

export interface ParsedCalendar {
  /** Sorted keys of the occurrences that overlap the window. */
  occurrences: string[]
  /** Per UID: its SEQUENCE and how many VEVENTs carry it. */
  events: Map<string, { sequence: number; count: number }>
  timezones: string[]
}

/** Parses and expands one calendar file over [from, to). */
export function expandCalendar(text: string, from: Date, to: Date): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text))
  // Known zones: only what this file brings (UTC aside), as in a client that never saw it before.
  ICAL.TimezoneService.reset()
  const timezones = root.getAllSubcomponents('vtimezone')
  for (const vtz of timezones) ICAL.TimezoneService.register(vtz)

  const byUid = new Map<string, ICAL.Component[]>()
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid'))
    byUid.set(uid, [...(byUid.get(uid) ?? []), vevent])
  }
  const occurrences: string[] = []
  const events = new Map<string, { sequence: number; count: number }>()
  const keep = (id: number, start: ICAL.Time, end: ICAL.Time | null) => {
    const startMs = start.toJSDate().getTime()
    const endMs = (end ?? start).toJSDate().getTime()
    if (startMs < to.getTime() && endMs >= from.getTime()) occurrences.push(keyOf(id, start, end))
  }
  for (const [uid, components] of byUid) {
    const master = components.find((c) => !c.hasProperty('recurrence-id'))
    if (!master) throw new Error(`${uid} has no main event`)
    events.set(uid, { sequence: Number(master.getFirstPropertyValue('sequence') ?? 0), count: components.length })
    const event = new ICAL.Event(master)
    for (const exception of components) if (exception !== master) event.relateException(exception)
    const id = idOf(uid)
    if (!event.isRecurring()) {
      keep(id, event.startDate, master.hasProperty('dtend') ? event.endDate : null)
      continue
    }
    // Look a little past the window: an occurrence from later may have been moved into it.
    const limit = to.getTime() + 60 * DAY_MS
    const iterator = event.iterator()
    for (let next = iterator.next(); next && next.toJSDate().getTime() < limit; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next)
      const hasEnd = details.item.component.hasProperty('dtend')
      keep(id, details.startDate, hasEnd ? details.endDate : null)
    }
  }
  return { occurrences: occurrences.sort(), events, timezones: timezones.map((z) => String(z.getFirstPropertyValue('tzid'))) }
}
