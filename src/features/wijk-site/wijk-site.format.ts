/**
 * Small formatters for public pages: times in Europe/Amsterdam, money in euros.
 */
import type { Lang } from '../../kernel/i18n/i18n.js'

const ZONE = 'Europe/Amsterdam'
const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB')

const cache = new Map<string, Intl.DateTimeFormat>()
function fmt(lang: Lang, kind: 'day' | 'dayShort' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`
  let f = cache.get(key)
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : kind === 'dayShort'
          ? { weekday: 'short', day: 'numeric', month: 'short' }
          : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    f = new Intl.DateTimeFormat(locale(lang), { ...opts, timeZone: ZONE })
    cache.set(key, f)
  }
  return f
}

/** "dinsdag 3 maart 2026". */
export function formatDay(date: Date, lang: Lang): string {
  return fmt(lang, 'day').format(date)
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

export function formatMoney(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100)
}
