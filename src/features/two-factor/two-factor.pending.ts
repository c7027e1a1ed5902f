/**
 * The pending login between the password and the second factor. After a correct password a
 * person with a second factor gets no session, only this: a random 256-bit token in an HttpOnly,
 * SameSite=Strict cookie scoped to /account, stored as its SHA-256, bound to the person and the
 * path to land on, valid for five minutes. The second step reads it; a successful second step
 * deletes it and only then creates the session.
 */
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { Db } from '../../kernel/db/client.js'
import { randomToken, hashToken } from '../../kernel/auth/tokens.js'
import { MINUTE, addMs } from '../../kernel/clock.js'
import { pendingLogins } from './two-factor.tables.js'

export const PENDING_LOGIN_TTL_MS = 5 * MINUTE
const COOKIE_PATH = '/account'

function cookieName(secure: boolean): string {
  return secure ? '__Secure-wc_login' : 'wc_login'
}

export interface PendingLogin {
  tokenHash: string
  userId: string
  nextPath: string | null
}

export async function startPendingLogin(c: Context, db: Db, userId: string, nextPath: string | null, now: Date, secure: boolean): Promise<void> {
  const token = randomToken()
  // One pending login per person: an earlier, unfinished one ends here.
  await db.delete(pendingLogins).where(eq(pendingLogins.userId, userId))
  await db.insert(pendingLogins).values({ tokenHash: hashToken(token), userId, nextPath, createdAt: now, expiresAt: addMs(now, PENDING_LOGIN_TTL_MS) })
  setCookie(c, cookieName(secure), token, { httpOnly: true, secure, sameSite: 'Strict', path: COOKIE_PATH, maxAge: PENDING_LOGIN_TTL_MS / 1000 })
}

export async function readPendingLogin(c: Context, db: Db, now: Date, secure: boolean): Promise<PendingLogin | null> {
  const token = getCookie(c, cookieName(secure))
  if (!token || token.length > 100) return null
  const [row] = await db
    .select({ tokenHash: pendingLogins.tokenHash, userId: pendingLogins.userId, nextPath: pendingLogins.nextPath })
    .from(pendingLogins)
    .where(and(eq(pendingLogins.tokenHash, hashToken(token)), gt(pendingLogins.expiresAt, now)))
    .limit(1)
  return row ?? null
}

/** Ends the pending login; true only for the caller that actually removed it (two tabs cannot both finish). */
export async function endPendingLogin(c: Context, db: Db, pending: PendingLogin, secure: boolean): Promise<boolean> {
  const gone = await db.delete(pendingLogins).where(eq(pendingLogins.tokenHash, pending.tokenHash)).returning({ h: pendingLogins.tokenHash })
  deleteCookie(c, cookieName(secure), { path: COOKIE_PATH, secure, httpOnly: true, sameSite: 'Strict' })
  return gone.length === 1
}

/** Removes a stale cookie; sets none for a visitor who has none (visitors get no cookies, P15). */
export function clearPendingCookie(c: Context, secure: boolean): void {
  if (getCookie(c, cookieName(secure)) === undefined) return
  deleteCookie(c, cookieName(secure), { path: COOKIE_PATH, secure, httpOnly: true, sameSite: 'Strict' })
}

/** Retention: pending logins past their five minutes. */
export async function purgeExpiredPendingLogins(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, now)).returning({ h: pendingLogins.tokenHash })
  return gone.length
}
