/**
 * Presented API keys, remembered with their agreement and scope while nothing about partners can
 * have changed. Every change to a partner, its scope or its keys moves the public version
 * (migrations 0018 and 0020), and a remembered key is used only under the version it was read at,
 * and for at most a minute (`VersionedMemo`): revoking a key or suspending an agreement takes
 * effect as soon as this process hears of the commit, as the page cache does. Dates are judged on
 * every request (`judgeKey`), so an agreement still lapses at midnight.
 */
import type { Db } from '../../kernel/db/client.js'
import { hashToken } from '../../kernel/auth/tokens.js'
import { VersionedMemo } from '../../kernel/http/versioned-memo.js'
import { loadKey, type KeyRecord } from './partners.access.js'

export class KnownKeys {
  readonly #memo: VersionedMemo<KeyRecord>

  constructor(maxEntries = 10_000, ttlMs = 60_000) {
    this.#memo = new VersionedMemo(maxEntries, ttlMs)
  }

  /** The key's record, from memory when still valid under `version`, else from the database. */
  record(db: Db, token: string, version: string | null, now: number): Promise<KeyRecord | null> {
    return this.#memo.get(hashToken(token), version, now, () => loadKey(db, token))
  }
}
