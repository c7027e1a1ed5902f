/**
 * Keys of the second factor, all derived with HKDF from SESSION_SECRET so no new secret has to be
 * configured, each under its own info string so none can stand in for another:
 * - the TOTP secret is sealed with the kernel's AES-256-GCM (kernel/crypto/sealed.ts), with the
 *   person's id as additional data (a ciphertext copied to another person's row does not open);
 * - recovery codes are stored as HMAC-SHA256 under a separate key, with the person's id mixed in.
 * A database dump alone therefore yields neither a TOTP secret nor a usable recovery code.
 * Changing SESSION_SECRET makes existing TOTP secrets and recovery codes unusable: the operator
 * resets the affected people (`npm run reset-second-factor`); passkeys keep working.
 */
import { createHmac } from 'node:crypto'
import { seal, subKey, unseal, type Keyring, type SealingDomain } from '../../kernel/crypto/sealed.js'

const SALT = 'wijkconnect-second-factor'
/** The one "key id" a TOTP secret has ever been sealed under: SESSION_SECRET has no rotation. */
const VERSION = 'v1'
const TOTP_DOMAIN: SealingDomain = { salt: SALT, info: 'wijkconnect second factor totp-secret v1' }
const RECOVERY_DOMAIN: SealingDomain = { salt: SALT, info: 'wijkconnect second factor recovery-codes v1' }

function keyring(sessionSecret: string): Keyring {
  return { current: { id: VERSION, key: Buffer.from(sessionSecret, 'utf8') }, previous: new Map() }
}

const toUrl = (base64: string): string => Buffer.from(base64, 'base64').toString('base64url')
const fromUrl = (base64url: string): string => Buffer.from(base64url, 'base64url').toString('base64')

/** "v1.<iv>.<ciphertext>.<tag>", base64url parts: one column, the format stored since the start. */
export function sealTotpSecret(sessionSecret: string, userId: string, secret: string): string {
  const sealed = seal(keyring(sessionSecret), TOTP_DOMAIN, Buffer.from(secret, 'utf8'), userId)
  return [VERSION, toUrl(sealed.iv), toUrl(sealed.ciphertext), toUrl(sealed.authTag)].join('.')
}

/** The secret, or null when it cannot be opened (another key, another row, tampered). */
export function openTotpSecret(sessionSecret: string, userId: string, stored: string): string | null {
  const [version, iv, ciphertext, tag] = stored.split('.')
  if (version !== VERSION || !iv || !ciphertext || !tag) return null
  try {
    const sealed = { keyId: VERSION, iv: fromUrl(iv), ciphertext: fromUrl(ciphertext), authTag: fromUrl(tag) }
    return unseal(keyring(sessionSecret), TOTP_DOMAIN, sealed, userId).toString('utf8')
  } catch {
    return null
  }
}

/** What is stored for a recovery code (already normalised) of one person. */
export function recoveryCodeHash(sessionSecret: string, userId: string, code: string): string {
  return createHmac('sha256', subKey(Buffer.from(sessionSecret, 'utf8'), RECOVERY_DOMAIN)).update(`${userId}:${code}`).digest('hex')
}
