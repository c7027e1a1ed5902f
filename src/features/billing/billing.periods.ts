/**
 * Calendar days of subscriptions, as "YYYY-MM-DD" in Europe/Amsterdam: a period that starts on
 * 5 March runs to 5 June (a quarter) whatever the server's time zone. A start on the 31st of a
 * month ends on the last day of a shorter month, as a bank would count it (the mandate rules'
 * addMonths).
 */
import type { PackagePeriod } from './billing.packages.tables.js'
import { addMonths, amsterdamDay } from './billing.mandate-rules.js'

export { amsterdamDay }

const MONTHS: Record<PackagePeriod, number> = { maand: 1, kwartaal: 3, jaar: 12 }

/** The day one period after `day`. */
export function addPeriod(day: string, period: PackagePeriod): string {
  return addMonths(day, MONTHS[period])
}

/** A stored day as a Date at noon UTC, for formatDate (noon keeps it on the same Dutch day). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}
