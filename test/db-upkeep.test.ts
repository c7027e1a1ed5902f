/**
 * The embedded database's upkeep (src/kernel/db/upkeep.ts) on the real engine: tables are
 * analyzed and vacuumed by autovacuum's rules, a large one only in the quiet hours, GIN pending
 * lists are merged, and the schedule acts on PGlite only. The probe tables have autovacuum off,
 * so on PostgreSQL nothing but the upkeep touches them either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/kernel/db/client.js'
import type { Deps } from '../src/kernel/context.js'
import { createLogger } from '../src/kernel/log.js'
import { JobRegistry } from '../src/kernel/jobs/registry.js'
import { registerEmbeddedUpkeep, runUpkeep, needsAnalyze, needsVacuum, inQuietHours, type TableState } from '../src/kernel/db/upkeep.js'
import { openTestDatabase } from './db.js'

let database: Database

/** 14:00 and 03:00 in Amsterdam (winter time). */
const AFTERNOON = new Date('2026-12-08T13:00:00Z')
const NIGHT = new Date('2026-12-08T02:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.db.execute(sql`drop table if exists upkeep_rows, upkeep_words, upkeep_scheduled`)
  await database.close()
})

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] }
  return result.rows[0]!
}

/** The rows the catalog holds for the table: -1 until it is first analyzed or vacuumed. */
async function reltuples(table: string): Promise<number> {
  return Number((await one<{ n: unknown }>(sql`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`)).n)
}

/** How often the table was vacuumed (the engine counts it the moment it happens). */
async function vacuums(table: string): Promise<number> {
  return Number((await one<{ n: unknown }>(sql`select vacuum_count as n from pg_stat_user_tables where relid = ${table}::regclass`)).n)
}

/**
 * Writes rows and makes the engine publish its counts of them at once (they are otherwise
 * published at most once a second); in one transaction, so on PostgreSQL the same connection.
 */
async function write(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(statement)
    await tx.execute(sql`select pg_stat_force_next_flush()`)
  })
  await database.db.execute(sql`select 1`)
}

describe('embedded database upkeep', () => {
  beforeAll(async () => {
    await database.db.execute(sql`create table upkeep_rows (id serial primary key, word text not null) with (autovacuum_enabled = false)`)
    await database.db.execute(sql`create table upkeep_words (id serial primary key, body text not null) with (autovacuum_enabled = false)`)
    await database.db.execute(sql`create table upkeep_scheduled (id serial primary key, body text not null) with (autovacuum_enabled = false)`)
    await database.db.execute(sql`create index upkeep_words_search on upkeep_words using gin (to_tsvector('simple', body))`)
    // Everything the template left to do, done, so each test sees its own tables' work only.
    await runUpkeep(database.db, NIGHT)
  })

  it('analyzes a table with rows that was never analyzed, and not again while it is unchanged', async () => {
    await write(sql`insert into upkeep_rows (word) select 'woord ' || g from generate_series(1, 500) g`)
    expect(await reltuples('upkeep_rows')).toBe(-1)
    const first = await runUpkeep(database.db, AFTERNOON)
    expect(first.analyzed).toContain('upkeep_rows')
    expect(await reltuples('upkeep_rows')).toBe(500)
    const second = await runUpkeep(database.db, AFTERNOON)
    expect(second.analyzed).not.toContain('upkeep_rows')
  })

  it('analyzes it again once more rows changed than autovacuum would allow', async () => {
    await write(sql`insert into upkeep_rows (word) select 'meer ' || g from generate_series(1, 2000) g`)
    const report = await runUpkeep(database.db, AFTERNOON, { largeTablePages: 1_000_000 })
    expect(report.analyzed).toContain('upkeep_rows')
    expect(await reltuples('upkeep_rows')).toBe(2500)
  })

  it('leaves a large table with dead rows for the quiet hours, and vacuums it then', async () => {
    await write(sql`update upkeep_rows set word = word || '!' where id % 2 = 0`)
    const before = await vacuums('upkeep_rows')
    const afternoon = await runUpkeep(database.db, AFTERNOON, { largeTablePages: 1 })
    expect(afternoon.deferred).toContain('upkeep_rows')
    expect(afternoon.vacuumed).not.toContain('upkeep_rows')
    expect(await vacuums('upkeep_rows')).toBe(before)
    const night = await runUpkeep(database.db, NIGHT, { largeTablePages: 1 })
    expect(night.vacuumed).toContain('upkeep_rows')
    expect(await vacuums('upkeep_rows')).toBe(before + 1)
  })

  it('vacuums a small table whatever the hour', async () => {
    await write(sql`delete from upkeep_rows where id % 3 = 0`)
    const before = await vacuums('upkeep_rows')
    const report = await runUpkeep(database.db, AFTERNOON)
    expect(report.vacuumed).toContain('upkeep_rows')
    expect(report.deferred).toEqual([])
    expect(await vacuums('upkeep_rows')).toBe(before + 1)
  })

  it('merges the pending lists of GIN indexes, which searches otherwise read in full', async () => {
    await write(sql`insert into upkeep_words (body) select 'buurthuis koffie ' || g from generate_series(1, 300) g`)
    const report = await runUpkeep(database.db, AFTERNOON)
    expect(report.vacuumed).not.toContain('upkeep_words')
    expect(report.ginPagesMerged).toBeGreaterThan(0)
    const left = await one<{ pages: unknown }>(sql`select gin_clean_pending_list('upkeep_words_search'::regclass) as pages`)
    expect(Number(left.pages)).toBe(0)
  })

  it('runs on the schedule on the embedded engine only: PostgreSQL has its autovacuum', async () => {
    await write(sql`insert into upkeep_scheduled (body) select 'prikbord ' || g from generate_series(1, 200) g`)
    expect(await reltuples('upkeep_scheduled')).toBe(-1)
    const registry = new JobRegistry()
    registerEmbeddedUpkeep(registry)
    const silent = createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() }))
    const deps = { db: database.db, engine: database.engine, clock: { now: () => AFTERNOON }, log: silent } as unknown as Deps
    await registry.schedules.get('db.upkeep')!.run(deps)
    expect(await reltuples('upkeep_scheduled')).toBe(database.engine === 'pglite' ? 200 : -1)
  })
})

