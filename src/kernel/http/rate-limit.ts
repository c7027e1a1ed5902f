/**
 * Fixed-window rate limits with counters in the database, so they hold across processes.
 * Keys are HMACs of what they count (an address, an email), never the value itself.
 *
 * @example
 * const r = await hitRateLimit(db, rateKey(secret, 'login-client', ip), LIMITS.loginPerClient, now)
 * if (!r.allowed) throw tooManyRequests(r.retryAfterSeconds)
 */
import { sql, lt, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import type { Db } from '../db/client.js'
import { rateLimits } from './rate-limit.tables.js'
import { hmac } from '../auth/tokens.js'
import { MINUTE, HOUR, addMs } from '../clock.js'

export interface Limit {
  max: number
  windowMs: number
}

export const LIMITS = {
  /** Failed logins for one account from one client. */
  loginPerAccountClient: { max: 5, windowMs: 15 * MINUTE },
  /** Failed logins for one account from anywhere: high, so an attacker cannot lock the owner out easily. */
  loginPerAccount: { max: 50, windowMs: HOUR },
  loginPerClient: { max: 30, windowMs: 15 * MINUTE },
  /**
   * Failed logins from a browser with a device cookie for that account (it logged in before): its
   * own allowance, apart from the counters a stranger can fill. Spent, the cookie counts for nothing.
   */
  loginPerDevice: { max: 10, windowMs: 15 * MINUTE },
  /** Sign-ups for one address (new or existing account): a typo retried, not a flood of mail. */
  signupPerEmail: { max: 3, windowMs: HOUR },
  resetPerAccount: { max: 3, windowMs: HOUR },
  resetPerClient: { max: 10, windowMs: HOUR },
} satisfies Record<string, Limit>

export function rateKey(secret: string, scope: string, value: string): string {
  return `${scope}:${hmac(secret, `${scope}:${value.toLowerCase()}`).slice(0, 32)}`
}

export interface RateResult {
  allowed: boolean
  count: number
  retryAfterSeconds: number
}

/** Counts one hit against `key` and says whether it is still within the limit. */
export async function hitRateLimit(db: Db, key: string, limit: Limit, now: Date): Promise<RateResult> {
  const windowOpenedBefore = addMs(now, -limit.windowMs)
  const expiresAt = addMs(now, limit.windowMs)
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1, expiresAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowOpenedBefore} then 1 else ${rateLimits.count} + 1 end`,
        expiresAt: sql`case when ${rateLimits.windowStart} <= ${windowOpenedBefore} then ${expiresAt} else ${rateLimits.expiresAt} end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowOpenedBefore} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, expiresAt: rateLimits.expiresAt })
  const count = row?.count ?? 1
  const retryAfterSeconds = Math.max(1, Math.ceil(((row?.expiresAt ?? expiresAt).getTime() - now.getTime()) / 1000))
  return { allowed: count <= limit.max, count, retryAfterSeconds }
}

/** Reads a counter without counting (to refuse early before expensive work). */
export async function isRateLimited(db: Db, key: string, limit: Limit, now: Date): Promise<RateResult> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1)
  if (!row || row.expiresAt <= now) return { allowed: true, count: 0, retryAfterSeconds: 0 }
  const retryAfterSeconds = Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000))
  return { allowed: row.count < limit.max, count: row.count, retryAfterSeconds }
}

/** Sets Retry-After on a refused request and returns the wait in whole minutes, for the message on the form. */
export function limitedMinutes(c: Context, limited: { retryAfterSeconds: number }): number {
  c.header('Retry-After', String(limited.retryAfterSeconds))
  return Math.max(1, Math.ceil(limited.retryAfterSeconds / 60))
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}

/** Retention: counters whose window has passed. */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now)).returning({ key: rateLimits.key })
  return rows.length
}
