/**
 * The digest run, every ten minutes. Each account holder who follows something and is due (right
 * away: every run; daily: once past 07:00 Amsterdam; weekly: once past Monday 07:00) gets ONE mail
 * with everything followed that was first published in (last_sent_at, cutoff], and last_sent_at
 * moves to the cutoff in the same transaction as the queued mail. So an item is never mailed
 * twice, a burst of items becomes one mail, and nothing is sent when nothing is new.
 */
import { and, asc, eq, exists, gt, lt, or, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { users } from '../accounts/accounts.tables.js'
import { alertFollows, alertSettings } from './alerts.tables.js'
import { MAX_ITEMS_PER_MAIL, newItemsFor, type Frequency } from './alerts.queries.js'
import { SETTLE_MS, dailySlot, weeklySlot } from './alerts.schedule.js'
import { unsubscribeToken, unsubscribeUrl } from './alerts.token.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { digestMail } from './alerts.emails.js'

const BATCH = 200

export interface DigestCutoffs {
  immediate: Date
  daily: Date
  weekly: Date
}

/** Up to where each frequency's window runs at `now`. */
export function cutoffs(now: Date): DigestCutoffs {
  const settled = new Date(now.getTime() - SETTLE_MS)
  return { immediate: settled, daily: dailySlot(settled), weekly: weeklySlot(settled) }
}

/** Runs one digest pass; returns how many mails were queued. */
export async function runAlertDigests(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log' | 'wakeJobs'>): Promise<number> {
  const { db, clock } = deps
  const now = clock.now()
  const cut = cutoffs(now)
  const s = alertSettings
  const due = or(
    and(eq(s.frequency, 'immediate'), lt(s.lastSentAt, cut.immediate)),
    and(eq(s.frequency, 'daily'), lt(s.lastSentAt, cut.daily)),
    and(eq(s.frequency, 'weekly'), lt(s.lastSentAt, cut.weekly)),
  )
  let sent = 0
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const batch = await db
      .select({ userId: s.userId })
      .from(s)
      .innerJoin(users, eq(users.id, s.userId))
      .where(and(due, eq(users.status, 'active'), gt(s.userId, after), exists(db.select({ one: sql`1` }).from(alertFollows).where(eq(alertFollows.userId, s.userId)))))
      .orderBy(asc(s.userId))
      .limit(BATCH)
    for (const { userId } of batch) if (await digestFor(deps, userId, now, cut)) sent++
    if (batch.length < BATCH) break
    after = batch[batch.length - 1]!.userId
  }
  if (sent) deps.wakeJobs()
  deps.log.info({ event: 'alerts.digest', sent }, 'alert digests queued')
  return sent
}

/** One user's digest, in one transaction with a row lock so two runs cannot both send it. */
async function digestFor(deps: Pick<Deps, 'db' | 'config'>, userId: string, now: Date, cut: DigestCutoffs): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        frequency: alertSettings.frequency,
        lastSentAt: alertSettings.lastSentAt,
        tokenHash: alertSettings.unsubscribeTokenHash,
        email: users.email,
        firstName: users.firstName,
        lang: users.lang,
      })
      .from(alertSettings)
      .innerJoin(users, eq(users.id, alertSettings.userId))
      .where(eq(alertSettings.userId, userId))
      .for('update', { of: alertSettings })
    if (!row || row.frequency === 'never') return false
    const frequency: Exclude<Frequency, 'never'> = row.frequency
    const until = cut[frequency]
    if (row.lastSentAt.getTime() >= until.getTime()) return false // another run got here first

    const follows = await tx.select({ wijkId: alertFollows.wijkId, kind: alertFollows.kind, value: alertFollows.value }).from(alertFollows).where(eq(alertFollows.userId, userId))
    const items = await newItemsFor(tx, follows, row.lastSentAt, until, now)
    const token = unsubscribeToken(deps.config.sessionSecret, userId)
    const tokenHash = hashToken(token)
    if (items.length > 0) {
      await queueMail(tx, now, {
        key: `alerts.digest:${userId}:${until.toISOString()}`,
        to: row.email,
        userId,
        ...digestMail(deps.config, {
          lang: row.lang,
          firstName: row.firstName,
          frequency,
          items: items.slice(0, MAX_ITEMS_PER_MAIL),
          more: items.length > MAX_ITEMS_PER_MAIL,
          unsubscribeUrl: unsubscribeUrl(deps.config.publicBaseUrl, token),
        }),
      })
    } else if (frequency === 'immediate') {
      // Nothing new: leave the window open, the next run looks again (saves a write every ten minutes).
      return false
    }
    // Past the cutoff even when items were left out: the mail says there is more on the site,
    // and a second mail for the same period would be the flood this feature promises not to send.
    await tx
      .update(alertSettings)
      .set({ lastSentAt: until, ...(row.tokenHash !== tokenHash ? { unsubscribeTokenHash: tokenHash } : {}) })
      .where(eq(alertSettings.userId, userId))
    return items.length > 0
  })
}
