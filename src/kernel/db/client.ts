/**
 * The database: PGlite (embedded, default) or a PostgreSQL server (DATABASE_URL). One schema,
 * one SQL dialect; callers only see the Drizzle `Db`.
 */
import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'

/**
 * Queries are built with the query builder on imported tables, never with Drizzle's relational
 * `db.query` API, so the client needs no schema: the kernel does not have to know every table
 * (that list is src/schema.ts, for drizzle-kit).
 */
export type Db = PgDatabase<PgQueryResultHKT>
export type Engine = 'pglite' | 'postgres'

export interface Database {
  db: Db
  engine: Engine
  /** Present on the embedded engine: used for backups. */
  pglite?: PGlite
  /** Present on the server engine: migrations use their own connection. */
  url?: string
  close(): Promise<void>
}

/**
 * Opens PGlite in `dataDir` (or in memory when undefined). Imported on demand, so a server on
 * PostgreSQL never loads the WebAssembly engine.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ])
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir })
  const db = drizzlePglite({ client: yieldingClient(client) }) as unknown as Db
  return { db, engine: 'pglite', pglite: client, close: () => client.close() }
}

type Queryable = Pick<PGlite, 'query'>

/** How long PGlite's statements may keep the event loop before they let it take a turn. */
const SLICE_MS = 8

/**
 * What Drizzle sees of PGlite: the same client, except that statements give the event loop a turn
 * every few milliseconds. PGlite runs in this thread and its answers resolve as microtasks, so a
 * job's transaction of many statements used to run start to finish before Node read a single
 * waiting request: a visitor's cached page waited for a whole mailing batch. Yielding before every
 * statement instead made jobs crawl under load (each statement queued behind every open request),
 * so only statements that have kept the loop for a whole slice without it taking a turn yield.
 */
function yieldingClient(client: PGlite): PGlite {
  let sliceStart = 0
  let loopTurned = true
  const newSlice = () => {
    sliceStart = performance.now()
    loopTurned = false
    // Runs at the loop's next check phase, after it has read waiting requests.
    setImmediate(() => (loopTurned = true))
  }
  const turn = async () => {
    if (loopTurned) return newSlice()
    if (performance.now() - sliceStart < SLICE_MS) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    newSlice()
  }
  const yielding = (target: Queryable): Queryable => ({
    query: async (...args: Parameters<Queryable['query']>) => {
      await turn()
      return target.query(...args)
    },
  })
  const adapter = {
    ...yielding(client),
    transaction: (fn: (tx: Queryable) => Promise<unknown>) => client.transaction((tx) => fn(yielding(tx))),
  }
  return adapter as unknown as PGlite
}

/** Connects to a PostgreSQL server. */
export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = drizzlePg({ client: pool }) as unknown as Db
  return { db, engine: 'postgres', url, close: () => pool.end() }
}
