/**
 * Keys of the second factor, all derived with HKDF from SESSION_SECRET so no new secret has to be
 * configured, each under its own info string so none can stand in for another:
 * - the TOTP secret is stored AES-256-GCM encrypted, with the person's id as additional data
 *   (a ciphertext copied to another person's row does not open);
 * - recovery codes are stored as HMAC-SHA256 under a separate key, with the person's id mixed in.
 * A database dump alone therefore yields neither a TOTP secret nor a usable recovery code.
 * Changing SESSION_SECRET makes existing TOTP secrets and recovery codes unusable: the operator
 * resets the affected people (`npm run reset-second-factor`); passkeys keep working.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const SALT = 'wijkconnect-second-factor'
const IV_BYTES = 12
const TAG_BYTES = 16

function subKey(sessionSecret: string, purpose: 'totp-secret' | 'recovery-codes'): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, SALT, `wijkconnect second factor ${purpose} v1`, 32))
}

/** "v1.<iv>.<ciphertext>.<tag>", base64url parts. */
export function sealTotpSecret(sessionSecret: string, userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', subKey(sessionSecret, 'totp-secret'), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(userId))
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return ['v1', iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** The secret, or null when it cannot be opened (another key, another row, tampered). */
export function openTotpSecret(sessionSecret: string, userId: string, sealed: string): string | null {
  const [version, iv, ciphertext, tag] = sealed.split('.')
  if (version !== 'v1' || !iv || !ciphertext || !tag) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', subKey(sessionSecret, 'totp-secret'), Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(userId))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

/** What is stored for a recovery code (already normalised) of one person. */
export function recoveryCodeHash(sessionSecret: string, userId: string, code: string): string {
  return createHmac('sha256', subKey(sessionSecret, 'recovery-codes')).update(`${userId}:${code}`).digest('hex')
}
