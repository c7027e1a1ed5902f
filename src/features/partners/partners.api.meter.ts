/**
 * Per-key rate limits and use counts, kept in memory so an API request costs no database write.
 * Measured before: three writes per request to the same rows (the rate-limit counter, the day's
 * use, last used) serialised every request of a key behind the others' commits, 44–133 req/s on
 * PostgreSQL. Now: the limit is a fixed one-minute window per key in this process, and the day's
 * counts and the last use are written every ten seconds and when the platform stops, one upsert
 * per key (as the page-view counter does, features/statistics). Two processes would each allow
 * the limit (ADR 015); a crash loses at most ten seconds of counts, never access decisions.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Logger } from '../../kernel/log.js'
import { MINUTE } from '../../kernel/clock.js'
import { partnerKeys, partnerKeyUse } from './partners.tables.js'

interface Window {
  startedAt: number
  count: number
}

interface Use {
  keyId: number
  day: string
  requests: number
  lastUsedAt: Date
}

export interface MeterResult {
  allowed: boolean
  retryAfterSeconds: number
}

export class KeyMeter {
  #windows = new Map<number, Window>()
  #uses = new Map<string, Use>()
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly everyMs = 10_000,
  ) {}

  /** Counts one request of a key against its limit per minute. */
  hit(keyId: number, perMinute: number, now: Date): MeterResult {
    const t = now.getTime()
    let w = this.#windows.get(keyId)
    if (!w || t - w.startedAt >= MINUTE || t < w.startedAt) {
      w = { startedAt: t, count: 0 }
      this.#windows.set(keyId, w)
    }
    w.count++
    return { allowed: w.count <= perMinute, retryAfterSeconds: Math.max(1, Math.ceil((w.startedAt + MINUTE - t) / 1000)) }
  }

  /** One request of a key on a day (YYYY-MM-DD): added up until the next flush. */
  count(keyId: number, day: string, now: Date): void {
    const id = `${keyId}|${day}`
    const use = this.#uses.get(id)
    if (use) {
      use.requests++
      use.lastUsedAt = now
    } else this.#uses.set(id, { keyId, day, requests: 1, lastUsedAt: now })
  }

  /** Writes the counted use; flushes never overlap. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.catch(() => undefined).then(() => this.#write())
    return this.#flushing
  }

  async #write(): Promise<void> {
    if (this.#uses.size === 0) return
    const batch = [...this.#uses.values()]
    this.#uses = new Map()
    // Windows of keys not seen for a minute are over: forget them, so the map stays small.
    const stale = Date.now() - 2 * MINUTE
    for (const [keyId, w] of this.#windows) if (w.startedAt < stale) this.#windows.delete(keyId)
    try {
      await this.db.transaction(async (tx) => {
        for (const u of batch) {
          await tx
            .insert(partnerKeyUse)
            .values({ keyId: u.keyId, day: u.day, requests: u.requests })
            .onConflictDoUpdate({ target: [partnerKeyUse.keyId, partnerKeyUse.day], set: { requests: sql`${partnerKeyUse.requests} + excluded.requests` } })
          await tx
            .update(partnerKeys)
            .set({ lastUsedAt: sql`greatest(${partnerKeys.lastUsedAt}, ${u.lastUsedAt})` })
            .where(eq(partnerKeys.id, u.keyId))
        }
      })
    } catch (err) {
      // A key deleted meanwhile (its partner removed) fails the foreign key: drop those counts
      // rather than retry forever; anything else is kept for the next attempt.
      this.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'partner key use flush failed')
      if ((err as { code?: string }).code !== '23503') for (const u of batch) this.#merge(u)
    }
  }

  #merge(u: Use): void {
    const id = `${u.keyId}|${u.day}`
    const held = this.#uses.get(id)
    if (!held) this.#uses.set(id, u)
    else {
      held.requests += u.requests
      if (u.lastUsedAt > held.lastUsedAt) held.lastUsedAt = u.lastUsedAt
    }
  }

  start(): void {
    this.#timer = setInterval(() => void this.flush(), this.everyMs)
    this.#timer.unref()
  }

  /** Stops the timer and writes what is left (call before the database closes). */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = undefined
    await this.flush()
  }
}
