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
import { runBuiltOnceOn } from './prepared.js'

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
  // The statements built once are planned once, in the same session (decisions/035).
  runBuiltOnceOn(db, drizzlePglite({ client: engine.plannedOnce as unknown as PGlite }) as unknown as Db)
  return { db, engine: 'pglite', pglite: engine, close: () => engine.close() }
}

/** Connections to PostgreSQL at most when nobody says (DATABASE_POOL_SIZE, decisions/032). */
export const DEFAULT_POOL_SIZE = 10

/**
 * Connects to a PostgreSQL server; repeated statements are prepared once per connection. Of `max`
 * connections, half run the statements built once (`builtOnce`) and plan each of them once
 * (decisions/035); with a single connection everything shares it.
 */
export function openPostgres(url: string, max = DEFAULT_POOL_SIZE): Database {
  const { general, plannedOnce } = poolSplit(max)
  const pool = namedPool(url, general)
  const db = drizzlePg({ client: pool }) as unknown as Db
  if (plannedOnce === 0) return { db, engine: 'postgres', url, close: () => pool.end() }
  const genericPool = namedPool(url, plannedOnce, GENERIC_PLANS)
  runBuiltOnceOn(db, drizzlePg({ client: genericPool }) as unknown as Db)
  return { db, engine: 'postgres', url, close: async () => void (await Promise.all([pool.end(), genericPool.end()])) }
}

/** How `openPostgres` shares `max` connections between everything else and the statements built once. */
export function poolSplit(max: number): { general: number; plannedOnce: number } {
  const plannedOnce = Math.floor(max / 2)
  return { general: max - plannedOnce, plannedOnce }
}

/**
 * A statement built once has its constants in its text and placeholders only for what each
 * request brings (a wijk, the time, a theme), so one plan suits every execution. PostgreSQL's
 * `auto` mode still plans most of them anew each time: with the time unknown it estimates the
 * generic plan dearer than one made for the values, though it is the same plan (decisions/035).
 */
const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan'

function namedPool(url: string, max: number, onConnect?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, Client: namingClient(new StatementNames()) })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  // Queued on the new connection before the statement it was opened for, so that one already runs
  // under it. Should it fail, the statements still run, planned as on any other connection.
  if (onConnect) pool.on('connect', (client) => void client.query(onConnect).catch(() => {}))
  return pool
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
