/**
 * Calendar days for billing, as "YYYY-MM-DD" on the Amsterdam wall clock: an invoice date, a
 * period, a collection date and a retention limit are days in the Netherlands, whatever the
 * server's time zone. Arithmetic on them is calendar arithmetic, with no time zone involved.
 */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today (or `now`'s day) in the Netherlands. */
export function amsterdamDay(now: Date): string {
  return AMSTERDAM_DAY.format(now)
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number]
const format = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/** The day `n` days after (or before) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Whole months later, on the same day of the month or the last day of a shorter month (as banks count). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return format(year, month, Math.min(d, lastDay))
}

/** A stored day as a Date at noon UTC, for formatDate (noon keeps it on the same Dutch day). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayAsDate(to).getTime() - dayAsDate(from).getTime()) / 86_400_000)
}
