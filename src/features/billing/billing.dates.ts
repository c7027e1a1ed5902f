/**
 * Calendar days for billing, as YYYY-MM-DD on the Amsterdam wall clock: an invoice date, a period
 * and a retention limit are days in the Netherlands, whatever the server's time zone.
 */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

export function dayInAmsterdam(now: Date): string {
  return amsterdamDay.format(now)
}
