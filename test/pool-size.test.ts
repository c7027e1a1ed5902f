/**
 * The server opens PostgreSQL with DATABASE_POOL_SIZE connections at most (kernel/db/pool-size.ts):
 * statements beyond it wait for a free connection instead of starting another backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/kernel/db/client.js'
import { openConfiguredDatabase } from '../src/boot.js'
import { loadConfig } from '../src/config/env.js'
import { openTestDatabase, testEngine } from './db.js'

describe.runIf(testEngine() === 'postgres')('the PostgreSQL pool', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.close())

  /** The backends that answered `count` statements sent at once. */
  async function backendsFor(size: string, count: number): Promise<number> {
    const config = loadConfig({ DATABASE_URL: database.url!, DATABASE_POOL_SIZE: size })
    const opened = await openConfiguredDatabase(config)
    try {
      const answers = await Promise.all(
        Array.from({ length: count }, () => opened.db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`)),
      )
      return new Set(answers.map((a) => (a as unknown as { rows: Array<{ pid: number }> }).rows[0]!.pid)).size
    } finally {
      await opened.close()
    }
  }

  it('uses at most DATABASE_POOL_SIZE connections, and more when it allows more', async () => {
    expect(await backendsFor('2', 6)).toBe(2)
    expect(await backendsFor('5', 6)).toBe(5)
  })
})
