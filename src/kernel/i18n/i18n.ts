/**
 * Dutch first, English second. Messages are declared per feature with both languages side by
 * side (see defineMessages), so a translation cannot be forgotten.
 */
import { messages, type MessageKey } from './messages.js'

export const LANGS = ['nl', 'en'] as const
export type Lang = (typeof LANGS)[number]

export type Params = Record<string, string | number>
export type T = (key: MessageKey, params?: Params) => string

/** Declares messages: `{ 'login.title': { nl: 'Inloggen', en: 'Log in' } }`. */
export function defineMessages<K extends string>(m: Record<K, { nl: string; en: string }>) {
  return m
}

export function isLang(v: unknown): v is Lang {
  return v === 'nl' || v === 'en'
}

/** Returns the translator for a language. Unknown {placeholders} are left as they are. */
export function translator(lang: Lang): T {
  return (key, params) => {
    const entry = messages[key]
    const text = entry ? entry[lang] : key
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    )
  }
}

/** Picks nl or en from an Accept-Language header; nl when unsure. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'nl'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.find((r) => r.trim().startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl'
    if (tag.startsWith('en')) return 'en'
  }
  return 'nl'
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key)
}

const dateFormats = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const

/** Formats a date in Europe/Amsterdam time for the given language. */
export function formatDate(date: Date, lang: Lang, style: keyof typeof dateFormats = 'date'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    ...dateFormats[style],
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}
