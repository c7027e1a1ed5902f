/**
 * Enqueue work in the caller's transaction, so a job exists exactly when its cause committed.
 *
 * @example await enqueue(tx, clock.now(), { type: 'mail.deliver', payload: { outboxId } })
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { jobs } from './jobs.tables.js'

export interface NewJob {
  type: string
  /** Ids only; never personal data. */
  payload?: Record<string, unknown>
  runAt?: Date
  /** A job with the same key is created once (idempotent enqueue). */
  key?: string
  maxAttempts?: number
}

export async function enqueue(db: Db, now: Date, job: NewJob): Promise<number | null> {
  const [id] = await enqueueMany(db, now, [job])
  return id ?? null
}

/**
 * Several jobs in one statement (a mailing list's batch): the ids of those created, in order; a
 * job whose key exists already is left out.
 */
export async function enqueueMany(db: Db, now: Date, list: NewJob[]): Promise<number[]> {
  if (list.length === 0) return []
  const rows = await db
    .insert(jobs)
    .values(
      list.map((job) => ({
        type: job.type,
        payload: job.payload ?? {},
        key: job.key ?? null,
        runAt: job.runAt ?? now,
        maxAttempts: job.maxAttempts ?? 8,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: jobs.id })
  return rows.map((r) => r.id)
}

/** Sets the progress (0..100) of a running job, for progress bars. */
export async function reportProgress(db: Db, jobId: number, percent: number): Promise<void> {
  await db
    .update(jobs)
    .set({ progress: sql`${Math.max(0, Math.min(100, Math.round(percent)))}` })
    .where(sql`${jobs.id} = ${jobId}`)
}
