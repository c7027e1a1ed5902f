/**
 * API keys of partners. A key is 256 random bits behind a recognisable prefix ("wck_"), so a key
 * that leaks into a repository or a log can be found by secret scanners. It is shown once; the
 * database keeps its SHA-256 and the first characters, enough for people to tell keys apart.
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { hashToken, randomToken } from '../../kernel/auth/tokens.js'
import { partnerKeys } from './partners.tables.js'

export const KEY_PREFIX = 'wck_'
/** How much of a key is kept and shown: the prefix and eight characters of the secret. */
const VISIBLE_LENGTH = KEY_PREFIX.length + 8

export interface IssuedKey {
  id: number
  /** The whole key: show it once, store it nowhere. */
  token: string
  prefix: string
}

export async function issueKey(db: Db, partnerId: number, label: string, createdBy: string | null, now: Date): Promise<IssuedKey> {
  const token = KEY_PREFIX + randomToken()
  const prefix = token.slice(0, VISIBLE_LENGTH)
  const [row] = await db
    .insert(partnerKeys)
    .values({ partnerId, label, prefix, tokenHash: hashToken(token), createdBy, createdAt: now })
    .returning({ id: partnerKeys.id })
  return { id: row!.id, token, prefix }
}

/** Revokes a key of this partner; false when there is no such key or it was revoked already. */
export async function revokeKey(db: Db, partnerId: number, keyId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(partnerKeys)
    .set({ revokedAt: now })
    .where(and(eq(partnerKeys.id, keyId), eq(partnerKeys.partnerId, partnerId), isNull(partnerKeys.revokedAt)))
    .returning({ id: partnerKeys.id })
  return rows.length > 0
}

/** The shape a presented key must have before it is worth a database lookup. */
export function looksLikeKey(token: string): boolean {
  return token.startsWith(KEY_PREFIX) && /^[A-Za-z0-9_-]{40,60}$/.test(token.slice(KEY_PREFIX.length))
}
