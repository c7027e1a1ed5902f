/**
 * Reads of accounts and link tokens, with explicit columns. The password hash is read
 * only where a password is checked.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { users, accountTokens } from './accounts.tables.js'
import { cities, wijken } from '../places/places.tables.js'
import { hashToken } from '../../kernel/auth/tokens.js'

export type TokenPurpose = (typeof accountTokens.$inferSelect)['purpose']

/** What a login needs: the hash to verify and whether the account may log in. */
export async function findLoginUser(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1)
  return row ?? null
}

/** Who a mail about an account goes to, and in which language. */
export async function findMailRecipient(db: Db, by: { email: string } | { id: string }) {
  const [row] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang, status: users.status, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where('email' in by ? eq(users.email, by.email) : eq(users.id, by.id))
    .limit(1)
  return row ?? null
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1)
  return row?.passwordHash ?? null
}

/** A link token that can still be used, with its account; null when unknown, used or expired. */
export async function findUsableToken(db: Db, token: string, purpose: TokenPurpose, now: Date) {
  const [row] = await db
    .select({ userId: accountTokens.userId, newEmail: accountTokens.newEmail, email: users.email, firstName: users.firstName })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
        eq(users.status, 'active'),
      ),
    )
    .limit(1)
  return row ?? null
}

/** The new address waiting for confirmation, if an email change is pending. */
export async function pendingEmailChange(db: Db, userId: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ newEmail: accountTokens.newEmail })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, 'change-email'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1)
  return row?.newEmail ?? null
}

/** Every column of the account except the password hash (shown only as "stored as a hash"). */
export async function loadAccountDetails(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      firstName: users.firstName,
      lastName: users.lastName,
      homeWijkId: users.homeWijkId,
      homeWijkName: wijken.name,
      homeCityName: cities.name,
      lang: users.lang,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(wijken, eq(wijken.id, users.homeWijkId))
    .leftJoin(cities, eq(cities.id, wijken.cityId))
    .where(eq(users.id, userId))
    .limit(1)
  return row ?? null
}

export type AccountDetails = NonNullable<Awaited<ReturnType<typeof loadAccountDetails>>>
