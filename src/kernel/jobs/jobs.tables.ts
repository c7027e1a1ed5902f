import { pgTable, bigserial, text, jsonb, integer, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core'

/** Durable job queue: claimed with FOR UPDATE SKIP LOCKED, so any number of processes can work it. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Job type: a public contract, never rename (see kernel/jobs/registry.ts). */
    type: text('type').notNull(),
    /** Ids only, never personal data. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Deduplicates enqueues: a second job with the same key is not created while one exists. */
    key: text('key'),
    status: text('status', { enum: ['queued', 'running', 'done', 'dead'] }).notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    /** Progress for long jobs (0..100), shown as a progress bar. */
    progress: integer('progress').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.runAt),
    uniqueIndex('jobs_key_uq').on(t.key),
  ],
)

/** Recurring tasks (retention purges and the like): the next due time per task name. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
})
