/**
 * Dutch first, English second. Messages are declared per feature with both languages side by
 * side (see define.ts), so a translation cannot be forgotten; the catalog is installed at
 * start-up (catalog.ts).
 */
import { installedMessages, type MessageKey } from './catalog.js'

export type { MessageKey } from './catalog.js'

export const LANGS = ['nl', 'en'] as const

/** The cookie that keeps a language chosen with the switch (/taal); the kernel reads it for every request. */
export const LANG_COOKIE = 'lang'
export type Lang = (typeof LANGS)[number]

export type Params = Record<string, string | number>
export type T = (key: MessageKey, params?: Params) => string

export function isLang(v: unknown): v is Lang {
  return v === 'nl' || v === 'en'
}

/** Returns the translator for a language. Unknown {placeholders} are left as they are. */
export function translator(lang: Lang): T {
  return (key, params) => {
    const entry = installedMessages()[key]
    const text = entry ? entry[lang] : key
    return params ? fillMessage(text, params, lang) : text
  }
}

const pluralRules: Record<Lang, Intl.PluralRules> = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') }
const numbers: Record<Lang, Intl.NumberFormat> = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') }

/**
 * Fills a message's placeholders. Besides `{name}`, a count takes the plural form its language
 * asks for, in the ICU message format's plural syntax:
 * `{n, plural, one {# rij heeft} other {# rijen hebben}} een fout`. The form is chosen by an exact
 * `=N` first, else by Intl.PluralRules (one/other for nl and en), else `other`; `#` is the number
 * written the language's way (1.234 in Dutch), so callers pass counts as numbers, not formatted.
 * A form may hold other placeholders. Text that is no placeholder is left as it is.
 */
export function fillMessage(text: string, params: Params, lang: Lang): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('{', i)
    if (open < 0) break
    const close = matchingBrace(text, open)
    if (close < 0) break
    out += text.slice(i, open)
    out += fillPart(text.slice(open + 1, close), text.slice(open, close + 1), params, lang)
    i = close + 1
  }
  return out + text.slice(i)
}

function fillPart(inner: string, whole: string, params: Params, lang: Lang): string {
  if (/^\w+$/.test(inner)) return params[inner] === undefined ? whole : String(params[inner])
  const plural = /^(\w+),\s*plural,/.exec(inner)
  if (!plural) return whole
  const value = params[plural[1]!]
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isFinite(n)) return whole
  const forms = pluralForms(inner.slice(plural[0].length))
  const form = forms.get(`=${n}`) ?? forms.get(pluralRules[lang].select(n)) ?? forms.get('other')
  if (form === undefined) return whole
  return fillMessage(form.replace(/#/g, numbers[lang].format(n)), params, lang)
}

/** `one {…} other {…}` → selector → form text (forms may nest `{placeholders}`). */
export function pluralForms(source: string): Map<string, string> {
  const forms = new Map<string, string>()
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y
  let at = 0
  for (;;) {
    selector.lastIndex = at
    const m = selector.exec(source)
    if (!m) break
    const open = at + m[0].length - 1
    const close = matchingBrace(source, open)
    if (close < 0) break
    forms.set(m[1]!, source.slice(open + 1, close))
    at = close + 1
  }
  return forms
}

/** Index of the `}` that closes the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
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
  return Object.hasOwn(installedMessages(), key)
}

const dateFormats = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const

/**
 * One formatter per language and style, made once: constructing an Intl.DateTimeFormat costs far
 * more than formatting with it, and a page formats a date per card (a fresh one per call was the
 * largest single cost of rendering a wijk home).
 */
const dateFormatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Texts made, kept per exact instant: a list shows each card's dates again on every render, and
 * formatting with a time zone costs ICU a few microseconds each (3 % of an uncached Prikbord's CPU,
 * 20 dates). Bounded: emptied when full.
 */
const FORMATTED_MAX = 4096
const formatted = new Map<string, string>()

/** Formats a date in Europe/Amsterdam time for the given language. */
export function formatDate(date: Date, lang: Lang, style: keyof typeof dateFormats = 'date'): string {
  const key = `${lang} ${style}`
  const textKey = `${key} ${date.getTime()}`
  const known = formatted.get(textKey)
  if (known !== undefined) return known
  let formatter = dateFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...dateFormats[style], timeZone: 'Europe/Amsterdam' })
    dateFormatters.set(key, formatter)
  }
  const text = formatter.format(date)
  if (formatted.size >= FORMATTED_MAX) formatted.clear()
  formatted.set(textKey, text)
  return text
}
