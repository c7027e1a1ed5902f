/**
 * Rows remembered while nothing public can have changed: a remembered value is used only under
 * the public version it was read at (the page cache's stamp, pushed at every commit that bumps it)
 * and for at most `ttlMs` of business time. The caller's table must move the public version on
 * every change that matters (a trigger), or a remembered row would outlive it.
 *
 * Misses (a load that finds nothing) are not remembered, so a flood of made-up keys cannot push
 * real ones out; with more than `maxEntries` the oldest go first.
 */
interface Remembered<T> {
  version: string
  storedAt: number
  value: T
}

export class VersionedMemo<T> {
  readonly #entries = new Map<string, Remembered<T>>()

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 60_000,
  ) {}

  /** The value for `key`: from memory while valid under `version`, else from `load`. */
  async get(key: string, version: string | null, now: number, load: () => Promise<T | null>): Promise<T | null> {
    const known = this.#entries.get(key)
    if (version !== null && known && known.version === version && now >= known.storedAt && now - known.storedAt < this.ttlMs) return known.value
    const value = await load()
    this.#entries.delete(key)
    if (version === null || value === null) return value
    this.#entries.set(key, { version, storedAt: now, value })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break
      this.#entries.delete(oldest)
    }
    return value
  }
}
