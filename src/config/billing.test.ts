/**
 * The operator on invoices from configuration: required in production once billing is on, each
 * detail checked (IBAN by mod 97, KvK, Dutch VAT format, BIC, Incassant-ID check digits), and a
 * clearly fake stand-in elsewhere.
 */
import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loadConfig } from './env.js'
import { BILLING_OPERATOR_ENV, PRODUCTION_ENV, TEST_SECRET, configProblems } from '../../test/config.js'
import type { InvoiceSeller } from '../features/billing/billing.invoice-document.js'

const PRODUCTION = { ...PRODUCTION_ENV, ARCHIVE_KEY: randomBytes(32).toString('base64') }
const BILLING_ON = { ...PRODUCTION, BILLING_ENABLED: '1', BILLING_KEY: randomBytes(32).toString('base64') }

describe('the operator on invoices', () => {
  it('is required in production once billing is on, each missing detail named', () => {
    const problems = configProblems(() => loadConfig(BILLING_ON))
    for (const key of Object.keys(BILLING_OPERATOR_ENV)) expect(problems.join('\n'), key).toContain(`${key} is required in production when BILLING_ENABLED=1`)
    // Name, KvK number and email come from OPERATOR_*, which production requires anyway.
    expect(problems.join('\n')).not.toMatch(/BILLING_OPERATOR_(NAME|KVK|EMAIL)/)
    expect(problems).toHaveLength(Object.keys(BILLING_OPERATOR_ENV).length)
    const { BILLING_CREDITOR_ID: _left, ...withoutCreditor } = BILLING_OPERATOR_ENV
    expect(configProblems(() => loadConfig({ ...BILLING_ON, ...withoutCreditor }))).toEqual([
      'BILLING_CREDITOR_ID is required in production when BILLING_ENABLED=1 (Incassant-ID (SEPA creditor identifier) for direct debit)',
    ])
  })

  it('is not asked in production without billing', () => {
    expect(configProblems(() => loadConfig(PRODUCTION))).toEqual([])
  })

  it('is read, normalised and exposed as config.billing.operator, a seller the invoices take as it is', () => {
    const config = loadConfig({
      ...BILLING_ON,
      ...BILLING_OPERATOR_ENV,
      BILLING_IBAN: 'nl91 abna 0417 1643 00',
      BILLING_OPERATOR_VAT: 'nl 1234.56789 b01',
      BILLING_CREDITOR_ID: 'nl69 zzz 1234 5678 0000',
      BILLING_BIC: 'abnanl2a',
    })
    const seller: InvoiceSeller = config.billing.operator
    expect(seller).toEqual({
      name: 'Stichting Test',
      street: 'Oudegracht 231',
      postcode: '3511 NK',
      city: 'Utrecht',
      countryCode: 'NL',
      kvk: '12345678',
      vatNumber: 'NL123456789B01',
      email: 'privacy@example.nl',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      creditorId: 'NL69ZZZ123456780000',
    })
    expect(config.billing.paymentTermDays).toBe(14)
    expect(config.warnings.join('\n')).not.toContain('made-up operator')
  })

  it('takes its own name, KvK number, email, country and payment term over the general operator details', () => {
    const config = loadConfig({
      ...BILLING_ON,
      ...BILLING_OPERATOR_ENV,
      BILLING_OPERATOR_NAME: 'Wijkplatform Facturatie B.V.',
      BILLING_OPERATOR_KVK: '87654321',
      BILLING_OPERATOR_EMAIL: 'facturen@example.nl',
      BILLING_OPERATOR_COUNTRY: 'be',
      BILLING_PAYMENT_TERM_DAYS: '30',
    })
    expect(config.billing.operator).toMatchObject({ name: 'Wijkplatform Facturatie B.V.', kvk: '87654321', email: 'facturen@example.nl', countryCode: 'BE' })
    expect(config.billing.paymentTermDays).toBe(30)
  })

  it('writes direct-debit files as pain.008.001.02 unless told 08', () => {
    expect(loadConfig({ SESSION_SECRET: TEST_SECRET }).billing.pain008Version).toBe('02')
    expect(loadConfig({ SESSION_SECRET: TEST_SECRET, BILLING_PAIN008_VERSION: ' 08 ' }).billing.pain008Version).toBe('08')
    expect(loadConfig({ ...BILLING_ON, ...BILLING_OPERATOR_ENV, BILLING_PAIN008_VERSION: '02' }).billing.pain008Version).toBe('02')
  })

  it.each([
    ['BILLING_OPERATOR_KVK', '1234567'],
    ['BILLING_OPERATOR_VAT', 'NL12345678B01'],
    ['BILLING_OPERATOR_VAT', 'BE0123456789'],
    ['BILLING_OPERATOR_EMAIL', 'facturen'],
    ['BILLING_OPERATOR_COUNTRY', 'Nederland'],
    ['BILLING_IBAN', 'NL92ABNA0417164300'],
    ['BILLING_IBAN', 'NL91ABNA041716430'],
    ['BILLING_BIC', 'ABN'],
    ['BILLING_CREDITOR_ID', 'NL00ZZZ123456780000'],
    ['BILLING_PAYMENT_TERM_DAYS', '0'],
    ['BILLING_PAIN008_VERSION', '03'],
    ['BILLING_PAIN008_VERSION', 'pain.008.001.08'],
  ])('refuses %s=%s, even outside production', (key, value) => {
    expect(configProblems(() => loadConfig({ SESSION_SECRET: TEST_SECRET, [key]: value })).join('\n')).toContain(key)
    expect(configProblems(() => loadConfig({ ...BILLING_ON, ...BILLING_OPERATOR_ENV, [key]: value })).join('\n')).toContain(key)
  })

  it('is a clearly fake operator outside production, announced when billing is on, and valid by its own rules', () => {
    const dev = loadConfig({ SESSION_SECRET: TEST_SECRET, BILLING_ENABLED: '1' })
    expect(dev.billing.operator.name).toBe('WijkConnect demo (no real invoices)')
    expect(dev.warnings.join('\n')).toContain('made-up operator details')
    expect(loadConfig({ SESSION_SECRET: TEST_SECRET }).warnings.join('\n')).not.toContain('made-up operator')
    // The stand-ins pass the same checks as real values, so demo invoices are well-formed.
    const o = dev.billing.operator
    const asEnv = { BILLING_OPERATOR_KVK: o.kvk, BILLING_OPERATOR_VAT: o.vatNumber, BILLING_IBAN: o.iban, BILLING_BIC: o.bic, BILLING_CREDITOR_ID: o.creditorId }
    expect(configProblems(() => loadConfig({ SESSION_SECRET: TEST_SECRET, ...asEnv }))).toEqual([])
  })
})
