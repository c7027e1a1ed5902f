/**
 * The export job ("Download mijn gegevens", P23). Its files and rows are deleted 24 hours after
 * the request by the retention rule in my-data.retention.ts.
 */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { HOUR } from '../../kernel/clock.js'
import { buildExport, markExportFailed } from './my-data.export.js'

/** A public contract: queued rows carry this name across deploys. */
export const EXPORT_JOB = 'my-data.export'
export const EXPORT_JOB_ATTEMPTS = 3
/** How long a download link works, counted from the request. */
export const EXPORT_LIFETIME_MS = 24 * HOUR

export function registerMyDataJobs(registry: JobRegistry): void {
  registry.define({
    type: EXPORT_JOB,
    payload: z.object({ exportId: z.guid() }),
    handle: async ({ deps, attempt }, { exportId }) => {
      try {
        await buildExport(deps, exportId)
      } catch (err) {
        // After the last try the page says it failed (and offers a new one) instead of "busy" forever.
        if (attempt >= EXPORT_JOB_ATTEMPTS) await markExportFailed(deps, exportId)
        throw err
      }
    },
  })
}
