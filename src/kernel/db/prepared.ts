/**
 * Statements built once and executed many times (decisions/028), with constants written into
 * their text. Such a statement is built with placeholders for what each request brings (a wijk,
 * the time); every other value in it is the platform's own and the same on every execution: a
 * status, the types of a list, a limit. Drizzle sends those as parameters too, and then
 * PostgreSQL cannot plan the statement once: a generic plan that knows neither the limit nor the
 * status is estimated worse than one made for the values, so the statement is planned again on
 * every call. On the wijk home that planning took 1.7–8 ms beside 0.4–4 ms of execution;
 * with the constants as literals the generic plan is chosen after five executions (PostgreSQL's
 * plan_cache_mode auto) and the statement runs in 0.3–0.9 ms without planning (decisions/030).
 */
import { sql, type SQL } from 'drizzle-orm'

interface Preparable<P> {
  getSQL(): SQL
  prepare(name: string): P
}

/**
 * Prepares `query` with every value that is not a placeholder written as a literal. Drizzle
 * escapes the literals as it would print them in `toSQL`; a statement built once per process
 * holds no visitor's input by construction, as it serves every visitor.
 */
export function prepareWithConstants<P>(query: Preparable<P>, name: string): P {
  // PostgreSQL cuts longer names to 63 bytes without a word: two statements could then share one.
  if (Buffer.byteLength(name) > 63) throw new Error(`statement name longer than 63 bytes: ${name}`)
  const build = query.getSQL.bind(query)
  // Drizzle prepares from getSQL(); this one instance builds its SQL with the values inlined.
  Object.defineProperty(query, 'getSQL', { value: () => build().inlineParams() })
  return query.prepare(name)
}

/** Statements built once, per database (a test's or the server's) and by a name for their shape. */
const built = new WeakMap<object, Map<string, unknown>>()

/** Where a database runs its statements built once, when elsewhere than on itself. */
const builtOnceRunOn = new WeakMap<object, object>()

/**
 * Runs the statements `builtOnce` makes for `db` on `planner`: on PostgreSQL, connections of the
 * same server that plan each statement once (client.ts, decisions/035).
 */
export function runBuiltOnceOn(db: object, planner: object): void {
  builtOnceRunOn.set(db, planner)
}

/** The database that runs `db`'s statements built once: the planner given for it, else itself. */
export function builtOnceRunner<D extends object>(db: D): D {
  return (builtOnceRunOn.get(db) as D | undefined) ?? db
}

/**
 * The query `build` makes for this database and shape, prepared on first use with its constants in
 * its text (`prepareWithConstants`) under the name `wc_<shape>`. The shape must name everything
 * the built text depends on (which filters it has, its constants): two callers that give the same
 * shape get the same statement. `build` is handed the database to build on: the one given, or its
 * connections for statements built once.
 */
export function builtOnce<D extends object, P>(db: D, shape: string, build: (db: D) => Preparable<P>): P {
  let byShape = built.get(db)
  if (!byShape) built.set(db, (byShape = new Map()))
  let statement = byShape.get(shape) as P | undefined
  if (statement === undefined) {
    statement = prepareWithConstants(build(builtOnceRunner(db)), `wc_${shape}`)
    byShape.set(shape, statement)
  }
  return statement
}

/**
 * A typed placeholder where a query has this value, nothing where it has none: a statement built
 * once for the shape "with a theme" takes the theme at each execution.
 */
export function placeholderFor(value: unknown, name: string, type: keyof typeof CASTS): SQL | undefined {
  return value === undefined ? undefined : sql`${sql.placeholder(name)}${CASTS[type]}`
}

const CASTS = { integer: sql`::integer`, text: sql`::text` }
