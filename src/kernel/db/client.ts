/**
 * The database: PGlite (embedded, default) or a PostgreSQL server (DATABASE_URL). One schema,
 * one SQL dialect; callers only see the Drizzle `Db`.
 */
import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { EmbeddedEngine } from './pglite-thread.js'
import { StatementNames } from './statement-names.js'

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
  /** Present on the embedded engine: notifications and backups. */
  pglite?: EmbeddedEngine
  /** Present on the server engine: migrations use their own connection. */
  url?: string
  close(): Promise<void>
}

/**
 * Opens PGlite in `dataDir` (or in memory when undefined), in a thread of its own
 * (pglite-thread.ts). Started on demand, so a server on PostgreSQL never loads the engine.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const [{ startEmbeddedEngine }, { drizzle: drizzlePglite }] = await Promise.all([import('./pglite-thread.js'), import('drizzle-orm/pglite')])
  const engine = await startEmbeddedEngine(dataDir, loadDataDir)
  // Drizzle's PGlite driver uses query() and transaction(), which the thread client provides.
  const db = drizzlePglite({ client: engine as unknown as PGlite }) as unknown as Db
  return { db, engine: 'pglite', pglite: engine, close: () => engine.close() }
}

/** Connections to PostgreSQL at most when nobody says (DATABASE_POOL_SIZE, decisions/032). */
export const DEFAULT_POOL_SIZE = 10

/** Connects to a PostgreSQL server; repeated statements are prepared once per connection. */
export function openPostgres(url: string, max = DEFAULT_POOL_SIZE): Database {
  const pool = new pg.Pool({ connectionString: url, max, Client: namingClient(new StatementNames()) })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = drizzlePg({ client: pool }) as unknown as Db
  return { db, engine: 'postgres', url, close: () => pool.end() }
}

type QueryConfig = { text?: unknown; name?: unknown; submit?: unknown }

/** A pg.Client class whose queries carry the name `names` gives their text. */
function namingClient(names: StatementNames): typeof pg.Client {
  return class NamingClient extends pg.Client {
    override query(config: unknown, values?: unknown, callback?: unknown): never {
      const c = config as QueryConfig | null
      if (c && typeof c === 'object' && typeof c.submit !== 'function' && typeof c.text === 'string' && c.name === undefined) {
        const name = names.nameOf(c.text)
        if (name !== undefined) config = { ...c, name }
      }
      return (super.query as (...args: unknown[]) => never)(config, values, callback)
    }
  } as unknown as typeof pg.Client
}
