/**
 * AES-256-GCM sealing under a keyring with rotation, for personal data kept encrypted at rest
 * (the account archive, bank account numbers). A fresh 12-byte IV per value; the configured key
 * is never used directly: HKDF derives a sub-key per purpose (`domain`), so keys for different
 * purposes can never open each other's data. Each sealed value records the id of the key that
 * sealed it; earlier keys stay usable for opening, so keys rotate without re-encrypting anything,
 * and destroying a key destroys everything it sealed (crypto-shredding).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const IV_BYTES = 12
const TAG_BYTES = 16

export interface Keyring {
  /** Seals every new value. */
  current: { id: string; key: Buffer }
  /** Earlier keys by id, only to open older values. */
  previous: ReadonlyMap<string, Buffer>
}

/** Where a sub-key is derived for: HKDF salt and info. Changing either makes old values unreadable. */
export interface SealingDomain {
  salt: string
  info: string
}

/** What is stored: base64 strings, plus the id of the key that sealed it. */
export interface Sealed {
  keyId: string
  iv: string
  ciphertext: string
  authTag: string
}

/** The value's key is not configured (neither current nor among the previous keys). */
export class SealingKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`key ${keyId} is not configured`)
  }
}

/** The ciphertext does not authenticate under the configured key: wrong key, or altered data. */
export class SealAuthenticationError extends Error {
  constructor() {
    super('sealed value does not authenticate')
  }
}

export function subKey(master: Buffer, domain: SealingDomain): Buffer {
  return Buffer.from(hkdfSync('sha256', master, domain.salt, domain.info, 32))
}

/**
 * Encrypts with the current key. `aad` (authenticated, not encrypted) binds the ciphertext to
 * its row: a ciphertext copied into another row fails to open.
 */
export function seal(keyring: Keyring, domain: SealingDomain, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', subKey(keyring.current.key, domain), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { keyId: keyring.current.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), authTag: cipher.getAuthTag().toString('base64') }
}

function keyFor(keyring: Keyring, keyId: string): Buffer {
  if (keyId === keyring.current.id) return keyring.current.key
  const key = keyring.previous.get(keyId)
  if (!key) throw new SealingKeyMissingError(keyId)
  return key
}

/** Decrypts and authenticates; throws SealingKeyMissingError or SealAuthenticationError. */
export function unseal(keyring: Keyring, domain: SealingDomain, sealed: Sealed, aad: string): Buffer {
  const key = keyFor(keyring, sealed.keyId)
  const iv = Buffer.from(sealed.iv, 'base64')
  const tag = Buffer.from(sealed.authTag, 'base64')
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealAuthenticationError()
  try {
    const decipher = createDecipheriv('aes-256-gcm', subKey(key, domain), iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()])
  } catch {
    throw new SealAuthenticationError()
  }
}
