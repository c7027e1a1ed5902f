/**
 * The public version stamps (table public_versions, raised by triggers on every table the public
 * pages read) kept in memory, so the page cache can decide a hit without asking the database: a
 * visitor never waits behind a job's transaction (decisions/008). One stamp per scope
 * (decisions/023): 'platform' for what any page may show, 'wijk:<id>' for one wijk's content.
 *
 * The bump triggers call pg_notify('public_version', '<scope> <new value>'), delivered at commit:
 * - PostgreSQL: one dedicated connection LISTENs (not one of the pool, whose connections are
 *   busy with requests and jobs). When it drops, the stamps are unknown (the cache serves nothing)
 *   until it has reconnected, listened again and read them all.
 * - PGlite: its own listen(); it runs the callbacks before the committing query returns.
 * A background read every `resyncMs` catches a listener that went silent without an error; it
 * runs off the request path, so it may wait behind a job without anybody noticing.
 * A scope's value only ever grows: a slow read must not take back a newer notification, or an
 * entry stored under the newer value could be served after the change it missed.
 *
 * What a cached answer is checked against is this process's own count of changes heard
 * (`generation`): each raised stamp adds one and records, for its scope, the generation at which it
 * last changed. An answer rendered at generation g that depends on some scopes is still valid
 * while none of them (nor 'platform') changed after g; one that depends on everything, while
 * nothing changed at all.
 */
import pg from 'pg'
import type { Database, Db } from '../db/client.js'
import type { Logger } from '../log.js'
import { publicVersions } from './public-version.tables.js'

export const PUBLIC_VERSION_CHANNEL = 'public_version'
/** The listening connection's application_name, so an operator can tell it in pg_stat_activity. */
export const LISTENER_NAME = 'wijkconnect public version'
/** The scope of what every public page may show; every answer depends on it. */
export const PLATFORM_SCOPE = 'platform'

export interface PublicVersionOptions {
  /** How often the stamps are also read in the background (wall time). */
  resyncMs?: number
  /** First wait before reconnecting a lost PostgreSQL listener; doubles up to 30 s. */
  reconnectMs?: number
}

export class PublicVersion {
  /** Each scope's stamp as last heard or read; a scope not here is at 0. */
  readonly #values = new Map<string, bigint>()
  /** The generation at which each scope last changed. */
  readonly #changedAt = new Map<string, number>()
  /** Changes heard by this process: one more for every stamp raised. */
  #generation = 0
  /** The stamps have been read once. */
  #loaded = false
  /** A listener is subscribed: without one, a read value could go stale unnoticed. */
  #listening = false
  #stopped = false
  #resyncTimer: NodeJS.Timeout | undefined
  #resyncing: Promise<boolean> | undefined
  #unlisten: () => Promise<void> = async () => {}
  readonly #db: Db
  readonly #log: Logger
  readonly #resyncMs: number
  readonly #reconnectMs: number

  private constructor(db: Db, log: Logger, opts: PublicVersionOptions) {
    this.#db = db
    this.#log = log
    this.#resyncMs = opts.resyncMs ?? 30_000
    this.#reconnectMs = opts.reconnectMs ?? 1_000
  }

  /** Subscribes to the bumps and reads the stamps once; resolves when they are known. */
  static async start(database: Database, log: Logger, opts: PublicVersionOptions = {}): Promise<PublicVersion> {
    const version = new PublicVersion(database.db, log, opts)
    if (database.pglite) {
      const pglite = database.pglite
      const unlisten = await pglite.listen(PUBLIC_VERSION_CHANNEL, (payload) => version.hear(payload))
      version.#unlisten = () => unlisten()
      version.#listening = true
      await version.resync()
    } else if (database.url) {
      await version.#listenOnPostgres(database.url, version.#reconnectMs)
    } else {
      throw new Error('the public version needs PGlite or a PostgreSQL URL')
    }
    version.#scheduleResync()
    return version
  }

  /** Whether the stamps are known (listening, and read once); when not, nothing may be served from a cache. */
  get known(): boolean {
    return this.#listening && this.#loaded
  }

  /** The count of changes heard so far: what an answer rendered now is tagged with. */
  get generation(): number {
    return this.#generation
  }

