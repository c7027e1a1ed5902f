/**
 * Recovery codes: ten per set, each 16 characters of Crockford's base32 (80 random bits), shown
 * once as "xxxx-xxxx-xxxx-xxxx" and stored only as a keyed hash (two-factor.crypto.ts). A code is
 * spent by one atomic UPDATE … WHERE used_at IS NULL, so it works exactly once; a new set deletes
 * the old one.
 */
import { randomBytes } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { recoveryCodes } from './two-factor.tables.js'
import { recoveryCodeHash } from './two-factor.crypto.js'

export const RECOVERY_CODE_COUNT = 10
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const LENGTH = 16

function newCode(): string {
  // 32 symbols: each random byte's low 5 bits pick one without bias.
  return [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('')
}

export function formatRecoveryCode(code: string): string {
  return code.match(/.{4}/g)!.join('-')
}

/** The code as stored-hashed, or null when it cannot be a recovery code. Forgives case, dashes, o/0 and i/l/1. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1')
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : null
}

/** Replaces the person's set with ten new codes; returns them formatted, to be shown once. */
export async function replaceRecoveryCodes(tx: Db, secret: string, userId: string, now: Date): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(secret, userId, code), createdAt: now })))
  return codes.map(formatRecoveryCode)
}

/** Spends one code; true once per code. */
export async function spendRecoveryCode(db: Db, secret: string, userId: string, code: string, now: Date): Promise<boolean> {
  const [spent] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryCodeHash(secret, userId, code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return spent !== undefined
}

export async function recoveryCodeCounts(db: Db, userId: string): Promise<{ total: number; unused: number; createdAt: Date | null }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unused: sql<number>`(count(*) filter (where ${recoveryCodes.usedAt} is null))::int`,
      createdAt: sql<Date | null>`max(${recoveryCodes.createdAt})`,
    })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId))
  const createdAt = row?.createdAt ? new Date(row.createdAt) : null
  return { total: row?.total ?? 0, unused: row?.unused ?? 0, createdAt }
}
