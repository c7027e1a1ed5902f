/**
 * The public version stamp (app_meta 'public_version', bumped by triggers on every table the
 * public pages read) kept in memory, so the page cache can decide a hit without asking the
 * database: a visitor never waits behind a job's transaction (decisions/008).
 *
 * The bump trigger calls pg_notify('public_version', <new value>), delivered at commit:
 * - PostgreSQL: one dedicated connection LISTENs (not one of the pool, whose connections are
 *   busy with requests and jobs). When it drops, the version is unknown (the cache serves nothing)
 *   until it has reconnected, listened again and read the stamp.
 * - PGlite: its own listen(); it runs the callbacks before the committing query returns.
 * A background read every `resyncMs` catches a listener that went silent without an error; it
 * runs off the request path, so it may wait behind a job without anybody noticing.
 * The value only ever grows: a slow read must not take back a newer notification, or an entry
 * stored under the newer value could be served after the change it missed.
 */
import pg from 'pg'
import { eq } from 'drizzle-orm'
import type { Database, Db } from '../db/client.js'
import type { Logger } from '../log.js'
import { appMeta } from '../audit/audit.tables.js'

export const PUBLIC_VERSION_CHANNEL = 'public_version'
/** The listening connection's application_name, so an operator can tell it in pg_stat_activity. */
export const LISTENER_NAME = 'wijkconnect public version'

export interface PublicVersionOptions {
  /** How often the stamp is also read in the background (wall time). */
  resyncMs?: number
  /** First wait before reconnecting a lost PostgreSQL listener; doubles up to 30 s. */
  reconnectMs?: number
}

export class PublicVersion {
  #value: bigint | null = null
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

  /** Subscribes to the bumps and reads the stamp once; resolves when the value is known. */
  static async start(database: Database, log: Logger, opts: PublicVersionOptions = {}): Promise<PublicVersion> {
    const version = new PublicVersion(database.db, log, opts)
    if (database.pglite) {
      const pglite = database.pglite
      const unlisten = await pglite.listen(PUBLIC_VERSION_CHANNEL, (payload) => version.offer(payload))
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

  /** The current stamp, or null while it is unknown (then nothing may be served from a cache). */
  get current(): string | null {
    return this.#listening && this.#value !== null ? this.#value.toString() : null
  }

  /** Takes a value heard or read; never goes back. */
  offer(value: string | undefined | null): void {
    if (!value || !/^\d+$/.test(value)) return
    const v = BigInt(value)
    if (this.#value === null || v > this.#value) this.#value = v
  }

  /**
   * Reads the stamp from the database (in the background, and for tests that must see their own
   * write at once). True when it was newer than what was heard.
   */
  async resync(): Promise<boolean> {
    this.#resyncing ??= (async () => {
      try {
        const [row] = await this.#db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, 'public_version'))
        const before = this.#value
        this.offer(row?.value ?? '0')
        return before !== this.#value
      } finally {
        this.#resyncing = undefined
      }
    })()
    return this.#resyncing
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
   * Connects the listening client: LISTEN first, then read the stamp on the same connection, so
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
      if (msg.channel === PUBLIC_VERSION_CHANNEL) this.offer(msg.payload)
    })
    try {
      await client.connect()
      await client.query('LISTEN public_version') // PUBLIC_VERSION_CHANNEL
      const { rows } = await client.query<{ value: string }>("select value from app_meta where key = 'public_version'")
      this.offer(rows[0]?.value ?? '0')
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