  /**
   * A stamp of everything public, or null while unknown: for what is kept while nothing public
   * changed at all (partners' answers, remembered keys and widgets).
   */
  get current(): string | null {
    return this.known ? String(this.#generation) : null
  }

  /**
   * Whether what was rendered at `generation` is still current: nothing in `scopes` nor the
   * platform changed since; with `scopes` undefined (an answer that named none), nothing at all.
   * False while the stamps are unknown.
   */
  unchangedSince(generation: number, scopes: readonly string[] | undefined): boolean {
    if (!this.known) return false
    if (scopes === undefined) return generation === this.#generation
    if ((this.#changedAt.get(PLATFORM_SCOPE) ?? 0) > generation) return false
    return scopes.every((scope) => (this.#changedAt.get(scope) ?? 0) <= generation)
  }

  /** Takes a notification ('<scope> <value>'); anything else is ignored. */
  hear(payload: string | undefined | null): void {
    const match = /^(\S+) (\d+)$/.exec(payload ?? '')
    if (match) this.offer(match[1]!, match[2]!)
  }

  /** Takes a scope's value heard or read; never goes back. */
  offer(scope: string, value: string | number): void {
    const v = BigInt(value)
    const known = this.#values.get(scope) ?? 0n
    if (v <= known) return
    this.#values.set(scope, v)
    this.#generation += 1
    this.#changedAt.set(scope, this.#generation)
  }

  /**
   * Reads every stamp from the database in the background; calls while a read is in flight share
   * it. True when one was newer than what was heard.
   */
  async resync(): Promise<boolean> {
    this.#resyncing ??= (async () => {
      try {
        const rows = await this.#db.select().from(publicVersions)
        return this.#offerAll(rows)
      } finally {
        this.#resyncing = undefined
      }
    })()
    return this.#resyncing
  }

  /**
   * Reads every stamp in a read of its own that starts now. resync() shares a read in flight,
   * which may have started before the caller's own write committed: one that must see that write
   * (a test on PostgreSQL looking at once) needs a read that cannot have begun earlier.
   */
  async confirm(): Promise<void> {
    this.#offerAll(await this.#db.select().from(publicVersions))
  }

  /** Takes every stamp read at once; true when one was newer than what was heard. */
  #offerAll(rows: Array<{ scope: string; value: string | number }>): boolean {
    const before = this.#generation
    for (const row of rows) this.offer(row.scope, row.value)
    this.#loaded = true
    return before !== this.#generation
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#listening = false
    clearTimeout(this.#resyncTimer)
    await this.#resyncing?.catch(() => {})
    await this.#unlisten()
  }

  #scheduleResync(): void {
    if (this.#stopped) return
    this.#resyncTimer = setTimeout(() => {
      this.resync()
        .then((missed) => {
          if (missed && this.#listening) this.#log.warn('public version: a change was read before it was heard')
        })
        .catch((err: unknown) => this.#log.warn({ error: String(err).slice(0, 200) }, 'public version: background read failed'))
        .finally(() => this.#scheduleResync())
    }, this.#resyncMs)
    this.#resyncTimer.unref()
  }

  /**
   * Connects the listening client: LISTEN first, then read the stamps on the same connection, so
   * no bump between the two is missed. Throws only on the very first attempt (start fails).
   */
  async #listenOnPostgres(url: string, retryMs: number, first = true): Promise<void> {
    if (this.#stopped) return
    const client = new pg.Client({ connectionString: url, keepAlive: true, application_name: LISTENER_NAME })
    let lost = false
    let connected = false
    const onLost = (err?: Error) => {
      if (lost) return
      lost = true
      this.#listening = false
      client.removeAllListeners('notification')
      client.end().catch(() => {})
      if (this.#stopped) return
      this.#log.warn({ error: err ? String(err).slice(0, 200) : 'connection ended' }, 'public version: listener lost; page cache paused until it reconnects')
      // A connection that worked starts again from the first wait; failed attempts wait ever longer.
      const wait = connected ? this.#reconnectMs : retryMs
      const timer = setTimeout(() => {
        this.#listenOnPostgres(url, Math.min(wait * 2, 30_000), false).catch(() => {})
      }, wait)
      timer.unref()
    }
    client.on('error', onLost)
    client.on('end', () => onLost())
    client.on('notification', (msg) => {
      if (msg.channel === PUBLIC_VERSION_CHANNEL) this.hear(msg.payload)
    })
    try {
      await client.connect()
      await client.query('LISTEN public_version') // PUBLIC_VERSION_CHANNEL
      const { rows } = await client.query<{ scope: string; value: string }>('select scope, value from public_versions')
      this.#offerAll(rows)
      if (this.#stopped) throw new Error('stopped while connecting')
    } catch (err) {
      if (first) {
        client.removeAllListeners()
        await client.end().catch(() => {})
        throw err
      }
      onLost(err as Error)
      return
    }
    connected = true
    this.#listening = true
    this.#unlisten = async () => {
      lost = true
      this.#listening = false
      client.removeAllListeners()
      client.on('error', () => {})
      await client.end().catch(() => {})
    }
  }
}
