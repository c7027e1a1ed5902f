import { describe, it, expect } from 'vitest'
import { translator } from '../../kernel/i18n/i18n.js'
import {
  addMonths,
  collectable,
  MANDATE_SCHEMES,
  mandateExpired,
  newMandateReference,
  RETURN_REASONS,
  returnReasonMessage,
  returnReasonSchema,
  sequenceTypeFor,
  type CollectionOutcome,
} from './billing.mandate-rules.js'

const history = (...outcomes: CollectionOutcome[]) => ({ collections: outcomes.map((outcome) => ({ outcome })) })

describe('mandate reference', () => {
  it('is at most 35 characters of capitals, digits and hyphens, and names the customer', () => {
    for (const customer of [42, 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', '', 'Café/42//x']) {
      const reference = newMandateReference(customer)
      expect(reference.length).toBeLessThanOrEqual(35)
      expect(reference).toMatch(/^WC-[A-Z0-9]+-[A-Z0-9]{10}$/)
    }
    expect(newMandateReference(42)).toMatch(/^WC-42-/)
    expect(newMandateReference('a1b2c3d4-e5f6-4711-8899-aabbccddeeff')).toMatch(/^WC-A1B2C3D4E5F647118899A-[A-Z0-9]{10}$/)
  })

  it('does not repeat among many made for one customer', () => {
    const made = new Set(Array.from({ length: 50_000 }, () => newMandateReference(7)))
    expect(made.size).toBe(50_000)
  })
})

describe('sequence type', () => {
  it('is FRST for the first collection and RCUR once one was sent', () => {
    expect(sequenceTypeFor(history())).toBe('FRST')
    expect(sequenceTypeFor(history('sent'))).toBe('RCUR')
    expect(sequenceTypeFor(history('sent', 'sent', 'returned'))).toBe('RCUR')
  })

  it('stays FRST after a rejected first collection, becomes RCUR after a returned one', () => {
    expect(sequenceTypeFor(history('rejected'))).toBe('FRST')
    expect(sequenceTypeFor(history('rejected', 'rejected'))).toBe('FRST')
    expect(sequenceTypeFor(history('returned'))).toBe('RCUR')
    expect(sequenceTypeFor(history('rejected', 'sent'))).toBe('RCUR')
  })
})

describe('expiry after 36 months unused', () => {
  it('counts calendar months from the signing or the last collection, in Amsterdam days', () => {
    expect(mandateExpired('2023-03-15', new Date('2026-03-14T12:00:00Z'))).toBe(false)
    expect(mandateExpired('2023-03-15', new Date('2026-03-15T12:00:00Z'))).toBe(true)
    // 23:30 UTC on the 14th is already the 15th in Amsterdam.
    expect(mandateExpired('2023-03-15', new Date('2026-03-14T23:30:00Z'))).toBe(true)
    expect(mandateExpired('2023-03-15', new Date('2026-03-14T22:30:00Z'))).toBe(false)
  })

  it('lands on the last day of a shorter month', () => {
    expect(addMonths('2023-05-31', 36)).toBe('2026-05-31')
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28')
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29')
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
  })

  it('refuses to collect on an expired or revoked mandate; a collection restarts the 36 months', () => {
    const now = new Date('2026-12-05T10:00:00Z')
    expect(collectable({ signedOn: '2023-12-05', lastCollectedOn: null }, now)).toEqual({ ok: false, reason: 'expired' })
    expect(collectable({ signedOn: '2023-12-06', lastCollectedOn: null }, now)).toEqual({ ok: true })
    expect(collectable({ signedOn: '2022-01-10', lastCollectedOn: '2024-01-15' }, now)).toEqual({ ok: true })
    expect(collectable({ signedOn: '2022-01-10', lastCollectedOn: '2023-11-30' }, now)).toEqual({ ok: false, reason: 'expired' })
    expect(collectable({ signedOn: '2026-01-10', lastCollectedOn: null, revokedOn: '2026-12-01' }, now)).toEqual({ ok: false, reason: 'revoked' })
    expect(collectable({ signedOn: '2026-01-10', lastCollectedOn: null, revokedOn: '2026-12-31' }, now)).toEqual({ ok: true })
  })
})

describe('return reasons', () => {
  it('hold the common R-transaction codes, each explained in Dutch and English', () => {
    const codes = Object.keys(RETURN_REASONS)
    for (const code of ['AC01', 'AC04', 'AC06', 'AG01', 'AM04', 'MD01', 'MD06', 'MD07', 'MS02', 'MS03', 'SL01', 'RR01', 'RR02', 'RR03', 'RR04', 'FF01']) {
      expect(codes).toContain(code)
    }
    const nl = translator('nl')
    const en = translator('en')
    const explanations = new Set<string>()
    for (const code of codes) {
      const key = returnReasonMessage(code as keyof typeof RETURN_REASONS)
      expect(nl(key)).not.toBe(key)
      expect(en(key)).not.toBe(key)
      expect(nl(key)).not.toBe(en(key))
      explanations.add(nl(key))
    }
    expect(explanations.size).toBe(codes.length)
  })

  it('reads a code as an admin types it and refuses anything else with a message for the field', () => {
    expect(returnReasonSchema.parse(' am04 ')).toBe('AM04')
    expect(returnReasonSchema.parse('MD06')).toBe('MD06')
    for (const wrong of ['XX99', '', 'AM4', 'AM04 extra', 42]) {
      const result = returnReasonSchema.safeParse(wrong)
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.message).toBe('billing.error.returnReason')
    }
  })
})

describe('consent wording', () => {
  const params = { creditor: 'Stichting Wijkcentrale Lindeburg', creditorId: 'NL57ZZZ999999999999', reference: 'WC-42-7KQ2M9XH4T' }

  it('names the creditor, its Incassant-ID and the reference, for each scheme in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const t = translator(lang)
      for (const scheme of MANDATE_SCHEMES) {
        const text = t(`billing.mandate.consent.${scheme}`, params)
        for (const value of Object.values(params)) expect(text).toContain(value)
        expect(text).not.toMatch(/[{}]/)
      }
    }
  })

  it('promises the eight-week refund under Core only; B2B says there is none', () => {
    const nl = translator('nl')
    const en = translator('en')
    expect(nl('billing.mandate.consent.CORE', params)).toMatch(/acht weken/)
    expect(en('billing.mandate.consent.CORE', params)).toMatch(/eight weeks/)
    expect(nl('billing.mandate.consent.B2B', params)).toMatch(/niet worden teruggeboekt/)
    expect(en('billing.mandate.consent.B2B', params)).toMatch(/cannot be refunded/)
    expect(en('billing.mandate.consent.B2B', params)).not.toMatch(/eight weeks/)
  })
})
