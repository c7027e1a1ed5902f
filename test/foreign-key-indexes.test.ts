/**
 * Every foreign key has an index that starts with its columns. Without one, two things cost a
 * read of the whole referencing table: a lookup by the key (the activities at an organisation read
 * every activity of the wijk, 7 ms at 100,000 items and growing with them), and every delete of a
 * referenced row (erasing an account sets its id to null or checks it in each table that names
 * it). Both grow with the data; the index makes them a probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/kernel/db/client.js'
import { openTestDatabase } from './db.js'

let database: Database

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

interface Unindexed {
  table: string
  columns: string
}

describe('foreign keys', () => {
  it('each have an index whose leading columns are the key', async () => {
    const result = await database.db.execute(sql`
      select c.conrelid::regclass::text as table,
             (select string_agg(a.attname, ',' order by k.n)
                from unnest(c.conkey) with ordinality as k(attnum, n)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
      from pg_constraint c
      join pg_namespace ns on ns.oid = c.connamespace and ns.nspname = 'public'
      where c.contype = 'f'
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            -- the index's first columns are exactly the key's, in any order
            and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(c.conkey) - 1]) as x)
              = (select array_agg(x order by x) from unnest(c.conkey) as x))
      order by 1, 2`)
    const unindexed = (result as unknown as { rows: Unindexed[] }).rows.map((r) => `${r.table}(${r.columns})`)
    expect(unindexed).toEqual([])
  })
})
