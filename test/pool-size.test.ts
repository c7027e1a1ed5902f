/**
 * The server opens PostgreSQL with DATABASE_POOL_SIZE connections at most (kernel/db/client.ts),
 * half of them for the statements built once: statements beyond it wait for a free connection
 * instead of starting another backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Database, Db } from '../src/kernel/db/client.js'
import { builtOnceRunner } from '../src/kernel/db/prepared.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { loadConfig } from '../src/config/env.js'
import { openTestDatabase, testEngine } from './db.js'

describe.runIf(testEngine() === 'postgres')('the PostgreSQL pool', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.close())

  /**
   * The backends that answered `count` statements sent at once on the general connections and
   * `count` on those of the statements built once (decisions/035).
   */
  async function backendsFor(size: string, count: number): Promise<{ general: number; builtOnce: number; all: number }> {
    const config = loadConfig({ DATABASE_URL: database.url!, DATABASE_POOL_SIZE: size })
    const opened = await openConfiguredDatabase(config)
    const pids = async (db: Db) => {
      const answers = await Promise.all(Array.from({ length: count }, () => db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`)))
      return answers.map((a) => (a as unknown as { rows: Array<{ pid: number }> }).rows[0]!.pid)
    }
    try {
      const [general, builtOnce] = await Promise.all([pids(opened.db), pids(builtOnceRunner(opened.db))])
      return { general: new Set(general).size, builtOnce: new Set(builtOnce).size, all: new Set([...general, ...builtOnce]).size }
    } finally {
      await opened.close()
    }
  }

  it('uses at most DATABASE_POOL_SIZE connections in all, and more when it allows more', async () => {
    expect(await backendsFor('2', 6)).toEqual({ general: 1, builtOnce: 1, all: 2 })
    expect(await backendsFor('5', 6)).toEqual({ general: 3, builtOnce: 2, all: 5 })
    expect(await backendsFor('1', 6)).toEqual({ general: 1, builtOnce: 1, all: 1 })
  })
})
