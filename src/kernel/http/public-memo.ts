/**
 * Public rows that every page of a wijk reads (the wijk itself, its themes, its links), kept in
 * memory while none of the scopes they come from changed (decisions/023). The page cache keeps
 * whole pages, one per address; a city's visitors ask for thousands of addresses, and each miss
 * read the same few rows again (4 of the 13 queries of a wijk home).
 *
 * A remembered value is used only while the public version stamps are known and neither its
 * scopes nor 'platform' changed since it was read: the same rule as a cached page, so a row is
 * never older than a page that shows it would be. Tagged with the generation known before the
 * read, so a change during the read makes the value outdated at once.
 *
 * A value also lasts at most `ttlMs` of business time (the clock), as a cached page does: what
 * changes with time alone (an item that expires, a package's period that ends) is then no older
 * than the page that shows it would be, also when a test moves the clock.
 *
 * Callers must not change what they get: one value is handed to every request.
 */
import type { PublicMemo } from '../context.js'
import { systemClock, type Clock } from '../clock.js'
import type { PublicVersion } from './public-version.js'

interface Remembered {
  generation: number
  scopes: readonly string[]
  storedAt: number
  value: unknown
}

export interface ScopedMemoOptions {
  maxEntries?: number
  /** Business time a value may be kept at most, whatever the stamps say. */
  ttlMs?: number
  /** Business time (deps.clock). */
  clock?: Clock
  /** Read the stamps afresh before each use: tests on PostgreSQL (see PageCacheOptions). */
  confirmEachRead?: boolean
}

export class ScopedMemo implements PublicMemo {
  readonly #entries = new Map<string, Remembered>()
  readonly #version: PublicVersion
  readonly #maxEntries: number
  readonly #ttlMs: number
  readonly #confirmEachRead: boolean
  readonly #clock: Clock

  constructor(version: PublicVersion, opts: ScopedMemoOptions = {}) {
    this.#version = version
    this.#maxEntries = opts.maxEntries ?? 2_000
    this.#ttlMs = opts.ttlMs ?? 60_000
    this.#confirmEachRead = opts.confirmEachRead ?? false
    this.#clock = opts.clock ?? systemClock
  }

  async remember<T>(key: string, scopes: readonly string[], load: () => Promise<T>): Promise<T> {
    if (this.#confirmEachRead) await this.#version.confirm()
    if (!this.#version.known) return load()
    const now = this.#clock.now().getTime()
    const kept = this.#entries.get(key)
    const age = kept ? now - kept.storedAt : -1
    // A clock set back (a test, a corrected system clock) makes every kept value suspect.
    if (kept && age >= 0 && age < this.#ttlMs && this.#version.unchangedSince(kept.generation, kept.scopes)) return kept.value as T
    const generation = this.#version.generation
    const value = await load()
    // Nothing found is not kept: made-up keys must not push real ones out.
    if (value === null || value === undefined) return value
    this.#entries.delete(key)
    this.#entries.set(key, { generation, scopes, storedAt: now, value })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#entries.delete(oldest)
    }
    return value
  }
}
