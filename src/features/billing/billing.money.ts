/**
 * Money as integer euro cents, VAT as basis points. VAT on an amount is rounded half up to the
 * cent (amounts here are never negative; a credit note negates a computed amount, it does not
 * compute on a negative one), as the Belastingdienst accepts and EN 16931 expects per rate.
 */
import type { Lang } from '../../kernel/i18n/i18n.js'

export function vatOf(cents: number, rateBasisPoints: number): number {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError('vatOf takes whole, non-negative cents')
  return Math.floor((cents * rateBasisPoints + 5000) / 10_000)
}

export function withVat(cents: number, rateBasisPoints: number): number {
  return cents + vatOf(cents, rateBasisPoints)
}

const euroFormats = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
}

/** "€ 12,50" / "€12.50". */
export function euro(cents: number, lang: Lang): string {
  return euroFormats[lang].format(cents / 100)
}

/** "21 %", "9 %", "0 %". */
export function ratePercent(rateBasisPoints: number, lang: Lang): string {
  const value = rateBasisPoints / 100
  return lang === 'nl' ? `${String(value).replace('.', ',')} %` : `${value}%`
}

/**
 * A price the admin types, in euros ("12,50", "12.50", "€ 12", "1.250,00"), as whole cents; null
 * when it is not a price. A dot or comma followed by exactly three digits is a thousands mark.
 */
export function parseEuros(raw: string): number | null {
  const text = raw.replace(/€|\s/g, '')
  const m = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(text)
  if (!m) return null
  const whole = Number(m[1]!.replace(/[.,]/g, ''))
  const fraction = m[2] ? Number(m[2].padEnd(2, '0')) : 0
  const cents = whole * 100 + fraction
  return Number.isSafeInteger(cents) ? cents : null
}
