/**
 * One embedded database per test worker, put back as it was after each file. Opening PGlite from
 * the migrated template costs 1.6–2 s of CPU (a thread, the engine's start, the data folder
 * unpacked); emptying its tables and putting back the template's rows takes a tenth of that. A
 * worker runs its files one after another (vitest's isolate: false), so one database serves them
 * all, and each file still starts from exactly the template: the same rows, the same sequence
 * values, no session settings, locks or temporary tables left behind.
 *
 * A database whose shape a file changed (a table, column, trigger or function added or dropped),
 * or that could not be reset, is closed instead, and the next file opens a fresh one.
 */
import type { Database } from '../src/kernel/db/client.js'
import type { Queryable } from '../src/kernel/db/pglite-thread.js'

/** What the template holds, read once from a freshly opened database. */
export interface Template {
  shape: string
  tables: string[]
  rows: Array<{ table: string; columns: string; json: string }>
  /** One statement that sets every sequence where the template left it. */
  sequences: string
}

/** The schemas the platform's tables live in (public, and the migrator's own). */
const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`

/** A fingerprint of every relation, column count, trigger and function outside the catalog. */
const SHAPE_SQL = `
  select md5(coalesce(string_agg(x, ',' order by x), '')) as shape from (
    select c.oid::regclass::text || ':' || c.relkind::text || ':' || (select count(*) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as x
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${USER_SCHEMAS}
    union all
    select t.tgname || '@' || t.tgrelid::regclass::text from pg_trigger t where not t.tgisinternal
    union all
    select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMAS}
  ) parts`

async function shapeOf(engine: Queryable): Promise<string> {
  return (await engine.query<{ shape: string }>(SHAPE_SQL)).rows[0]!.shape
}

/** Reads the template from a database no test has touched yet. */
export async function readTemplate(database: Database): Promise<Template> {
  const engine = database.pglite!
  const tables = (
    await engine.query<{ name: string }>(`select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and ${USER_SCHEMAS} order by 1`)
  ).rows.map((r) => r.name)
  const rows: Template['rows'] = []
  for (const table of tables) {
    const { json } = (await engine.query<{ json: string | null }>(`select json_agg(t)::text as json from ${table} t`)).rows[0]!
    if (!json) continue
    // Generated columns are computed again on insert; they cannot be written.
    const { columns } = (
      await engine.query<{ columns: string }>(`select string_agg(quote_ident(attname), ', ' order by attnum) as columns from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''`, [table])
    ).rows[0]!
    rows.push({ table, columns, json })
  }
  const { sequences } = (
    await engine.query<{ sequences: string }>(
      `select 'select ' || coalesce(string_agg(format('setval(%L::regclass, %s, %s)', format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value), (last_value is not null)::text), ', '), '1') as sequences from pg_sequences where schemaname not in ('pg_catalog', 'information_schema')`,
    )
  ).rows[0]!
  return { shape: await shapeOf(engine), tables, rows, sequences }
}

/**
 * Puts the database back as the template was; false when it cannot be (its shape changed, a
 * statement failed, or it did not answer within the time limit).
 */
export async function resetToTemplate(database: Database, template: Template, limitMs = 10_000): Promise<boolean> {
  const engine = database.pglite!
  const reset = async () => {
    if ((await shapeOf(engine)) !== template.shape) return false
    await engine.transaction(async (tx) => {
      await tx.query('reset all')
      // Triggers stay quiet while the template's rows go back: they were in the template as they are.
      await tx.query('set local session_replication_role = replica')
      await tx.query(`truncate table ${template.tables.join(', ')} restart identity cascade`)
      for (const { table, columns, json } of template.rows) {
        await tx.query(`insert into ${table} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [json])
      }
      await tx.query(template.sequences)
    })
    await engine.query('select pg_advisory_unlock_all()')
    await engine.query('discard temp')
    await engine.query('deallocate all')
    return true
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), limitMs)))
  try {
    return await Promise.race([reset().catch(() => false), timeout])
  } finally {
    clearTimeout(timer)
  }
}
