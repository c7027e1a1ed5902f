/**
 * On which day a direct debit may be collected. Two things decide it: the pre-notification (the
 * invoice told the debtor the amount and day, at least this many days ahead), and the bank (a
 * collection is due on a TARGET2 business day, and the file must reach the bank at least one
 * business day before: the SDD D-1 rule). Days are "YYYY-MM-DD" strings; now is read in Amsterdam.
 */
import { amsterdamDay } from './billing.mandate-rules.js'

/**
 * The earliest day the invoice's collection may be requested for: not before the invoice date
 * plus its pre-notification days, not before the bank can process a file uploaded today, and on
 * a TARGET2 business day (weekends and TARGET2 holidays move it to the next one).
 */
export function collectionDateFor(invoiceDate: string, preNotificationDays: number, now: Date, bankLeadDays = 1): string {
  if (!Number.isInteger(preNotificationDays) || preNotificationDays < 0) throw new RangeError('preNotificationDays must be whole and not negative')
  const byNotice = addDays(invoiceDate, preNotificationDays)
  // A file uploaded on a closing day reaches the bank on the next business day.
  let byBank = nextBusinessDay(amsterdamDay(now), 0)
  for (let i = 0; i < bankLeadDays; i++) byBank = nextBusinessDay(byBank, 1)
  return nextBusinessDay(byNotice > byBank ? byNotice : byBank, 0)
}

/** The first TARGET2 business day at least `after` days after `day`. */
function nextBusinessDay(day: string, after: number): string {
  let d = addDays(day, after)
  while (!isTargetBusinessDay(d)) d = addDays(d, 1)
  return d
}

/**
 * A day on which TARGET2 (and so SEPA direct debit settlement) is open: not a Saturday or Sunday,
 * New Year's Day, Good Friday, Easter Monday, 1 May, Christmas Day or 26 December.
 */
export function isTargetBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  if (weekday === 0 || weekday === 6) return false
  const monthDay = day.slice(5)
  if (['01-01', '05-01', '12-25', '12-26'].includes(monthDay)) return false
  const easter = easterSunday(Number(day.slice(0, 4)))
  return day !== addDays(easter, -2) && day !== addDays(easter, 1)
}

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}
