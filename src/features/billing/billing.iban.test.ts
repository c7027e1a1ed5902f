import { describe, it, expect } from 'vitest'
import { maskIban, readIban } from './billing.iban.js'

describe('IBAN', () => {
  it('accepts valid Dutch, Belgian and German numbers however they are typed, kept in electronic form', () => {
    expect(readIban('NL91ABNA0417164300')).toEqual({ ok: true, iban: 'NL91ABNA0417164300' })
    expect(readIban(' nl91 abna 0417 1643 00 ')).toEqual({ ok: true, iban: 'NL91ABNA0417164300' })
    expect(readIban('NL91.ABNA.0417.1643.00')).toEqual({ ok: true, iban: 'NL91ABNA0417164300' })
    expect(readIban('BE68 5390 0754 7034')).toEqual({ ok: true, iban: 'BE68539007547034' })
    expect(readIban('de89 3704 0044 0532 0130 00')).toEqual({ ok: true, iban: 'DE89370400440532013000' })
  })

  it('tells what is wrong: checksum, length, format, country, nothing typed, outside SEPA', () => {
    expect(readIban('NL92ABNA0417164300')).toEqual({ ok: false, problem: 'checksum' })
    expect(readIban('NL91ABNA041716430')).toEqual({ ok: false, problem: 'length' })
    expect(readIban('NL91ABNA04171643001')).toEqual({ ok: false, problem: 'length' })
    expect(readIban('NL911234041716430X')).toEqual({ ok: false, problem: 'format' })
    expect(readIban('XX91ABNA0417164300')).toEqual({ ok: false, problem: 'country' })
    expect(readIban('   ')).toEqual({ ok: false, problem: 'missing' })
    // Brazil has IBANs but is no SEPA country: no direct debit from there.
    expect(readIban('BR1800360305000010009795493C1')).toEqual({ ok: false, problem: 'notSepa' })
  })

  it('is shown masked: only the country and the last four characters', () => {
    expect(maskIban('NL91ABNA0417164300')).toBe('NL•• •••• •••• ••43 00')
    expect(maskIban('BE68539007547034')).toBe('BE•• •••• •••• 7034')
    expect(maskIban('DE89370400440532013000')).not.toMatch(/3704|0532|89/)
  })
})
