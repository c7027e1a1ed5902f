/**
 * Encryption keys from the environment, each with its rotation: KEY (the current one), KEY_ID and
 * PREVIOUS_KEYS ("id:key,id:key", only to open what older keys sealed). Used for the account
 * archive (ARCHIVE_*) and for bank account numbers (BILLING_*), each separate from every other
 * secret. Outside production an unset key is derived from the session secret (id "dev"), and a
 * development key stays readable after a real key is set later.
 */
import { hkdfSync } from 'node:crypto'

/** Key ids: short, so they fit a column and a log line. */
export const KEY_ID = /^[a-z0-9-]{1,32}$/

/** The id of a development key; never used in production. */
export const DEV_KEY_ID = 'dev'

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex')
  const b = Buffer.from(value, 'base64')
  return b.length === 32 ? b : null
}

/** Parses "id:key,id:key"; null when any part is malformed or an id repeats. */
export function parsePreviousKeys(value: string): Map<string, Buffer> | null {
  const keys = new Map<string, Buffer>()
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(':')
    if (colon < 1) return null
    const id = part.slice(0, colon)
    const key = decodeKey(part.slice(colon + 1).trim())
    if (!KEY_ID.test(id) || !key || keys.has(id)) return null
    keys.set(id, key)
  }
  return keys
}

/** A development key for one purpose, derived from the session secret. */
export function developmentKey(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'wijkconnect', `wijkconnect development ${purpose} key`, 32))
}

export interface ConfiguredKeys {
  key: Buffer
  keyId: string
  previous: Map<string, Buffer>
  /** Said at start when a development key is in use. */
  warning?: string
}

/**
 * One key's configuration, or a list of problems. `prefix` names the variables (ARCHIVE,
 * BILLING), `purpose` says in words what the key is for, `devLabel` derives its development key
 * (fixed per key: changing it would make data sealed in development unreadable).
 */
export function configuredKeys(
  values: { key?: string; keyId: string; previous?: string },
  opts: { prefix: string; purpose: string; devLabel: string; isProduction: boolean; sessionSecret: string },
): ConfiguredKeys | { problems: string[] } {
  const previous = values.previous ? (parsePreviousKeys(values.previous) ?? new Map<string, Buffer>()) : new Map<string, Buffer>()
  let key = values.key ? decodeKey(values.key) : null
  let keyId = values.keyId
  if (previous.has(keyId)) {
    return { problems: [`${opts.prefix}_PREVIOUS_KEYS: must not contain the current ${opts.prefix}_KEY_ID (${keyId}); give a rotated key a new id`] }
  }
  let warning: string | undefined
  if (!opts.isProduction) {
    const devKey = developmentKey(opts.sessionSecret, opts.devLabel)
    if (!key) {
      key = devKey
      keyId = DEV_KEY_ID
      warning = `${opts.prefix}_KEY is not set: a development key derived from the session secret protects the ${opts.purpose}. Never use this in production.`
    } else if (keyId !== DEV_KEY_ID && !previous.has(DEV_KEY_ID)) {
      previous.set(DEV_KEY_ID, devKey)
    }
  }
  if (!key) return { problems: [`${opts.prefix}_KEY is required in production (key of the ${opts.purpose})`] }
  return { key, keyId, previous, warning }
}
