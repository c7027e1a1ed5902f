/**
 * The embedded database seen from the main thread: PGlite runs in a worker (pglite-worker.mjs),
 * and this client sends it statements. PGlite's WebAssembly engine computes synchronously, so in
 * the serving thread every statement of a job (a newsletter batch, the daily occurrence job) held
 * the event loop, and visitors whose pages were already cached waited for it. In its own thread the
 * engine works while the event loop serves pages (decisions/003).
 *
 * The client offers what Drizzle's PGlite driver and the platform use of PGlite: query,
 * transaction, listen, dumpDataDir and close. One engine, one connection, as before: statements
 * outside a transaction wait while one is open.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { DROPS_ALL_STATEMENTS, StatementNames } from './statement-names.js'

export interface QueryResult<T = Record<string, unknown>> {
  rows: T[]
  fields: { name: string; dataTypeID: number }[]
  affectedRows?: number
}

type Parser = (value: string, typeId: number) => unknown

export interface QueryOptions {
  rowMode?: 'array' | 'object'
  /** Per type id; applied here to the text the engine returns for those types. */
  parsers?: Record<number, Parser>
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>
}

export interface EmbeddedEngine extends Queryable {
  /**
   * The same session for the statements built once: each is planned once, its generic plan kept
   * for every execution (decisions/035; pglite-worker.mjs).
   */
  plannedOnce: Queryable & Pick<EmbeddedEngine, 'transaction'>
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Calls back on every notification of the channel; resolves with a function that stops. */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>
  dumpDataDir(compression?: 'gzip' | 'none'): Promise<Blob>
  close(): Promise<void>
}

/** A database error as the engine reported it: message, SQLSTATE code, constraint, … */
export class EngineError extends Error {
  code?: string
  constructor(fields: Record<string, unknown>) {
    super(String(fields.message))
    Object.assign(this, fields)
    this.name = 'EngineError'
  }
}

interface Reply {
  id: number
  ok: boolean
  value?: unknown
  error?: Record<string, unknown>
}

/** Node's WebAssembly object; the project's type libraries declare only its types. */
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly

/** The engine's compiled WebAssembly and its file bundle, read and compiled once per process. */
let engineCode: Promise<{ wasm: WebAssembly.Module; bundle: Uint8Array }> | undefined

/**
 * Compiling PGlite's 9 MB of WebAssembly costs each new thread more than a second of CPU; a
 * compiled module can be handed to any thread of the process. One process opens one database in
 * production, but every test file opens its own.
 */
function compiledEngine(): Promise<{ wasm: WebAssembly.Module; bundle: Uint8Array }> {
  engineCode ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
    const [wasm, bundle] = await Promise.all([fs.readFile(path.join(dist, 'pglite.wasm')).then((bytes) => wasmApi.compile(bytes)), fs.readFile(path.join(dist, 'pglite.data'))])
    return { wasm, bundle: new Uint8Array(bundle) }
  })()
  return engineCode
}

export async function startEmbeddedEngine(dataDir: string | undefined, load?: Blob): Promise<EmbeddedEngine> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url))
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
  const listeners = new Map<string, Set<(payload: string) => void>>()
  let nextId = 0
  let nextTx = 0
  let exited: Error | null = null
  // The engine's one session prepares each named text once (pglite-worker.mjs).
  const names = new StatementNames()

  worker.on('message', (msg: Reply & { notify?: string; payload?: string }) => {
    if (msg.notify !== undefined) {
      for (const callback of listeners.get(msg.notify) ?? []) callback(msg.payload ?? '')
      return
    }
    const waiting = pending.get(msg.id)
    if (!waiting) return
    pending.delete(msg.id)
    // Like PGlite in this thread: an idle engine does not keep the process alive.
    if (pending.size === 0) worker.unref()
    if (msg.ok) waiting.resolve(msg.value)
    else waiting.reject(new EngineError(msg.error ?? { message: 'unknown database error' }))
  })
  const failAll = (err: Error) => {
    exited = err
    for (const waiting of pending.values()) waiting.reject(err)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', () => failAll(exited ?? new Error('the database thread has stopped')))

  const send = <T>(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (exited) return Promise.reject(exited)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      worker.ref()
      worker.postMessage({ ...msg, id }, transfer)
    })
  }

  const query =
    (txId?: number, plannedOnce = false) =>
    async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<T>> => {
      const parsers = options.parsers ?? {}
      const rawTypes = Object.keys(parsers).map(Number)
      // Named outside transactions, where the pages' reads run; a transaction's statements go
      // through PGlite's own transaction callback (pglite-worker.mjs), unnamed.
      const name = txId === undefined ? names.nameOf(sql) : undefined
      const message = { op: 'query', txId, sql, name, params, rowMode: options.rowMode, rawTypes, plannedOnce: plannedOnce && name !== undefined }
      const result = await send<QueryResult<T>>(message)
      // The engine's session holds none now (pglite-worker.mjs forgets them too): names count from zero.
      if (DROPS_ALL_STATEMENTS.test(sql)) names.forgetAll()
      return rawTypes.length ? parseRaw(result, parsers, options.rowMode ?? 'object') : result
    }

  const bytes = load ? new Uint8Array(await load.arrayBuffer()) : undefined
  const { wasm, bundle } = await compiledEngine()
  // The bundle is copied (not transferred): the next thread needs it too.
  await send({ op: 'open', dataDir, load: bytes, wasm, bundle }, bytes ? [bytes.buffer as ArrayBuffer] : [])

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const txId = nextTx++
    await send({ op: 'begin', txId })
    let result: T
    try {
      result = await fn({ query: query(txId) })
    } catch (err) {
      await send({ op: 'rollback', txId })
      throw err
    }
    await send({ op: 'commit', txId })
    return result
  }

  return {
    query: query(),
    plannedOnce: { query: query(undefined, true), transaction },
    transaction,
    async listen(channel, callback) {
      let set = listeners.get(channel)
      if (!set) {
        set = new Set()
        listeners.set(channel, set)
        await send({ op: 'listen', channel })
      }
      set.add(callback)
      return async () => void set.delete(callback)
    },
    async dumpDataDir(compression = 'gzip') {
      const dump = await send<Uint8Array>({ op: 'dump', compression })
      return new Blob([dump])
    },
    async close() {
      if (exited) return
      await send({ op: 'close' })
      await worker.terminate()
    },
  }
}

/** Applies the caller's parsers to the columns of their types (the engine sent them as text). */
function parseRaw<T>(result: QueryResult<T>, parsers: Record<number, Parser>, rowMode: 'array' | 'object'): QueryResult<T> {
  const columns = result.fields.map((f, i) => ({ i, name: f.name, type: f.dataTypeID, parse: parsers[f.dataTypeID] })).filter((c) => c.parse)
  if (columns.length === 0) return result
  for (const row of result.rows as unknown as Record<string | number, unknown>[]) {
    for (const c of columns) {
      const key = rowMode === 'array' ? c.i : c.name
      const value = row[key]
      if (typeof value === 'string') row[key] = c.parse!(value, c.type)
    }
  }
  return result
}
