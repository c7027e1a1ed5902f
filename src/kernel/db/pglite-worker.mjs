/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so
 * its work never holds the event loop that serves visitors. The main thread talks to it through
 * pglite-thread.ts; plain JavaScript, because a worker starts without the TypeScript loader.
 *
 * Messages in: { id, op, ... } with op open | query | begin | commit | rollback | listen | dump | close;
 * a query outside a transaction may carry the name of its statement, and whether it is one built
 * once (`plannedOnce`).
 * Messages out: { id, ok, value } or { id, ok: false, error }, and { notify: channel, payload }.
 */
import { parentPort } from 'node:worker_threads'
import { PGlite, parse, protocol } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'

/** @type {PGlite | undefined} */
let db
/** Open transactions: the statements sent for each, handed to the callback PGlite runs it in. */
const transactions = new Map()

const raw = (value) => value

/** PGlite parses these types itself unless told not to; the caller asked for their text. */
function queryOptions(msg) {
  const options = { rowMode: msg.rowMode ?? 'object' }
  if (msg.rawTypes?.length) options.parsers = Object.fromEntries(msg.rawTypes.map((oid) => [oid, raw]))
  return options
}

/** What survives the trip to the other thread: the fields callers look at on a database error. */
function describeError(err) {
  const e = /** @type {Record<string, unknown>} */ (err ?? {})
  const out = { message: String(e.message ?? err) }
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where']) {
    if (e[key] !== undefined) out[key] = e[key]
  }
  return out
}

/**
 * Named statements this session holds: name → the type ids of their parameters. PGlite's own
 * query() sends every statement unnamed, so the engine parsed and planned it on every call: for
 * the wijk home's statement 16–21 ms of this thread's time, of which 1–9 ms was running it. A
 * statement the main thread names (statement-names.ts, as on PostgreSQL) is parsed once, and
 * after five executions PostgreSQL keeps its generic plan when that is no worse (decisions/030).
 */
const statements = new Map()

/** Statements that drop this session's prepared statements. */
const DROPS_STATEMENTS = /^\s*(deallocate|discard)\b/i

/**
 * Runs `msg` as the named statement msg.name, parsing it first if this session does not hold it.
 * A statement built once (msg.plannedOnce) is bound under `force_generic_plan`, and the session is
 * back on its default before anything else runs: with the time as a parameter PostgreSQL's `auto`
 * mode planned the Agenda's statement again on every execution, as on a server (decisions/035),
 * while statements built per call and every match on text need plans made for their values.
 */
function namedQuery(msg) {
  const { serialize } = protocol
  const stream = (message) => db.execProtocolStream(message, { syncToFs: false })
  // As PGlite's query(): no transaction in between, and one statement at a time.
  return db._runExclusiveTransaction(() =>
    db.runExclusive(async () => {
      const results = []
      try {
        let types = statements.get(msg.name)
        if (!types) {
          results.push(...(await stream(serialize.parse({ name: msg.name, text: msg.sql }))))
          types = parse.parseDescribeStatementResults(await stream(serialize.describe({ type: 'S', name: msg.name })))
          statements.set(msg.name, types)
        }
        const values = (msg.params ?? []).map((value, i) => {
          if (value === null || value === undefined) return null
          const serializer = db.serializers[types[i]]
          return serializer ? serializer(value) : value.toString()
        })
        // The plan is chosen when the statement is bound.
        if (msg.plannedOnce) await stream(serialize.query(GENERIC_PLANS))
        results.push(...(await stream(serialize.bind({ statement: msg.name, values }))))
        results.push(...(await stream(serialize.describe({ type: 'P' }))))
        results.push(...(await stream(serialize.execute({}))))
      } catch (err) {
        // Gone from the session after all (26000): parsed again on the next call.
        if (err?.code === '26000') statements.delete(msg.name)
        throw err
      } finally {
        results.push(...(await stream(serialize.sync())))
        // After the Sync: a failed statement makes the engine skip everything up to it.
        if (msg.plannedOnce) await stream(serialize.query(DEFAULT_PLANS))
      }
      await db.syncToFs()
      return parse.parseResults(results, db.parsers, queryOptions(msg))[0]
    }),
  )
}

