/**
 * The skeleton of a job that mails a recipient list: one short transaction per batch, progress
 * after each, and a pause between batches in which visitors' requests go first. The feature keeps what is its own (which rows, which mail, which key, who is skipped);
 * this loop keeps what must be the same everywhere: a batch smaller than `batchSize` is the last,
 * the job's progress is reported after every commit, and the job runner is woken so the queued
 * mails go out while the next batch is built.
 *
 * Claim rows with `FOR UPDATE SKIP LOCKED` and give each mail an idempotency key: then a second
 * worker on the same list takes other rows, and a retried batch mails nobody twice.
 *
 * @example
 * const progress = await mailInBatches(deps, jobId, {
 *   batchSize: 100,
 *   mailBatch: async (tx, now) => {
 *     const batch = await tx.select(…).from(recipients).where(queued).limit(100).for('update', { of: recipients, skipLocked: true })
 *     for (const r of batch) await queueMail(tx, now, { key: `thing:${id}:${r.userId}`, to: r.email, ...thingMail(r) })
 *     if (batch.length) await tx.update(recipients).set({ status: 'sent', sentAt: now }).where(inArray(recipients.id, batch.map((r) => r.id)))
 *     return batch.length
 *   },
 *   afterBatch: (tx, last) => tx.update(things).set({ delivered: …, ...(last ? { status: 'sent' } : {}) }).where(eq(things.id, id)),
 *   progress: () => thingProgress(deps.db, id),
 * })
 * deps.log.info({ thingId: id, sent: progress.sent, total: progress.total }, 'thing sending done')
 */
import type { Deps } from '../context.js'
import type { Db } from '../db/client.js'
import { reportProgress } from '../jobs/queue.js'

export interface BatchProgress {
  sent: number
  total: number
  /** 0..100; what the job reports. */
  percent: number
}

export interface BatchMailing<P extends BatchProgress> {
  /** Rows claimed per transaction; a batch with fewer is the last. */
  batchSize: number
  /**
   * Inside the transaction: claims up to `batchSize` queued rows (FOR UPDATE SKIP LOCKED), queues
   * their mails and marks them sent. Returns how many rows it claimed, mailed or not.
   */
  mailBatch(tx: Db, now: Date): Promise<number>
  /** Inside the same transaction, after the batch: the parent's counters. `last`: nothing is left. */
  afterBatch?(tx: Db, last: boolean): Promise<unknown>
  /** Before each batch's transaction, e.g. dropping rows nobody can be reached for any more. */
  beforeBatch?(): Promise<unknown>
  /** Read after each commit; its percent is reported as the job's progress. */
  progress(): Promise<P>
}

/** Runs batches until one comes back smaller than `batchSize`; returns the progress after the last. */
export async function mailInBatches<P extends BatchProgress>(deps: Pick<Deps, 'db' | 'clock' | 'wakeJobs'>, jobId: number, mailing: BatchMailing<P>): Promise<P> {
  const { db, clock } = deps
  for (;;) {
    const now = clock.now()
    await mailing.beforeBatch?.()
    const last = await db.transaction(async (tx) => {
      const claimed = await mailing.mailBatch(tx, now)
      const isLast = claimed < mailing.batchSize
      await mailing.afterBatch?.(tx, isLast)
      return isLast
    })
    const progress = await mailing.progress()
    await reportProgress(db, jobId, progress.percent)
    deps.wakeJobs()
    if (last) return progress
    // Let requests that arrived during the batch reach the database before the next batch does
    // (on PGlite every query waits for the one connection).
    await new Promise((resolve) => setImmediate(resolve))
  }
}
