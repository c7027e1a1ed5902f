/**
 * The embedded test database a worker hands from one file to the next is the template again:
 * rows, sequences, session settings, advisory locks and temporary tables of the last file are
 * gone. One whose shape a file changed is not handed on.
 */
import { describe, it, expect } from 'vitest'
import { openTestDatabase, testEngine } from './db.js'

const count = async (database: Awaited<ReturnType<typeof openTestDatabase>>, sql: string) => Number((await database.pglite!.query<{ n: string }>(sql)).rows[0]!.n)

describe.runIf(testEngine() === 'pglite')('one embedded test database per worker', () => {
  it('is handed to the next file as the template left it', async () => {
    const first = await openTestDatabase()
    const fresh = {
      meta: await count(first, 'select count(*) as n from app_meta'),
      migrations: await count(first, 'select count(*) as n from drizzle.__drizzle_migrations'),
      nextCity: await count(first, `select nextval('cities_id_seq') as n`),
    }
    // A file that writes, takes a lock, changes a setting and makes a temporary table.
    await first.pglite!.query(`insert into cities (name, slug, created_at, updated_at) values ('Proefstad', 'proefstad', now(), now()), ('Testdorp', 'testdorp', now(), now())`)
    await first.pglite!.query(`insert into app_meta (key, value) values ('left-behind', 'yes')`)
    await first.pglite!.query('select pg_advisory_lock(42)')
    await first.pglite!.query(`set statement_timeout = '3s'`)
    await first.pglite!.query('create temporary table scratch (x int)')
    const engine = first.pglite
    await first.close()

    const second = await openTestDatabase()
    try {
      expect(second.pglite, 'the same engine is handed on').toBe(engine)
      expect(await count(second, 'select count(*) as n from cities')).toBe(0)
      expect(await count(second, 'select count(*) as n from app_meta')).toBe(fresh.meta)
      expect(await count(second, 'select count(*) as n from drizzle.__drizzle_migrations')).toBe(fresh.migrations)
      expect(await count(second, `select nextval('cities_id_seq') as n`)).toBe(fresh.nextCity)
      expect(await count(second, `select count(*) as n from pg_locks where locktype = 'advisory'`)).toBe(0)
      expect((await second.pglite!.query<{ statement_timeout: string }>('show statement_timeout')).rows[0]!.statement_timeout).toBe('0')
      expect(await count(second, `select count(*) as n from pg_class where relname = 'scratch'`)).toBe(0)
    } finally {
      await second.close()
    }
  })

  it('is not handed on when a file changed its shape', async () => {
    const first = await openTestDatabase()
    await first.pglite!.query('create table left_over (id int)')
    const engine = first.pglite
    await first.close()
    const second = await openTestDatabase()
    try {
      expect(second.pglite).not.toBe(engine)
      expect(await count(second, `select count(*) as n from pg_class where relname = 'left_over'`)).toBe(0)
    } finally {
      await second.close()
    }
  })
})
