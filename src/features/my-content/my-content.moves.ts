/**
 * The "moved dates" field of a recurring activity: one line per moved occurrence, the date the
 * series gives, then the date it takes place instead, with an optional new start (and end) time:
 *
 *   2026-10-27 → 2026-10-29 14:00-15:30
 *   2026-12-22 2026-12-23
 *
 * An arrow (→, ->, >) between the dates may be typed or left out; without a time the series' own
 * time and length stay.
 */
import { collidingMove, fromLocal, isSeriesDate } from '../content/content.recurrence.js'
import type { MovedOccurrence, Recurrence } from '../content/content.tables.js'

export const MAX_MOVES = 50
const LINE = /^(\d{4}-\d{2}-\d{2})\s+(?:(?:→|->|>)\s*)?(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}[:.]\d{2})(?:\s*[-–]\s*(\d{1,2}[:.]\d{2}))?)?$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** "9.30" and "9:30" as "09:30"; null when it is no time of day. */
function time(value: string | undefined): string | null | undefined {
  if (value === undefined) return null
  const normal = value.replace('.', ':').padStart(5, '0')
  return TIME.test(normal) ? normal : undefined
}

/** The moves in the field, or null when a line cannot be read (the form then says how to write it). */
export function parseMoves(text: string | undefined, validDate: (d: string) => boolean): MovedOccurrence[] | null {
  const lines = (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length > MAX_MOVES) return null
  const moves: MovedOccurrence[] = []
  for (const line of lines) {
    const m = LINE.exec(line)
    if (!m) return null
    const [, date, to, start, end] = m as unknown as [string, string, string, string | undefined, string | undefined]
    const t = time(start)
    const endTime = time(end)
    if (!validDate(date) || !validDate(to) || t === undefined || endTime === undefined) return null
    moves.push({ date, to, time: t, endTime })
  }
  return moves
}

/** The field's text for stored moves (the edit form shows what was saved). */
export function formatMoves(moves: MovedOccurrence[] | undefined): string {
  return (moves ?? []).map((m) => [m.date, '→', m.to, m.time ? (m.endTime ? `${m.time}-${m.endTime}` : m.time) : ''].join(' ').trim()).join('\n')
}

/** The series as the form describes it, enough to check the moves against. */
export interface SeriesForm {
  startDate: string
  startTime: string | null
  allDay: boolean
  /** The series without its moves; null for a one-off. */
  recurrence: Recurrence | null
  moves: MovedOccurrence[]
}

type MoveProblem = 'my-content.error.moves' | 'my-content.error.movesNeedSeries' | 'my-content.error.movesAllDay' | 'my-content.error.endBeforeStart' | 'my-content.error.movesNotInSeries' | 'my-content.error.movesCollide'

/** What is wrong with the moves of this series, as a message key; null when nothing is. */
export function movesProblem(v: SeriesForm): MoveProblem | null {
  const moves = v.moves
  if (moves.length === 0) return null
  if (!v.recurrence) return 'my-content.error.movesNeedSeries'
  if (new Set(moves.map((m) => m.date)).size < moves.length) return 'my-content.error.moves'
  if (v.allDay && moves.some((m) => m.time || m.endTime)) return 'my-content.error.movesAllDay'
  if (moves.some((m) => m.endTime && m.endTime <= (m.time ?? v.startTime ?? '00:00'))) return 'my-content.error.endBeforeStart'
  const [year, month, day] = v.startDate.split('-').map(Number) as [number, number, number]
  const [hour, minute] = (v.allDay ? '00:00' : (v.startTime ?? '00:00')).split(':').map(Number) as [number, number]
  const activity = { startsAt: fromLocal({ year, month, day, hour, minute }), endsAt: null, allDay: v.allDay, recurrence: { ...v.recurrence, moves } }
  if (moves.some((m) => v.recurrence!.exceptions.includes(m.date) || !isSeriesDate(activity, m.date))) return 'my-content.error.movesNotInSeries'
  return collidingMove(activity) ? 'my-content.error.movesCollide' : null
}
