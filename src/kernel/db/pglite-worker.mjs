/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so
 * its work never holds the event loop that serves visitors. The main thread talks to it through
 * pglite-thread.ts; plain JavaScript, because a worker starts without the TypeScript loader.
 *
 * Messages in: { id, op, ... } with op open | query | begin | commit | rollback | listen | dump | close.
 * Messages out: { id, ok, value } or { id, ok: false, error }, and { notify: channel, payload }.
 */
import { parentPort } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

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
          extensions: { pg_trgm },
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
        return reply(msg.id, await db.query(msg.sql, msg.params, queryOptions(msg)))
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
