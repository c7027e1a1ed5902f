/**
 * Calendar days of subscriptions, as "YYYY-MM-DD" in Europe/Amsterdam: a period that starts on
 * 5 March runs to 5 June (a quarter) whatever the server's time zone. A start on the 31st of a
 * month ends on the last day of a shorter month, as a bank would count it.
 */
import type { PackagePeriod } from './billing.packages.tables.js'

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today in the Netherlands. */
export function amsterdamDay(now: Date): string {
  return AMSTERDAM_DAY.format(now)
}

const MONTHS: Record<PackagePeriod, number> = { maand: 1, kwartaal: 3, jaar: 12 }

/** The day one period after `day`. */
export function addPeriod(day: string, period: PackagePeriod): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const monthIndex = m - 1 + MONTHS[period]
  const year = y + Math.floor(monthIndex / 12)
  const month = monthIndex % 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** A stored day as a Date at noon UTC, for formatDate (noon keeps it on the same Dutch day). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}
