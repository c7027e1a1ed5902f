/**
 * The place to read what jobs exist. A job type is a public contract: never rename one, since
 * queued rows carry it across deploys. So is its payload: each type names the payload it takes as a
 * zod schema, the runner parses a queued row's payload with it before the handler runs, and the
 * handler gets the parsed value (decisions/013).
 *
 * @example registry.define({ type: 'mail.deliver', payload: z.object({ outboxId: z.number().int() }), handle: ({ deps }, { outboxId }) => deliver(deps, outboxId) })
 */
import type { z } from 'zod'
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

export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<void>

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  type: string
  /**
   * The payload this job takes (ids only, never personal data). A queued payload that does not
   * parse makes the job dead at once, without running the handler: another try would read the same
   * row. The log and the job row then name the fields that did not fit, never their values.
   */
  payload: S
  handle: JobHandler<z.output<S>>
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

  define<S extends z.ZodType>(def: JobDefinition<S>): this {
    if (this.jobs.has(def.type)) throw new Error(`job type defined twice: ${def.type}`)
    // Stored without its payload type: the runner only hands a handler what its own schema parsed.
    this.jobs.set(def.type, def as unknown as JobDefinition)
    return this
  }

  every(schedule: Schedule): this {
    this.schedules.set(schedule.name, schedule)
    return this
  }
}
