/**
 * Works the job queue. Claims one due job at a time with FOR UPDATE SKIP LOCKED, so several
 * processes never run the same job at once; a job whose process died is taken over when its
 * lease runs out. Failures retry with exponential backoff, then the job is marked dead.
 * Delivery is at-least-once: handlers must be idempotent.
 *
 * Each job type has its own lease (JobDefinition.leaseMs), and a running job's lease is renewed
 * while its process lives. So the lease only says how soon work of a crashed process is taken
 * over (a mail about a minute later, not after the longest lease of any type), and a long job is
 * never taken over from a live process.
 */
import { sql, and, eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Deps } from '../context.js'
import { jobs, jobSchedules } from './jobs.tables.js'
import { enqueue } from './queue.js'
import type { JobDefinition, JobRegistry } from './registry.js'
import { MINUTE, addMs } from '../clock.js'
import { errorForLog, errorSummary } from '../log.js'

/** The lease of a job type that names none. */
export const DEFAULT_LEASE_MS = 5 * MINUTE

export function backoffMs(attempt: number): number {
  return Math.min(60 * MINUTE, 15_000 * 2 ** Math.max(0, attempt - 1))
}

interface Claimed {
  id: number
  type: string
  payload: Record<string, unknown>
  attempts: number
  max_attempts: number
}

export class JobRunner {
  readonly workerId = randomUUID()
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | undefined
  #stopping = false
  #wakeRequested = false

  constructor(
    private readonly deps: Deps,
    private readonly registry: JobRegistry,
    private readonly pollMs = 1_000,
  ) {}

