/**
 * The public formatters keep what Intl made per day and per minute (wijk-site.format.ts). Kept
 * texts must be exactly what Intl says for every instant: across midnight in Amsterdam (which
 * is not midnight UTC), across both daylight-saving switches, in both languages, and after the
 * store has been emptied.
 */
import { describe, expect, it } from 'vitest'
import { badgeParts, formatDay, formatMoney, formatMonth, formatMonthName, formatTime, formatWhen } from './wijk-site.format.js'

const ZONE = 'Europe/Amsterdam'
const intl = (lang: 'nl' | 'en', options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone: ZONE })

/** Instants every 17 minutes over days around both 2026 switches and a New Year, twice over (the second pass reads kept texts). */
function instants(): Date[] {
  const out: Date[] = []
  for (const from of [Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 11, 31, 12)]) {
    for (let t = from; t < from + 2 * 86_400_000; t += 17 * 60_000) out.push(new Date(t))
  }
  return [...out, ...out]
}

describe('public date formatters', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`say what Intl says for every instant (${lang})`, () => {
      const day = intl(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      const dayShort = intl(lang, { weekday: 'short', day: 'numeric', month: 'short' })
      const time = intl(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      const monthYear = intl(lang, { month: 'long', year: 'numeric' })
      const monthLong = intl(lang, { month: 'long' })
      const weekday = intl(lang, { weekday: 'short' })
      const month = intl(lang, { month: 'short' })
      for (const at of instants()) {
        expect(formatDay(at, lang)).toBe(day.format(at))
        expect(formatTime(at, lang)).toBe(time.format(at))
        expect(formatMonth(at, lang)).toBe(monthYear.format(at))
        expect(formatMonthName(at, lang)).toBe(monthLong.format(at))
        const badge = badgeParts(at, lang)
        expect(badge.weekday).toBe(weekday.format(at).replace(/\.$/, ''))
        expect(badge.month).toBe(month.format(at).replace(/\.$/, ''))
        // Ninety minutes later may be the next day in Amsterdam: then both days are named.
        const end = new Date(at.getTime() + 90 * 60_000)
        const sameDay = dayShort.format(end) === dayShort.format(at)
        expect(formatWhen(at, end, false, lang)).toBe(
          sameDay ? `${dayShort.format(at)} ${time.format(at)}–${time.format(end)}` : `${dayShort.format(at)} ${time.format(at)} – ${dayShort.format(end)} ${time.format(end)}`,
        )
        expect(formatWhen(at, null, true, lang)).toBe(dayShort.format(at))
      }
    })
  }

  it('names the Amsterdam day and hour, not the UTC ones', () => {
    // 23:30 UTC on 31 December is 00:30 on New Year's Day in Amsterdam.
    const at = new Date(Date.UTC(2026, 11, 31, 23, 30))
    expect(formatTime(at, 'nl')).toBe('00:30')
    expect(formatDay(at, 'nl')).toBe('vrijdag 1 januari 2027')
    // Summer time: 18:00 UTC is 20:00.
    expect(formatWhen(new Date(Date.UTC(2026, 6, 1, 18)), new Date(Date.UTC(2026, 6, 1, 19, 30)), false, 'en')).toBe('Wed 1 Jul 20:00–21:30')
  })

  it('keeps saying the right thing after more distinct days than it keeps', () => {
    const start = Date.UTC(2020, 0, 1, 11)
    for (let i = 0; i < 5000; i += 1) formatDay(new Date(start + i * 86_400_000), 'nl')
    expect(formatDay(new Date(Date.UTC(2026, 2, 29, 0, 30)), 'nl')).toBe('zondag 29 maart 2026')
    expect(formatDay(new Date(start), 'en')).toBe(intl('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(start)))
  })

  it('formats amounts of money per language', () => {
    for (const cents of [0, 1, 1250, 1250, 123456]) {
      expect(formatMoney(cents, 'nl')).toBe(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100))
      expect(formatMoney(cents, 'en')).toBe(new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100))
    }
  })
})