describe('upkeep rules', () => {
  const table = (over: Partial<TableState>): TableState => ({
    table: 't',
    reltuples: 10_000,
    relpages: 100,
    pages: 100,
    changedSinceAnalyze: 0,
    dead: 0,
    insertedSinceVacuum: 0,
    ...over,
  })

  it('analyze a table that grew by more than a tenth, counted or not (PGlite forgets its counts on a restart)', () => {
    expect(needsAnalyze(table({ pages: 118 }))).toBe(false)
    expect(needsAnalyze(table({ pages: 119 }))).toBe(true)
    expect(needsAnalyze(table({ changedSinceAnalyze: 1_050 }))).toBe(false)
    expect(needsAnalyze(table({ changedSinceAnalyze: 1_051 }))).toBe(true)
    expect(needsAnalyze(table({ reltuples: -1, relpages: 0 }))).toBe(true)
    expect(needsAnalyze(table({ reltuples: -1, relpages: 0, pages: 0 }))).toBe(false)
  })

  it('vacuum by autovacuum’s thresholds for dead and for inserted rows', () => {
    expect(needsVacuum(table({ dead: 2_050 }))).toBe(false)
    expect(needsVacuum(table({ dead: 2_051 }))).toBe(true)
    expect(needsVacuum(table({ insertedSinceVacuum: 3_000 }))).toBe(false)
    expect(needsVacuum(table({ insertedSinceVacuum: 3_001 }))).toBe(true)
  })

  it('know the quiet hours in Amsterdam time, summer and winter', () => {
    expect(inQuietHours(new Date('2026-12-08T00:59:00Z'))).toBe(false)
    expect(inQuietHours(new Date('2026-12-08T01:00:00Z'))).toBe(true)
    expect(inQuietHours(new Date('2026-12-08T04:59:00Z'))).toBe(true)
    expect(inQuietHours(new Date('2026-12-08T05:00:00Z'))).toBe(false)
    expect(inQuietHours(new Date('2026-07-08T00:00:00Z'))).toBe(true)
    expect(inQuietHours(new Date('2026-07-08T04:00:00Z'))).toBe(false)
  })
})
