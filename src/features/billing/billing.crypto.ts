/**
 * Bank account numbers at rest (P09): sealed with AES-256-GCM under BILLING_KEY (kernel/crypto/
 * sealed.ts, with rotation through BILLING_PREVIOUS_KEYS), bound to their row by the associated
 * data, so a ciphertext copied to another mandate does not open. Destroying the IBAN of an ended
 * mandate is deleting its sealed value.
 */
import type { Config } from '../../config/env.js'
import { seal, unseal, type Keyring, type Sealed, type SealingDomain } from '../../kernel/crypto/sealed.js'

const IBAN: SealingDomain = { salt: 'wijkconnect-billing', info: 'wijkconnect billing iban v1' }

/** Billing is switched off in production, so there is no key to seal with. */
export class BillingKeyMissingError extends Error {
  constructor() {
    super('billing is not configured: set BILLING_ENABLED=1 and BILLING_KEY')
  }
}

export function billingKeyring(config: Pick<Config, 'billing'>): Keyring {
  const keys = config.billing.keys
  if (!keys) throw new BillingKeyMissingError()
  return { current: { id: keys.keyId, key: keys.key }, previous: keys.previous }
}

/** `owner` is what the value belongs to (e.g. "mandate:42"): the associated data. */
export function sealIban(keyring: Keyring, iban: string, owner: string): Sealed {
  return seal(keyring, IBAN, Buffer.from(iban, 'utf8'), owner)
}

export function openIban(keyring: Keyring, sealed: Sealed, owner: string): string {
  return unseal(keyring, IBAN, sealed, owner).toString('utf8')
}
