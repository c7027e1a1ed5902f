/**
 * Retention rules: each kind of personal data that expires has one rule saying what is removed,
 * after how long, and how. A rule runs on a schedule through the job queue; every run is recorded
 * in retention_runs, so /beheer/bewaartermijnen can show when it last ran and what it removed.
 * The list of rules is src/retention.ts.
 *
 * @example registerRetention(registry, { name: 'sessions.expired', everyMs: HOUR, describe, purge: (deps) => purgeExpiredSessions(deps.db, deps.clock.now()) })
 */
import { sql } from 'drizzle-orm'
import type { Deps } from '../context.js'
import type { JobRegistry } from '../jobs/registry.js'
import type { Lang } from '../i18n/i18n.js'
import { retentionRuns } from './retention.tables.js'

export interface RetentionRule {
  /** Stable name, e.g. 'sessions.expired'; also the key of its retention_runs row. */
  name: string
  everyMs: number
  /** For the overview page: what is removed, and after how long. */
  describe: Record<Lang, { what: string; period: string }>
  /** Removes everything past its period; returns how many rows or files it removed. */
  purge: (deps: Deps) => Promise<number>
}

/** Runs one rule now and records the run. Errors are recorded, then re-thrown so the job retries. */
export async function runRetentionRule(deps: Deps, rule: RetentionRule): Promise<number> {
  const now = deps.clock.now()
  try {
    const removed = await rule.purge(deps)
    await deps.db
      .insert(retentionRuns)
      .values({ rule: rule.name, lastRunAt: now, lastRemoved: removed, totalRemoved: removed, lastError: null })
      .onConflictDoUpdate({
        target: retentionRuns.rule,
        set: { lastRunAt: now, lastRemoved: removed, totalRemoved: sql`${retentionRuns.totalRemoved} + ${removed}`, lastError: null },
      })
    return removed
  } catch (err) {
    const message = err instanceof Error ? err.message.slice(0, 500) : 'unknown error'
    await deps.db
      .insert(retentionRuns)
      .values({ rule: rule.name, lastRunAt: now, lastRemoved: 0, totalRemoved: 0, lastError: message })
      .onConflictDoUpdate({ target: retentionRuns.rule, set: { lastRunAt: now, lastRemoved: 0, lastError: message } })
    throw err
  }
}

export function registerRetentionRules(registry: JobRegistry, rules: readonly RetentionRule[]): void {
  const names = new Set<string>()
  for (const rule of rules) {
    if (names.has(rule.name)) throw new Error(`retention rule defined twice: ${rule.name}`)
    names.add(rule.name)
    registry.every({ name: `retention.${rule.name}`, everyMs: rule.everyMs, run: (deps) => runRetentionRule(deps, rule).then(() => undefined) })
  }
}

/** Deletes in batches of `batch` until a batch comes back short; returns the total. */
export async function inBatches(batch: number, deleteBatch: (limit: number) => Promise<number>): Promise<number> {
  let total = 0
  for (;;) {
    const n = await deleteBatch(batch)
    total += n
    if (n < batch) return total
  }
}
