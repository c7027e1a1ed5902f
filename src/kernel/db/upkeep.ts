/**
 * Upkeep of the embedded database: what PostgreSQL's autovacuum does on a server. PGlite runs
 * PostgreSQL as a single session, without autovacuum, so without this nothing ever gave the
 * planner statistics (a seeded or long-used folder was planned as if its tables were empty), the
 * dead rows of often-updated tables (sessions, rate limits, jobs) were only pruned page by page,
 * and the pending lists of the full-text and trigram indexes were merged only when full, while
 * every search read them from start to end (decisions/037).
 *
 * Each run, per table of the public schema:
 * - ANALYZE when it was never analyzed, grew by a tenth since it was, or had more rows changed
 *   since then than autovacuum's own threshold (50 + 10 % of its rows);
 * - VACUUM when its dead rows or rows inserted since its last vacuum pass autovacuum's thresholds.
 *   The one session waits while a table is vacuumed, so a large table waits for the quiet hours
 *   (QUIET_HOURS, Amsterdam time), when a few seconds' wait hurts nobody;
 * - the pending lists of its GIN indexes are merged into the indexes.
 * One statement per table, so the pages visitors ask for are served between them.
 *
 * The engine counts changes and dead rows since it was opened only: PGlite keeps no statistics
 * across a restart. The growth rule reads the catalog, so a folder seeded or imported while the
 * server was stopped is analyzed on the first run.
 */
import { sql } from 'drizzle-orm'
import type { Db } from './client.js'
import type { JobRegistry } from '../jobs/registry.js'
import { MINUTE } from '../clock.js'

/** How often the embedded database is looked after. */
export const UPKEEP_EVERY_MS = 10 * MINUTE

/** Amsterdam hours in which a large table may be vacuumed: from 02:00 up to 06:00. */
export const QUIET_HOURS = { from: 2, to: 6 } as const

/** Tables above this many 8 kB pages (10 MB) are vacuumed in the quiet hours only. */
export const LARGE_TABLE_PAGES = 1280

export interface TableState {
  table: string
  /** Rows at the last ANALYZE or VACUUM; -1 when never. */
  reltuples: number
  /** Pages at the last ANALYZE or VACUUM. */
  relpages: number
  /** Pages now. */
  pages: number
  changedSinceAnalyze: number
  dead: number
  insertedSinceVacuum: number
}

export interface UpkeepReport {
  analyzed: string[]
  vacuumed: string[]
  /** Large tables that need a vacuum, left for the quiet hours. */
  deferred: string[]
  /** Pages moved from GIN pending lists into their indexes. */
  ginPagesMerged: number
}

export interface UpkeepOptions {
  /** Vacuum large tables too, whatever the hour. */
  anyHour?: boolean
  /** The size from which a table counts as large (tests make small tables large). */
  largeTablePages?: number
}

/** Autovacuum's default thresholds (autovacuum_*_threshold and *_scale_factor). */
const ANALYZE_BASE = 50
const ANALYZE_SHARE = 0.1
const VACUUM_BASE = 50
const VACUUM_SHARE = 0.2
const INSERT_BASE = 1000
const INSERT_SHARE = 0.2
/** How much a table may grow before its statistics count as stale, beyond a tenth. */
const GROWTH_SLACK_PAGES = 8

export function needsAnalyze(t: TableState): boolean {
  if (t.pages === 0) return false
  if (t.reltuples < 0) return true
  if (t.pages > t.relpages * (1 + ANALYZE_SHARE) + GROWTH_SLACK_PAGES) return true
  return t.changedSinceAnalyze > ANALYZE_BASE + ANALYZE_SHARE * t.reltuples
}

export function needsVacuum(t: TableState): boolean {
  if (t.pages === 0) return false
  const rows = Math.max(0, t.reltuples)
  return t.dead > VACUUM_BASE + VACUUM_SHARE * rows || t.insertedSinceVacuum > INSERT_BASE + INSERT_SHARE * rows
}

const amsterdamHour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' })

export function inQuietHours(now: Date): boolean {
  const hour = Number(amsterdamHour.format(now))
  return hour >= QUIET_HOURS.from && hour < QUIET_HOURS.to
}

async function readTables(db: Db): Promise<TableState[]> {
  const result = await db.execute(sql`
    select c.oid::regclass::text as "table", c.reltuples::float8 as reltuples, c.relpages,
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages,
      coalesce(s.n_mod_since_analyze, 0)::float8 as "changedSinceAnalyze",
      coalesce(s.n_dead_tup, 0)::float8 as dead,
      coalesce(s.n_ins_since_vacuum, 0)::float8 as "insertedSinceVacuum"
    from pg_class c
    left join pg_stat_user_tables s on s.relid = c.oid
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
    order by 1`)
  // Every column is cast to a type both drivers return as a number.
  return (result as unknown as { rows: TableState[] }).rows
}

/** The table's name as the catalog printed it (regclass), quoted where it needed quotes. */
function tableIdentifier(name: string) {
  return sql.identifier(name.replace(/^"(.*)"$/, '$1').replaceAll('""', '"'))
}

/** One pass over every table of the public schema; see the top of this file. */
export async function runUpkeep(db: Db, now: Date, options: UpkeepOptions = {}): Promise<UpkeepReport> {
  const large = options.largeTablePages ?? LARGE_TABLE_PAGES
  const quiet = options.anyHour === true || inQuietHours(now)
  const report: UpkeepReport = { analyzed: [], vacuumed: [], deferred: [], ginPagesMerged: 0 }
  for (const t of await readTables(db)) {
    const analyze = needsAnalyze(t)
    const dueVacuum = needsVacuum(t)
    const vacuum = dueVacuum && (t.pages <= large || quiet)
    if (dueVacuum && !vacuum) report.deferred.push(t.table)
    const table = tableIdentifier(t.table)
    // VACUUM merges the table's GIN pending lists itself; with ANALYZE when that is due too.
    if (vacuum) await db.execute(analyze ? sql`vacuum (analyze) ${table}` : sql`vacuum ${table}`)
    else if (analyze) await db.execute(sql`analyze ${table}`)
    if (vacuum) report.vacuumed.push(t.table)
    if (analyze) report.analyzed.push(t.table)
  }
  report.ginPagesMerged = await mergeGinPendingLists(db)
  return report
}

/** Merges every GIN index's pending list (a no-op for an empty one); the pages merged. */
async function mergeGinPendingLists(db: Db): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(sum(gin_clean_pending_list(i.oid)), 0)::int as merged
    from pg_class i join pg_am am on am.oid = i.relam
    where i.relkind = 'i' and am.amname = 'gin' and i.relnamespace = 'public'::regnamespace`)
  return Number((result as unknown as { rows: Array<{ merged: unknown }> }).rows[0]?.merged ?? 0)
}

/** Looks after the embedded database every UPKEEP_EVERY_MS; on PostgreSQL its autovacuum does. */
export function registerEmbeddedUpkeep(registry: JobRegistry): void {
  registry.every({
    name: 'db.upkeep',
    everyMs: UPKEEP_EVERY_MS,
    run: async ({ db, engine, clock, log }) => {
      if (engine !== 'pglite') return
      const started = performance.now()
      const report = await runUpkeep(db, clock.now())
      const { analyzed, vacuumed, deferred, ginPagesMerged } = report
      if (analyzed.length + vacuumed.length + deferred.length + ginPagesMerged === 0) return
      log.info({ analyzed, vacuumed, deferred, ginPagesMerged, ms: Math.round(performance.now() - started) }, 'embedded database upkeep')
    },
  })
}
