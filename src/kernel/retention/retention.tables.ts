import { pgTable, text, integer, timestamp } from 'drizzle-orm/pg-core'

/** The last run of each retention rule, shown on /beheer/bewaartermijnen. */
export const retentionRuns = pgTable('retention_runs', {
  /** The rule's name, e.g. 'sessions.expired' (see src/retention.ts). */
  rule: text('rule').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
  /** How many rows or files the last run removed. */
  lastRemoved: integer('last_removed').notNull(),
  /** Everything removed since the rule first ran. */
  totalRemoved: integer('total_removed').notNull(),
  lastError: text('last_error'),
})