const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan'
const DEFAULT_PLANS = 'reset plan_cache_mode'

/** A statement outside a transaction: named when the main thread gave it a name. */
async function query(msg) {
  if (DROPS_STATEMENTS.test(msg.sql)) {
    const result = await db.query(msg.sql, msg.params, queryOptions(msg))
    statements.clear()
    return result
  }
  return msg.name === undefined ? db.query(msg.sql, msg.params, queryOptions(msg)) : namedQuery(msg)
}

const reply = (id, value) => parentPort.postMessage({ id, ok: true, value })
const fail = (id, err) => parentPort.postMessage({ id, ok: false, error: describeError(err) })

/**
 * Runs one transaction: PGlite holds it open inside its callback while the statements arrive as
 * messages, until commit or rollback (a thrown rollback makes PGlite roll back).
 */
function begin(id, txId) {
  const queue = []
  let wake
  let begun = false
  let ending
  const next = () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => (wake = resolve)))
  transactions.set(txId, (msg) => {
    if (!wake) return queue.push(msg)
    const w = wake
    wake = undefined
    w(msg)
  })
  const rollback = new Error('rollback')
  db.transaction(async (tx) => {
    begun = true
    reply(id, null)
    for (;;) {
      const msg = await next()
      if (msg.op === 'commit' || msg.op === 'rollback') {
        ending = msg
        if (msg.op === 'rollback') throw rollback
        return
      }
      try {
        reply(msg.id, await tx.query(msg.sql, msg.params, queryOptions(msg)))
      } catch (err) {
        fail(msg.id, err)
      }
    }
  }).then(
    () => {
      transactions.delete(txId)
      reply(ending.id, null)
    },
    (err) => {
      transactions.delete(txId)
      if (!begun) fail(id, err)
      else if (err === rollback) reply(ending.id, null)
      else fail(ending?.id, err)
    },
  )
}

parentPort.on('message', async (msg) => {
  if (msg.txId !== undefined && msg.op !== 'begin') {
    const deliver = transactions.get(msg.txId)
    if (deliver) return deliver(msg)
    return fail(msg.id, new Error('the transaction has ended'))
  }
  try {
    switch (msg.op) {
      case 'open': {
        const loadDataDir = msg.load ? new Blob([msg.load]) : undefined
        db = await PGlite.create({
          dataDir: msg.dataDir,
          extensions: { pg_trgm, btree_gin },
          loadDataDir,
          pgliteWasmModule: msg.wasm,
          fsBundle: new Blob([msg.bundle]),
          // A quarter of PostgreSQL's 128 MB: the buffers live in this thread's WebAssembly memory,
          // which never shrinks, and the operating system's file cache holds the pages as well (ADR 026).
          postgresqlconf: ['shared_buffers = 32MB'],
        })
        return reply(msg.id, null)
      }
      case 'query':
        return reply(msg.id, await query(msg))
      case 'begin':
        return begin(msg.id, msg.txId)
      case 'listen':
        await db.listen(msg.channel, (payload) => parentPort.postMessage({ notify: msg.channel, payload }))
        return reply(msg.id, null)
      case 'dump': {
        const file = await db.dumpDataDir(msg.compression)
        const bytes = new Uint8Array(await file.arrayBuffer())
        return parentPort.postMessage({ id: msg.id, ok: true, value: bytes }, [bytes.buffer])
      }
      case 'close':
        await db?.close()
        reply(msg.id, null)
        return parentPort.close()
      default:
        return fail(msg.id, new Error(`unknown operation ${msg.op}`))
    }
  } catch (err) {
    fail(msg.id, err)
  }
})
