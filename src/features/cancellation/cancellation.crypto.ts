/**
 * Encryption of the account archive (P26), sealed by the kernel's AES-256-GCM keyring
 * (kernel/crypto/sealed.ts) with a fresh IV per archive.
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
import { createHmac } from 'node:crypto'
import type { Config } from '../../config/env.js'
import { SealAuthenticationError, SealingKeyMissingError, seal, subKey, unseal, type Keyring, type Sealed, type SealingDomain } from '../../kernel/crypto/sealed.js'

/** Fixed salt: the input key is already uniformly random; the info strings separate the purposes. */
const HKDF_SALT = 'wijkconnect-account-archive'
const ENCRYPTION: SealingDomain = { salt: HKDF_SALT, info: 'wijkconnect archive encryption v1' }
const EMAIL_LOOKUP: SealingDomain = { salt: HKDF_SALT, info: 'wijkconnect archive email-lookup v1' }

export type ArchiveKeyring = Keyring
export type SealedArchive = Sealed
/** The archive's key is not configured (neither ARCHIVE_KEY nor in ARCHIVE_PREVIOUS_KEYS). */
export const ArchiveKeyMissingError = SealingKeyMissingError
/** The ciphertext does not authenticate under the configured key: wrong key, or altered data. */
export const ArchiveAuthenticationError = SealAuthenticationError

export function archiveKeyring(config: Pick<Config, 'archiveKey' | 'archiveKeyId' | 'archivePreviousKeys'>): ArchiveKeyring {
  return { current: { id: config.archiveKeyId, key: config.archiveKey }, previous: config.archivePreviousKeys }
}

/** The stored lookup value of an email address under one key (hex HMAC-SHA256). */
export function emailLookup(master: Buffer, email: string): string {
  return createHmac('sha256', subKey(master, EMAIL_LOOKUP)).update(email.trim().toLowerCase()).digest('hex')
}

/** Lookup values of an address under every known key, to find archives sealed before a rotation. */
export function emailLookups(keyring: ArchiveKeyring, email: string): string[] {
  return [keyring.current.key, ...keyring.previous.values()].map((key) => emailLookup(key, email))
}

/**
 * Encrypts with the current key. `aad` (authenticated, not encrypted) binds the ciphertext to
 * its row: a ciphertext copied into another archive row fails to open.
 */
export function sealArchive(keyring: ArchiveKeyring, plaintext: Buffer, aad: string): SealedArchive {
  return seal(keyring, ENCRYPTION, plaintext, aad)
}

/** Decrypts and authenticates; throws ArchiveKeyMissingError or ArchiveAuthenticationError. */
export function openArchive(keyring: ArchiveKeyring, sealed: SealedArchive, aad: string): Buffer {
  return unseal(keyring, ENCRYPTION, sealed, aad)
}
