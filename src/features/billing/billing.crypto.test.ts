/**
 * Bank account numbers at rest (P09): BILLING_KEY in configuration, required in production once
 * billing is on; sealing that never stores the number in clear, opens only for its own row and
 * survives a key rotation.
 */
import { describe, it, expect } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loadConfig } from '../../config/env.js'
import { BILLING_OPERATOR_ENV, PRODUCTION_ENV, TEST_SECRET, configProblems } from '../../../test/config.js'
import { SealAuthenticationError, SealingKeyMissingError } from '../../kernel/crypto/sealed.js'
import { BillingKeyMissingError, billingKeyring, openIban, sealIban } from './billing.crypto.js'

const SECRET = TEST_SECRET
const PRODUCTION = { ...PRODUCTION_ENV, ARCHIVE_KEY: randomBytes(32).toString('base64') }
const IBAN = 'NL91ABNA0417164300'
const problems = configProblems

describe('BILLING_KEY', () => {
  it('is required in production once billing is on, and only then', () => {
    expect(problems(() => loadConfig({ ...PRODUCTION, BILLING_ENABLED: '1' })).join('\n')).toContain('BILLING_KEY is required in production')
    const off = loadConfig(PRODUCTION)
    expect(off.billing).toMatchObject({ enabled: false, keys: null })
    expect(() => billingKeyring(off)).toThrow(BillingKeyMissingError)
    const key = randomBytes(32)
    const on = loadConfig({ ...PRODUCTION, ...BILLING_OPERATOR_ENV, BILLING_ENABLED: '1', BILLING_KEY: key.toString('hex'), BILLING_KEY_ID: 'b2' })
    expect(on.billing.keys).toMatchObject({ key, keyId: 'b2' })
  })

  it('is its own key: not the archive key, and a development key outside production', () => {
    const dev = loadConfig({ SESSION_SECRET: SECRET, BILLING_ENABLED: '1' })
    expect(dev.billing.keys!.keyId).toBe('dev')
    expect(dev.billing.keys!.key.equals(dev.archiveKey)).toBe(false)
    expect(dev.warnings.join('\n')).toContain('BILLING_KEY is not set')
    expect(problems(() => loadConfig({ SESSION_SECRET: SECRET, BILLING_KEY: 'te-kort' })).join('\n')).toContain('BILLING_KEY')
    const k = randomBytes(32).toString('base64')
    expect(problems(() => loadConfig({ ...PRODUCTION, BILLING_ENABLED: '1', BILLING_KEY: k, BILLING_PREVIOUS_KEYS: `k1:${k}` })).join('\n')).toContain('must not contain the current BILLING_KEY_ID')
  })
})

describe('sealed IBANs', () => {
  const ring = { current: { id: 'b1', key: randomBytes(32) }, previous: new Map<string, Buffer>() }

  it('never hold the number in clear and open only for their own row', () => {
    const sealed = sealIban(ring, IBAN, 'mandate:1')
    expect(JSON.stringify(sealed)).not.toContain(IBAN)
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from(IBAN).toString('base64'))
    expect(sealIban(ring, IBAN, 'mandate:1').iv).not.toBe(sealed.iv)
    expect(openIban(ring, sealed, 'mandate:1')).toBe(IBAN)
    expect(() => openIban(ring, sealed, 'mandate:2')).toThrow(SealAuthenticationError)
  })

  it('still open after the key is rotated, and not at all once the old key is destroyed', () => {
    const sealed = sealIban(ring, IBAN, 'mandate:7')
    const rotated = { current: { id: 'b2', key: randomBytes(32) }, previous: new Map([['b1', ring.current.key]]) }
    expect(openIban(rotated, sealed, 'mandate:7')).toBe(IBAN)
    expect(sealIban(rotated, IBAN, 'mandate:7').keyId).toBe('b2')
    const shredded = { current: rotated.current, previous: new Map<string, Buffer>() }
    expect(() => openIban(shredded, sealed, 'mandate:7')).toThrow(SealingKeyMissingError)
  })
})