  /** Starts polling in the background. */
  start(): void {
    this.#stopping = false
    const loop = () => {
      if (this.#stopping) return
      this.#running = this.drain()
        .then(() => undefined)
        .catch((err: unknown) => this.deps.log.error(errorForLog(err), 'job runner loop failed'))
        .finally(() => {
          this.#running = undefined
          if (this.#stopping) return
          const delay = this.#wakeRequested ? 0 : this.pollMs
          this.#wakeRequested = false
          this.#timer = setTimeout(loop, delay)
        })
    }
    loop()
  }

  /** Asks for an immediate pass (after a commit that queued work). */
  wake(): void {
    if (this.#stopping) return
    if (this.#running) {
      this.#wakeRequested = true
      return
    }
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = setTimeout(() => this.start(), 0)
    }
  }

  /** Stops polling and waits for the job in hand to finish; queued jobs stay queued. */
  async stop(): Promise<void> {
    this.#stopping = true
    if (this.#timer) clearTimeout(this.#timer)
    await this.#running
  }

  /** Runs due schedules and jobs until nothing is due. Returns how many jobs ran. */
  async drain(limit = 10_000): Promise<number> {
    await this.runSchedules()
    let count = 0
    while (count < limit && !this.#stopping) {
      const ran = await this.runOne()
      if (!ran) break
      count++
    }
    return count
  }

  /** Claims and runs one due job; false when none is due. */
  async runOne(): Promise<boolean> {
    const { db, clock, log } = this.deps
    const now = clock.now()
    const defs = [...this.registry.jobs.values()]
    if (defs.length === 0) return false
    // The lease of the claimed row's own type, chosen in the claiming statement itself.
    const lease = sql`(case type ${sql.join(
      defs.map((d) => sql`when ${d.type} then ${leaseOf(d)}::double precision`),
      sql` `,
    )} else ${DEFAULT_LEASE_MS}::double precision end)`
    const result = await db.execute(sql`
      update ${jobs} set status = 'running', attempts = attempts + 1,
        locked_until = ${now}::timestamptz + ${lease} * interval '1 millisecond', locked_by = ${this.workerId}
      where id = (
        select id from ${jobs}
        where ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
        order by run_at, id
        limit 1
        for update skip locked
      )
      returning id, type, payload, attempts, max_attempts`)
    const job = (result as unknown as { rows: Claimed[] }).rows[0]
    if (!job) return false
    const def = this.registry.jobs.get(job.type)
    const stopRenewing = def ? this.#renewLease(job.id, leaseOf(def)) : () => {}
    try {
      if (!def) throw new Error(`unknown job type ${job.type}`)
      const payload = def.payload.safeParse(job.payload ?? {})
      if (!payload.success) throw new PayloadMismatch(job.type, payload.error)
      await def.handle({ deps: this.deps, jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts }, payload.data)
      stopRenewing()
      await db
        .update(jobs)
        .set({ status: 'done', finishedAt: clock.now(), lockedUntil: null, progress: 100, lastError: null })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId)))
    } catch (err) {
      stopRenewing()
      // A payload that does not fit will not fit on the next try either.
      const dead = err instanceof PayloadMismatch || job.attempts >= job.max_attempts
      const message = errorSummary(err)
      if (err instanceof PayloadMismatch) log.error({ jobId: job.id, type: job.type, fields: err.fields }, 'job payload does not match its schema; the job is dead')
      else log.warn({ jobId: job.id, type: job.type, attempt: job.attempts, dead, error: message.slice(0, 300) }, 'job failed')
      await db
        .update(jobs)
        .set({
          status: dead ? 'dead' : 'queued',
          runAt: addMs(clock.now(), backoffMs(job.attempts)),
          lockedUntil: null,
          lastError: message,
          finishedAt: dead ? clock.now() : null,
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId)))
    }
    return true
  }

  /**
   * While a job runs, pushes its lease forward every third of the lease, so a live process keeps
   * its job however long it works, and a dead one loses it one lease after its last renewal.
   */
  #renewLease(jobId: number, leaseMs: number): () => void {
    const { db, clock, log } = this.deps
    const timer = setInterval(() => {
      db.update(jobs)
        .set({ lockedUntil: addMs(clock.now(), leaseMs) })
        .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, this.workerId), eq(jobs.status, 'running')))
        .catch((err: unknown) => log.warn({ jobId, error: errorSummary(err).slice(0, 300) }, 'job lease renewal failed'))
    }, Math.max(10, Math.floor(leaseMs / 3)))
    timer.unref()
    return () => clearInterval(timer)
  }

  /**
   * When each schedule is next worth a look, as far as this process knows: the runner passes
   * through here after every wake (each queued mail), and asking the database about twenty
   * schedules each time cost more than the jobs themselves. Another process can only move a
   * schedule later, which the next look reads.
   */
  readonly #nextLook = new Map<string, number>()

  /** Turns each due schedule into a job; the row lock makes one process win per due time. */
  async runSchedules(): Promise<void> {
    const { db, clock } = this.deps
    for (const schedule of this.registry.schedules.values()) {
      const now = clock.now()
      const nextLook = this.#nextLook.get(schedule.name)
      if (nextLook !== undefined && now.getTime() < nextLook) continue
      if (nextLook === undefined) {
        await db
          .insert(jobSchedules)
          .values({ name: schedule.name, nextRunAt: now })
          .onConflictDoNothing()
      }
      const next = await db.transaction(async (tx) => {
        const [row] = await tx.select().from(jobSchedules).where(eq(jobSchedules.name, schedule.name)).for('update', { skipLocked: true })
        // Locked: another process is turning it into a job right now.
        if (!row) return now.getTime() + this.pollMs
        if (row.nextRunAt > now) return row.nextRunAt.getTime()
        const nextRunAt = addMs(now, schedule.everyMs)
        await tx.update(jobSchedules).set({ lastRunAt: now, nextRunAt }).where(eq(jobSchedules.name, schedule.name))
        await enqueue(tx, now, { type: SCHEDULED_JOB, payload: { name: schedule.name }, key: `schedule:${schedule.name}:${now.toISOString()}`, maxAttempts: 3 })
        return nextRunAt.getTime()
      })
      this.#nextLook.set(schedule.name, next)
    }
  }
}

/**
 * A queued payload its job type's schema refuses. Names the fields and what was wrong with them
 * (zod's issue codes), never a value: a payload may hold what it should not.
 */
export class PayloadMismatch extends Error {
  readonly fields: string[]
  constructor(type: string, error: z.ZodError) {
    const fields = error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.code}`)
    super(`payload does not match the schema of ${type} (${fields.join(', ')})`)
    this.name = 'PayloadMismatch'
    this.fields = fields
  }
}

function leaseOf(def: JobDefinition): number {
  return def.leaseMs ?? DEFAULT_LEASE_MS
}

/** The job type that runs a named schedule. */
export const SCHEDULED_JOB = 'schedule.run'

/** Registers the job that runs schedules; called once when wiring the registry. */
export function registerScheduleRunner(registry: JobRegistry): void {
  registry.define({
    type: SCHEDULED_JOB,
    payload: z.object({ name: z.string() }),
    handle: async ({ deps }, payload) => {
      const schedule = registry.schedules.get(payload.name)
      if (schedule) await schedule.run(deps)
    },
  })
}
