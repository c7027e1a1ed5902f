/**
 * Retention of exports: the ZIP file and its row are deleted 24 hours after the request, when the
 * download link stops working too (expires_at).
 */
import { inArray, lte } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { inBatches } from '../../kernel/retention/retention.js'
import type { Deps } from '../../kernel/context.js'
import { HOUR } from '../../kernel/clock.js'
import { dataExports } from './my-data.tables.js'

/** Deletes the files and rows of exports whose 24 hours are over; returns how many. */
export async function purgeExpiredExports(deps: Pick<Deps, 'db' | 'clock' | 'files'>): Promise<number> {
  const now = deps.clock.now()
  return inBatches(200, async (limit) => {
    const batch = await deps.db.select({ id: dataExports.id, fileKey: dataExports.fileKey }).from(dataExports).where(lte(dataExports.expiresAt, now)).limit(limit)
    // Files first: a row is only gone once its file is.
    for (const row of batch) if (row.fileKey) await deps.files.delete(row.fileKey)
    if (batch.length > 0) await deps.db.delete(dataExports).where(inArray(dataExports.id, batch.map((r) => r.id)))
    return batch.length
  })
}

export const myDataRetentionRules: RetentionRule[] = [
  {
    name: 'exports.expired',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Downloads van "Mijn gegevens" (het ZIP-bestand en de aanvraag)', period: '24 uur na de aanvraag' },
      en: { what: '"My data" downloads (the ZIP file and the request)', period: '24 hours after the request' },
    },
    purge: (deps) => purgeExpiredExports(deps),
  },
]
