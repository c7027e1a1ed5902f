/**
 * The 72-hour deadline for reporting a breach to the Autoriteit Persoonsgegevens (AVG art. 33(1)),
 * counted from the moment of discovery, as the register shows it: time left, passed, reported,
 * or no report needed.
 */
import { HOUR, MINUTE } from '../../kernel/clock.js'
import type { T } from '../../kernel/i18n/i18n.js'
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'

export const REPORT_DEADLINE_MS = 72 * HOUR

export type DeadlineState =
  | { kind: 'reported'; at: Date }
  | { kind: 'not-required' }
  | { kind: 'running'; deadline: Date; hours: number; minutes: number }
  | { kind: 'passed'; deadline: Date }

export interface DeadlineFacts {
  discoveredAt: Date
  authorityDecision: 'undecided' | 'notify' | 'not-required'
  authorityNotifiedAt: Date | null
}

export function deadlineState(b: DeadlineFacts, now: Date): DeadlineState {
  if (b.authorityNotifiedAt) return { kind: 'reported', at: b.authorityNotifiedAt }
  if (b.authorityDecision === 'not-required') return { kind: 'not-required' }
  const deadline = new Date(b.discoveredAt.getTime() + REPORT_DEADLINE_MS)
  const left = deadline.getTime() - now.getTime()
  if (left <= 0) return { kind: 'passed', deadline }
  // Whole minutes left, rounded down: never promise more time than there is.
  const totalMinutes = Math.floor(left / MINUTE)
  return { kind: 'running', deadline, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 }
}

/** "31 uur 12 minuten" / "31 hours 12 minutes". */
export function durationText(t: T, hours: number, minutes: number): string {
  return `${t('breaches.duration.hours', { n: hours })} ${t('breaches.duration.minutes', { n: minutes })}`
}

/** The state in words: "nog 31 uur 12 minuten", "termijn verstreken", "gemeld op 3 maart 2026 14:05". */
export function deadlineText(t: T, lang: Lang, state: DeadlineState): string {
  switch (state.kind) {
    case 'reported':
      return t('breaches.deadline.reported', { date: formatDate(state.at, lang, 'dateTime') })
    case 'not-required':
      return t('breaches.deadline.notRequired')
    case 'running':
      return t('breaches.deadline.running', { duration: durationText(t, state.hours, state.minutes) })
    case 'passed':
      return t('breaches.deadline.passed')
  }
}
