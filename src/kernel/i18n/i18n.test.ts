/** Plural forms in messages (nl and en). Checks of the gathered messages are in src/messages.test.ts. */
import { describe, it, expect } from 'vitest'
import { fillMessage } from './i18n.js'

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
})
