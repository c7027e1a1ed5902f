/** Every gathered message: reachable through the translator, and plural-aware where it counts. */
import { describe, it, expect } from 'vitest'
import { pluralForms, translator, LANGS } from './kernel/i18n/i18n.js'
import { messages } from './messages.js'

describe('the installed messages', () => {
  it('reaches messages through the translator', () => {
    expect(translator('nl')('wijk-import.check.import', { n: 1 })).toBe('1 rij importeren')
    expect(translator('en')('wijk-import.check.import', { n: 1 })).toBe('Import 1 row')
    expect(translator('nl')('wijk-import.check.import', { n: 7 })).toBe('7 rijen importeren')
  })
})

/**
 * Placeholders that carry a number of things. Ordinals and sizes (page, line, percent, mb, km)
 * need no plural: "pagina 2", "10 MB".
 */
const COUNTS = ['count', 'n', 'total', 'ok', 'bad', 'created', 'skipped', 'days', 'hours', 'minutes', 'max', 'minimum', 'maximum', 'rows', 'sent', 'delivered', 'recipients', 'views', 'topViews', 'last']
/** Words after a number that do not agree with it: "1 van 5", "3 in totaal", and Dutch "1 uur", "5 uur". */
const NEUTRAL = new Set(['van', 'of', 'in', 'bij', 'from', 'tot', 'to', 'uur'])

/** The message's text outside plural blocks (the forms inside them are plural-aware by design). */
function outsidePlurals(text: string): string {
  let out = text
  for (;;) {
    const start = out.search(/\{\w+,\s*plural,/)
    if (start < 0) return out
    let depth = 0
    let end = start
    for (; end < out.length; end++) {
      if (out[end] === '{') depth++
      else if (out[end] === '}' && --depth === 0) break
    }
    out = out.slice(0, start) + '#' + out.slice(end + 1)
  }
}

describe('every message that counts is plural-aware', () => {
  const entries = Object.entries(messages) as Array<[string, { nl: string; en: string }]>

  it('has no count placeholder followed by a noun outside a plural form', () => {
    const bare: string[] = []
    for (const [key, entry] of entries) {
      for (const lang of LANGS) {
        const text = outsidePlurals(entry[lang])
        for (const m of text.matchAll(/\{(\w+)\}\s+([\p{L}-]+)/gu)) {
          if (COUNTS.includes(m[1]!) && !NEUTRAL.has(m[2]!.toLowerCase())) bare.push(`${key} (${lang}): ${m[0]}`)
        }
      }
    }
    expect(bare).toEqual([])
  })

  it('writes no "(en)" or "(s)" stand-ins for a plural', () => {
    const standIns = entries.flatMap(([key, entry]) => LANGS.filter((lang) => /\p{L}\((en|s)\)/u.test(entry[lang])).map((lang) => `${key} (${lang})`))
    expect(standIns).toEqual([])
  })

  it('gives every plural an "other" form', () => {
    const incomplete: string[] = []
    for (const [key, entry] of entries) {
      for (const lang of LANGS) {
        for (const m of entry[lang].matchAll(/\{(\w+),\s*plural,/g)) {
          const start = m.index + m[0].length
          let depth = 1
          let end = start
          for (; end < entry[lang].length && depth > 0; end++) {
            if (entry[lang][end] === '{') depth++
            else if (entry[lang][end] === '}') depth--
          }
          if (!pluralForms(entry[lang].slice(start, end - 1)).has('other')) incomplete.push(`${key} (${lang})`)
        }
      }
    }
    expect(incomplete).toEqual([])
  })
})
