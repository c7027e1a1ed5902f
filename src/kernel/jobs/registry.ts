/**
 * The place to read what jobs exist. A job type is a public contract: never rename one, since
 * queued rows carry it across deploys.
 */
import type { Deps } from '../context.js'

export interface JobContext {
  deps: Deps
  jobId: number
  /** 1 for the first run. */
  attempt: number
  /**
   * The job's own limit (set at enqueue). A failure when `attempt >= maxAttempts` makes the job
   * dead: a handler that must leave a final state behind (a batch marked failed) checks this.
   */
  maxAttempts: number
}

export type JobHandler = (ctx: JobContext, payload: Record<string, unknown>) => Promise<void>

export interface JobDefinition {
  type: string
  handle: JobHandler
  /**
   * How soon after its process died a claimed job is taken over (default 5 minutes). The lease is
   * renewed while the process lives, so this is not a limit on how long the job may work: choose
   * it by how long the work may wait after a crash (a mail: about a minute).
   */
  leaseMs?: number
}

/** A task run on a fixed interval (retention purges and the like). */
export interface Schedule {
  name: string
  everyMs: number
  run: (deps: Deps) => Promise<void>
}

export class JobRegistry {
  readonly jobs = new Map<string, JobDefinition>()
  readonly schedules = new Map<string, Schedule>()

  define(def: JobDefinition): this {
    if (this.jobs.has(def.type)) throw new Error(`job type defined twice: ${def.type}`)
    this.jobs.set(def.type, def)
    return this
  }

  every(schedule: Schedule): this {
    this.schedules.set(schedule.name, schedule)
    return this
  }
}
