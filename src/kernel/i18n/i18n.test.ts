/** Plural forms in messages (nl and en), and a check that every message that counts uses them. */
import { describe, it, expect } from 'vitest'
import { fillMessage, pluralForms, translator, LANGS } from './i18n.js'
import { messages } from './messages.js'

describe('plural forms', () => {
  const rows = '{n, plural, one {# rij heeft} other {# rijen hebben}} een fout'

  it('picks the form by the language’s plural rules, with # as the number', () => {
    expect(fillMessage(rows, { n: 1 }, 'nl')).toBe('1 rij heeft een fout')
    expect(fillMessage(rows, { n: 0 }, 'nl')).toBe('0 rijen hebben een fout')
    expect(fillMessage(rows, { n: 2 }, 'nl')).toBe('2 rijen hebben een fout')
    expect(fillMessage('{n, plural, one {# row} other {# rows}}', { n: 1 }, 'en')).toBe('1 row')
    expect(fillMessage('{n, plural, one {# row} other {# rows}}', { n: 1.5 }, 'en')).toBe('1.5 rows')
  })

  it('prefers an exact =N form, and lets a form hold other placeholders', () => {
    const text = '{n, plural, =0 {Geen {thing}} one {Eén {thing}} other {# {thing}s}} in {wijk}'
    expect(fillMessage(text, { n: 0, thing: 'bank', wijk: 'Oost' }, 'nl')).toBe('Geen bank in Oost')
    expect(fillMessage(text, { n: 1, thing: 'bank', wijk: 'Oost' }, 'nl')).toBe('Eén bank in Oost')
    expect(fillMessage(text, { n: 3, thing: 'bank', wijk: 'Oost' }, 'nl')).toBe('3 banks in Oost')
  })

  it('leaves text alone that is not a placeholder, and a count it was not given', () => {
    expect(fillMessage('a {b c} d {missing}', { x: 1 }, 'nl')).toBe('a {b c} d {missing}')
    expect(fillMessage('{n, plural, one {#} other {#}} x', {}, 'nl')).toBe('{n, plural, one {#} other {#}} x')
    expect(fillMessage('open { brace', { n: 1 }, 'nl')).toBe('open { brace')
  })

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
