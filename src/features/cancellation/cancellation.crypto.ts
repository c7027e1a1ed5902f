/**
 * Encryption of the account archive (P26): AES-256-GCM with a fresh 12-byte IV per archive.
 *
 * The archive key (ARCHIVE_KEY, separate from every other secret) is never used directly: HKDF
 * derives one sub-key for encryption and another for the email lookup, so the lookup value (an
 * HMAC of the lower-cased address, stored to find an archive on request) cannot help anyone
 * decrypt, and the address itself is never stored in clear. Each archive records the id of the
 * key that sealed it; older keys stay usable for decryption through ARCHIVE_PREVIOUS_KEYS, so
 * keys can be rotated without re-encrypting anything. Destroying a key destroys every archive
 * sealed with it (crypto-shredding).
 *
 * @example
 * const keyring = archiveKeyring(config)
 * const sealed = sealArchive(keyring, Buffer.from(json), aad)
 * const json = openArchive(keyring, sealed, aad).toString('utf8')
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import type { Config } from '../../config/env.js'

const IV_BYTES = 12
const TAG_BYTES = 16
/** Fixed salt: the input key is already uniformly random; the info strings separate the purposes. */
const HKDF_SALT = 'wijkconnect-account-archive'

export interface ArchiveKeyring {
  /** Seals every new archive. */
  current: { id: string; key: Buffer }
  /** Earlier keys by id, only to open older archives. */
  previous: ReadonlyMap<string, Buffer>
}

export function archiveKeyring(config: Pick<Config, 'archiveKey' | 'archiveKeyId' | 'archivePreviousKeys'>): ArchiveKeyring {
  return { current: { id: config.archiveKeyId, key: config.archiveKey }, previous: config.archivePreviousKeys }
}

function subKey(master: Buffer, purpose: 'encryption' | 'email-lookup'): Buffer {
  return Buffer.from(hkdfSync('sha256', master, HKDF_SALT, `wijkconnect archive ${purpose} v1`, 32))
}

/** The stored lookup value of an email address under one key (hex HMAC-SHA256). */
export function emailLookup(master: Buffer, email: string): string {
  return createHmac('sha256', subKey(master, 'email-lookup')).update(email.trim().toLowerCase()).digest('hex')
}

/** Lookup values of an address under every known key, to find archives sealed before a rotation. */
export function emailLookups(keyring: ArchiveKeyring, email: string): string[] {
  return [keyring.current.key, ...keyring.previous.values()].map((key) => emailLookup(key, email))
}

/** What is stored: base64 strings, plus the id of the key that sealed it. */
export interface SealedArchive {
  keyId: string
  iv: string
  ciphertext: string
  authTag: string
}

/**
 * Encrypts with the current key. `aad` (authenticated, not encrypted) binds the ciphertext to
 * its row: a ciphertext copied into another archive row fails to open.
 */
export function sealArchive(keyring: ArchiveKeyring, plaintext: Buffer, aad: string): SealedArchive {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', subKey(keyring.current.key, 'encryption'), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { keyId: keyring.current.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), authTag: cipher.getAuthTag().toString('base64') }
}

/** The archive's key is not configured (neither ARCHIVE_KEY nor in ARCHIVE_PREVIOUS_KEYS). */
export class ArchiveKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`archive key ${keyId} is not configured`)
  }
}

/** The ciphertext does not authenticate under the configured key: wrong key, or altered data. */
export class ArchiveAuthenticationError extends Error {
  constructor() {
    super('archive does not authenticate')
  }
}

function keyFor(keyring: ArchiveKeyring, keyId: string): Buffer {
  if (keyId === keyring.current.id) return keyring.current.key
  const key = keyring.previous.get(keyId)
  if (!key) throw new ArchiveKeyMissingError(keyId)
  return key
}

/** Decrypts and authenticates; throws ArchiveKeyMissingError or ArchiveAuthenticationError. */
export function openArchive(keyring: ArchiveKeyring, sealed: SealedArchive, aad: string): Buffer {
  const key = keyFor(keyring, sealed.keyId)
  const iv = Buffer.from(sealed.iv, 'base64')
  const tag = Buffer.from(sealed.authTag, 'base64')
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new ArchiveAuthenticationError()
  try {
    const decipher = createDecipheriv('aes-256-gcm', subKey(key, 'encryption'), iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()])
  } catch {
    throw new ArchiveAuthenticationError()
  }
}
