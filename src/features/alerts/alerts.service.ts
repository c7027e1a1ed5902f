/**
 * Changes to what an account holder follows and how often they hear about it. Every function
 * takes the logged-in user's id from the route, never one from the request; a follow id of
 * someone else matches nothing, so the route answers 404.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { alertFollows, alertSettings } from './alerts.tables.js'
import type { FollowKind, Frequency } from './alerts.queries.js'
import { unsubscribeTokenHash } from './alerts.token.js'

type D = Pick<Deps, 'db' | 'clock' | 'config'>

/** The settings row, created on the first follow; "since" starts now, so nobody gets a backlog. */
async function ensureSettings(db: Db, secret: string, userId: string, now: Date): Promise<void> {
  await db
    .insert(alertSettings)
    .values({ userId, lastSentAt: now, unsubscribeTokenHash: unsubscribeTokenHash(secret, userId), updatedAt: now })
    .onConflictDoNothing({ target: alertSettings.userId })
}

/** Follows a module, theme or category of a wijk; following it twice is the same as once. */
export async function follow(deps: D, userId: string, f: { wijkId: number; kind: FollowKind; value: string }): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await ensureSettings(tx, deps.config.sessionSecret, userId, now)
    await tx.insert(alertFollows).values({ userId, ...f, createdAt: now }).onConflictDoNothing()
  })
}

/** Stops one follow of the user; false when it is not theirs (or already gone). */
export async function unfollow(deps: Pick<Deps, 'db'>, userId: string, followId: number): Promise<boolean> {
  const gone = await deps.db
    .delete(alertFollows)
    .where(and(eq(alertFollows.id, followId), eq(alertFollows.userId, userId)))
    .returning({ id: alertFollows.id })
  return gone.length > 0
}

/**
 * Sets how often. Turning alerts back on after 'never' starts counting from now: what was
 * published while they were off is not mailed in one big heap.
 */
export async function setFrequency(deps: D, userId: string, frequency: Frequency): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await ensureSettings(tx, deps.config.sessionSecret, userId, now)
    await tx
      .update(alertSettings)
      .set({
        frequency,
        updatedAt: now,
        lastSentAt: sql`case when ${alertSettings.frequency} = 'never' then ${now.toISOString()}::timestamptz else ${alertSettings.lastSentAt} end`,
      })
      .where(eq(alertSettings.userId, userId))
  })
}

/** One-click unsubscribe: the token alone authorises it. False when no settings row has it. */
export async function unsubscribeByToken(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<boolean> {
  const rows = await deps.db
    .update(alertSettings)
    .set({ frequency: 'never', updatedAt: deps.clock.now() })
    .where(eq(alertSettings.unsubscribeTokenHash, hashToken(token)))
    .returning({ userId: alertSettings.userId })
  return rows.length > 0
}

/** The frequency of the settings row the token belongs to, or null for an unknown token. */
export async function frequencyByToken(db: Db, token: string): Promise<Frequency | null> {
  const [row] = await db.select({ frequency: alertSettings.frequency }).from(alertSettings).where(eq(alertSettings.unsubscribeTokenHash, hashToken(token))).limit(1)
  return row?.frequency ?? null
}
