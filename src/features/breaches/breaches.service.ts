/**
 * The breach register (P22): recording breaches (audited) and telling account holders about one.
 * Starting a notification writes one breach_notifications row per person ('queued') and a job;
 * the job queues one mail per person through the outbox in batches and marks each row 'sent'.
 * Both steps are idempotent: a person already queued for a breach is not queued again, and the
 * mail's key `breach:<breachId>:<userId>` keeps a retried batch from mailing anyone twice.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { mailInBatches } from '../../kernel/mail/batches.js'
import { users } from '../accounts/accounts.tables.js'
import { breaches, breachNotifications } from './breaches.tables.js'
import { findBreach, notificationProgress, resolveAudience, type Audience } from './breaches.queries.js'
import { breachNoticeMail } from './breaches.emails.js'
import type { BreachInput } from './breaches.schema.js'

type BreachDeps = Pick<Deps, 'db' | 'clock'>

export const NOTIFY_JOB = 'breach.notify'
/** People per transaction: small enough to keep locks short, large enough to finish quickly. */
export const NOTIFY_BATCH = 100

export async function createBreach(deps: BreachDeps, actorId: string, input: BreachInput): Promise<number> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(breaches)
      .values({ ...input, createdBy: actorId, createdAt: now, updatedAt: now })
      .returning({ id: breaches.id })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'breach.create', targetType: 'breach', targetId: String(row!.id) })
    return row!.id
  })
}

/** Saves a breach; false when it does not exist. */
export async function updateBreach(deps: BreachDeps, actorId: string, id: number, input: BreachInput): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const rows = await tx.update(breaches).set({ ...input, updatedAt: now }).where(eq(breaches.id, id)).returning({ id: breaches.id })
    if (rows.length === 0) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'breach.edit', targetType: 'breach', targetId: String(id), details: { status: input.status, authorityDecision: input.authorityDecision } })
    return true
  })
}

/**
 * Queues everyone the audience covers who was not queued for this breach before, and a job that
 * mails them. Returns how many were newly queued.
 */
export async function startNotification(deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>, actorId: string, breachId: number, audience: Audience): Promise<{ queued: number }> {
  const { db, clock } = deps
  const now = clock.now()
  const { userIds } = await resolveAudience(db, audience)
  const queued = await db.transaction(async (tx) => {
    let n = 0
    for (let i = 0; i < userIds.length; i += 1000) {
      const rows = await tx
        .insert(breachNotifications)
        .values(userIds.slice(i, i + 1000).map((userId) => ({ breachId, userId, status: 'queued' as const, queuedAt: now })))
        .onConflictDoNothing()
        .returning({ id: breachNotifications.id })
      n += rows.length
    }
    if (n > 0) await enqueue(tx, now, { type: NOTIFY_JOB, payload: { breachId } })
    await recordAudit(tx, now, {
      actorUserId: actorId,
      action: 'breach.notify',
      targetType: 'breach',
      targetId: String(breachId),
      details: audience.kind === 'all' ? { audience: 'all', queued: n } : { audience: 'affected', wijkIds: audience.wijkIds, pastedAddresses: audience.emails.length, queued: n },
    })
    return n
  })
  if (queued > 0) deps.wakeJobs()
  return { queued }
}

/**
 * The job: queues the mail for every waiting row of this breach, a batch per transaction, and
 * reports progress as it goes. A second job for the same breach finds fewer or no rows waiting.
 */
export async function runNotification(deps: Deps, jobId: number, breachId: number): Promise<void> {
  const { db, config, log } = deps
  const breach = await findBreach(db, breachId)
  if (!breach) return
  // Nobody is left to tell for rows whose account was erased before its turn.
  await db.delete(breachNotifications).where(and(eq(breachNotifications.breachId, breachId), eq(breachNotifications.status, 'queued'), isNull(breachNotifications.userId)))
  const progress = await mailInBatches(deps, jobId, {
    batchSize: NOTIFY_BATCH,
    mailBatch: async (tx, now) => {
      const batch = await tx
        .select({ id: breachNotifications.id, userId: users.id, email: users.email, firstName: users.firstName, lang: users.lang })
        .from(breachNotifications)
        .innerJoin(users, eq(users.id, breachNotifications.userId))
        .where(and(eq(breachNotifications.breachId, breachId), eq(breachNotifications.status, 'queued')))
        .orderBy(asc(breachNotifications.id))
        .limit(NOTIFY_BATCH)
        .for('update', { of: breachNotifications, skipLocked: true })
      for (const person of batch) {
        await queueMail(tx, now, {
          key: `breach:${breachId}:${person.userId}`,
          to: person.email,
          userId: person.userId,
          ...breachNoticeMail(config, breach, { lang: person.lang, firstName: person.firstName }),
        })
      }
      if (batch.length) {
        await tx
          .update(breachNotifications)
          .set({ status: 'sent', sentAt: now })
          .where(inArray(breachNotifications.id, batch.map((p) => p.id)))
      }
      return batch.length
    },
    progress: () => notificationProgress(db, breachId),
  })
  log.info({ breachId, sent: progress.sent, total: progress.total }, 'breach notification batch done')
}
