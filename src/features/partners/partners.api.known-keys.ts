/**
 * Presented API keys, remembered with their agreement and scope while nothing about partners can
 * have changed. Every change to a partner, its scope or its keys moves the public version
 * (migrations 0018 and 0020), and a remembered key is used only under the version it was read at,
 * and for at most a minute: revoking a key or suspending an agreement takes effect as soon as this
 * process hears of the commit, as the page cache does. Dates are judged on every request
 * (`judgeKey`), so an agreement still lapses at midnight. Unknown keys are not remembered: a flood
 * of made-up keys cannot push real ones out.
 */
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { loadKey, type KeyRecord } from './partners.access.js'

interface Known {
  version: string
  storedAt: number
  record: KeyRecord
}

export class KnownKeys {
  readonly #entries = new Map<string, Known>()

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 60_000,
  ) {}

  /** The key's record, from memory when still valid under `version`, else from the database. */
  async record(db: Db, token: string, version: string | null, now: number): Promise<KeyRecord | null> {
    const id = hashToken(token)
    const known = this.#entries.get(id)
    if (version !== null && known && known.version === version && now >= known.storedAt && now - known.storedAt < this.ttlMs) return known.record
    const record = await loadKey(db, token)
    if (version === null || !record) {
      this.#entries.delete(id)
      return record
    }
    this.#entries.delete(id)
    this.#entries.set(id, { version, storedAt: now, record })
    // Oldest first out.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break
      this.#entries.delete(oldest)
    }
    return record
  }
}
