/**
 * Small formatters for public pages: times in Europe/Amsterdam, money in euros.
 */
import type { Lang } from '../../kernel/i18n/i18n.js'
import { toLocal } from '../content/content.recurrence.js'

const ZONE = 'Europe/Amsterdam'
const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB')

const cache = new Map<string, Intl.DateTimeFormat>()
type Kind = 'day' | 'dayShort' | 'time' | 'weekday' | 'weekdayLong' | 'month' | 'monthLong' | 'monthYear'
const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayShort: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekday: { weekday: 'short' },
  weekdayLong: { weekday: 'long' },
  month: { month: 'short' },
  monthLong: { month: 'long' },
  monthYear: { month: 'long', year: 'numeric' },
}

function fmt(lang: Lang, kind: Kind): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { ...OPTIONS[kind], timeZone: ZONE })
    cache.set(key, f)
  }
  return f
}

/** "dinsdag 3 maart 2026". */
export function formatDay(date: Date, lang: Lang): string {
  return fmt(lang, 'day').format(date)
}

/** "december 2026". */
export function formatMonth(date: Date, lang: Lang): string {
  return fmt(lang, 'monthYear').format(date)
}

/** The parts of a date badge: "zo", "6", "dec" (the abbreviation's full stop left out). */
export function badgeParts(date: Date, lang: Lang): { weekday: string; day: string; month: string } {
  return {
    weekday: fmt(lang, 'weekday').format(date).replace(/\.$/, ''),
    day: String(toLocal(date).day),
    month: fmt(lang, 'month').format(date).replace(/\.$/, ''),
  }
}

/** Monday to Sunday, short and in full, for a calendar's column headings. */
export function weekdayNames(lang: Lang): Array<{ short: string; long: string }> {
  // 1 January 2024 was a Monday; noon keeps every zone on the same date.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i, 12))
    return { short: fmt(lang, 'weekday').format(date).replace(/\.$/, ''), long: fmt(lang, 'weekdayLong').format(date) }
  })
}

/** "december" (the month's name alone). */
export function formatMonthName(date: Date, lang: Lang): string {
  return fmt(lang, 'monthLong').format(date)
}

export function formatTime(date: Date, lang: Lang): string {
  return fmt(lang, 'time').format(date)
}

/** "di 3 mrt 19:30–21:00", or only the day for an all-day activity. */
export function formatWhen(start: Date, end: Date | null, allDay: boolean, lang: Lang, withDay = true): string {
  const day = withDay ? `${fmt(lang, 'dayShort').format(start)} ` : ''
  if (allDay) return day.trim()
  const sameDay = end && fmt(lang, 'dayShort').format(end) === fmt(lang, 'dayShort').format(start)
  if (!end) return `${day}${formatTime(start, lang)}`
  if (sameDay) return `${day}${formatTime(start, lang)}–${formatTime(end, lang)}`
  return `${day}${formatTime(start, lang)} – ${fmt(lang, 'dayShort').format(end)} ${formatTime(end, lang)}`
}

/** Made once per language, like the date formatters: constructing one costs more than using it. */
const euros: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(locale('nl'), { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(locale('en'), { style: 'currency', currency: 'EUR' }),
}

export function formatMoney(cents: number, lang: Lang): string {
  return euros[lang].format(cents / 100)
}
