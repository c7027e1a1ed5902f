/**
 * Broadcasts from a wijk team to the people behind the wijk's items. Starting one writes the
 * broadcast, one broadcast_recipients row per person ('queued'), an audit row and a job, in one
 * transaction. The job queues the mails through the outbox a batch per transaction and marks
 * each row 'sent'. A retried batch mails nobody twice: rows already 'sent' are skipped, and the
 * mail key `broadcast:<id>:<userId>` is unique in the outbox.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { enqueue } from '../../kernel/jobs/queue.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { mailInBatches } from '../../kernel/mail/batches.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { broadcastRecipients, broadcasts } from './broadcast.tables.js'
import { audienceOf, broadcastProgress } from './broadcast.queries.js'
import { broadcastMail } from './broadcast.emails.js'
import type { BroadcastInput } from './broadcast.schema.js'

export const BROADCAST_JOB = 'broadcast.send'
/** People per transaction: short locks, and a progress bar that moves. */
export const BROADCAST_BATCH = 50

/** Creates the broadcast for everyone in the audience now; returns its id and how many it reaches. */
export async function startBroadcast(
  deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>,
  actorId: string,
  wijkId: number,
  input: BroadcastInput,
): Promise<{ id: number; recipients: number }> {
  const { db, clock } = deps
  const now = clock.now()
  const audience = await audienceOf(db, wijkId, now)
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(broadcasts)
      .values({ wijkId, subject: input.subject, body: input.body, createdBy: actorId, createdAt: now, recipients: audience.length, status: audience.length ? 'sending' : 'sent' })
      .returning({ id: broadcasts.id })
    const id = row!.id
    for (let i = 0; i < audience.length; i += 1000) {
      await tx
        .insert(broadcastRecipients)
        .values(audience.slice(i, i + 1000).map((userId) => ({ broadcastId: id, userId, status: 'queued' as const, queuedAt: now })))
        .onConflictDoNothing()
    }
    if (audience.length) await enqueue(tx, now, { type: BROADCAST_JOB, payload: { broadcastId: id } })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'wijk.broadcast', targetType: 'broadcast', targetId: String(id), details: { wijkId, recipients: audience.length } })
    return { id, recipients: audience.length }
  })
  if (result.recipients) deps.wakeJobs()
  return result
}

/** The job: mails every waiting recipient of this broadcast, a batch per transaction. */
export async function runBroadcast(deps: Deps, jobId: number, broadcastId: number): Promise<void> {
  const { db, config, log } = deps
  const [b] = await db
    .select({ id: broadcasts.id, subject: broadcasts.subject, body: broadcasts.body, wijkName: wijken.name })
    .from(broadcasts)
    .innerJoin(wijken, eq(wijken.id, broadcasts.wijkId))
    .where(eq(broadcasts.id, broadcastId))
    .limit(1)
  if (!b) return
  // Nobody is left to reach for rows whose account was erased before its turn.
  await db.delete(broadcastRecipients).where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.status, 'queued'), isNull(broadcastRecipients.userId)))
  const progress = await mailInBatches(deps, jobId, {
    batchSize: BROADCAST_BATCH,
    mailBatch: async (tx, now) => {
      const batch = await tx
        .select({ id: broadcastRecipients.id, userId: users.id, email: users.email, firstName: users.firstName, lang: users.lang, status: users.status })
        .from(broadcastRecipients)
        .innerJoin(users, eq(users.id, broadcastRecipients.userId))
        .where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.status, 'queued')))
        .orderBy(asc(broadcastRecipients.id))
        .limit(BROADCAST_BATCH)
        .for('update', { of: broadcastRecipients, skipLocked: true })
      const reached = batch.filter((p) => p.status === 'active')
      for (const person of reached) {
        await queueMail(tx, now, {
          key: `broadcast:${broadcastId}:${person.userId}`,
          to: person.email,
          userId: person.userId,
          ...broadcastMail(config, b, { lang: person.lang, firstName: person.firstName }),
        })
      }
      // A person who cancelled in the meantime is taken off the list rather than mailed.
      const dropped = batch.filter((p) => p.status !== 'active').map((p) => p.id)
      if (dropped.length) await tx.delete(broadcastRecipients).where(inArray(broadcastRecipients.id, dropped))
      if (reached.length) {
        await tx
          .update(broadcastRecipients)
          .set({ status: 'sent', sentAt: now })
          .where(inArray(broadcastRecipients.id, reached.map((p) => p.id)))
      }
      return batch.length
    },
    afterBatch: async (tx, last) => {
      const [c] = await tx
        .select({
          total: sql<number>`count(*)`,
          sent: sql<number>`count(*) filter (where ${broadcastRecipients.status} = 'sent')`,
        })
        .from(broadcastRecipients)
        .where(eq(broadcastRecipients.broadcastId, broadcastId))
      await tx
        .update(broadcasts)
        .set({ recipients: Number(c?.total ?? 0), delivered: Number(c?.sent ?? 0), ...(last ? { status: 'sent' as const } : {}) })
        .where(eq(broadcasts.id, broadcastId))
    },
    progress: () => broadcastProgress(db, broadcastId),
  })
  log.info({ broadcastId, sent: progress.sent, total: progress.total }, 'broadcast done')
}
