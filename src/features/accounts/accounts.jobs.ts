/**
 * Recurring account tasks. Link tokens are kept one day past their expiry or use (so a link
 * opened again can still say "already used"), then deleted in batches.
 */
import { inArray, lt, or } from 'drizzle-orm'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import type { Db } from '../../kernel/db/client.js'
import { accountTokens } from './accounts.tables.js'
import { DAY, HOUR, addMs } from '../../kernel/clock.js'

export const TOKEN_RETENTION_MS = DAY
const BATCH = 500

/** Deletes spent and expired link tokens older than the retention period; returns how many. */
export async function purgeAccountTokens(db: Db, now: Date): Promise<number> {
  const before = addMs(now, -TOKEN_RETENTION_MS)
  let total = 0
  for (;;) {
    const batch = await db
      .select({ tokenHash: accountTokens.tokenHash })
      .from(accountTokens)
      .where(or(lt(accountTokens.expiresAt, before), lt(accountTokens.usedAt, before)))
      .limit(BATCH)
    if (batch.length === 0) return total
    await db.delete(accountTokens).where(inArray(accountTokens.tokenHash, batch.map((r) => r.tokenHash)))
    total += batch.length
    if (batch.length < BATCH) return total
  }
}

export function registerAccountJobs(registry: JobRegistry): void {
  registry.every({
    name: 'accounts.tokens.purge',
    everyMs: HOUR,
    run: async ({ db, clock }) => {
      await purgeAccountTokens(db, clock.now())
    },
  })
}
