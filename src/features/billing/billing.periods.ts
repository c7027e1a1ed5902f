/**
 * Calendar days of subscriptions, as "YYYY-MM-DD" in Europe/Amsterdam: a period that starts on
 * 5 March runs to 5 June (a quarter) whatever the server's time zone. A start on the 31st of a
 * month ends on the last day of a shorter month, as a bank would count it (billing.dates.ts).
 */
import type { PackagePeriod } from './billing.packages.tables.js'
import { addMonths } from './billing.dates.js'

const MONTHS: Record<PackagePeriod, number> = { maand: 1, kwartaal: 3, jaar: 12 }

/** The day one period after `day`. */
export function addPeriod(day: string, period: PackagePeriod): string {
  return addMonths(day, MONTHS[period])
}

