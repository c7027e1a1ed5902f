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

/**
 * Texts Intl made, kept. The cards of a page show the same few days and times again and again,
 * and so does every render of a page; asking ICU costs microseconds each time (about 5 % of an
 * uncached Agenda's CPU, measured). Every kind but the time depends only on the date in
 * Amsterdam, the time only on the hour and minute there, so a kept text is exactly what Intl
 * would say. Bounded: emptied when full.
 */
const KEPT_MAX = 4096
const kept = new Map<string, string>()
function keep(key: string, make: () => string): string {
  let text = kept.get(key)
  if (text === undefined) {
    if (kept.size >= KEPT_MAX) kept.clear()
    text = make()
    kept.set(key, text)
  }
  return text
}

/** A kind that shows only (parts of) the date, formatted once per day in Amsterdam. */
function onDay(date: Date, lang: Lang, kind: Exclude<Kind, 'time'>): string {
  const { year, month, day } = toLocal(date)
  return keep(`${lang}:${kind}:${year}-${month}-${day}`, () => fmt(lang, kind).format(date))
}

/** "dinsdag 3 maart 2026". */
export function formatDay(date: Date, lang: Lang): string {
  return onDay(date, lang, 'day')
}

/** "december 2026". */
export function formatMonth(date: Date, lang: Lang): string {
  return onDay(date, lang, 'monthYear')
}

/** The parts of a date badge: "zo", "6", "dec" (the abbreviation's full stop left out). */
export function badgeParts(date: Date, lang: Lang): { weekday: string; day: string; month: string } {
  return {
    weekday: onDay(date, lang, 'weekday').replace(/\.$/, ''),
    day: String(toLocal(date).day),
    month: onDay(date, lang, 'month').replace(/\.$/, ''),
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
  return onDay(date, lang, 'monthLong')
}

export function formatTime(date: Date, lang: Lang): string {
  const { hour, minute } = toLocal(date)
  return keep(`${lang}:time:${hour}:${minute}`, () => fmt(lang, 'time').format(date))
}

/** "di 3 mrt 19:30–21:00", or only the day for an all-day activity. */
export function formatWhen(start: Date, end: Date | null, allDay: boolean, lang: Lang, withDay = true): string {
  const startDay = onDay(start, lang, 'dayShort')
  const day = withDay ? `${startDay} ` : ''
  if (allDay) return day.trim()
  if (!end) return `${day}${formatTime(start, lang)}`
  const endDay = onDay(end, lang, 'dayShort')
  if (endDay === startDay) return `${day}${formatTime(start, lang)}–${formatTime(end, lang)}`
  return `${day}${formatTime(start, lang)} – ${endDay} ${formatTime(end, lang)}`
}

/** Made once per language, like the date formatters: constructing one costs more than using it. */
const euros: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(locale('nl'), { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(locale('en'), { style: 'currency', currency: 'EUR' }),
}

export function formatMoney(cents: number, lang: Lang): string {
  return keep(`${lang}:eur:${cents}`, () => euros[lang].format(cents / 100))
}
