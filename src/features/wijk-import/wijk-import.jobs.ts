/** The import job (see wijk-import.service.ts). */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { isLang } from '../../kernel/i18n/i18n.js'
import { IMPORT_JOB, markImportFailed, runImport, safeFailure } from './wijk-import.service.js'

export function registerWijkImportJobs(registry: JobRegistry): void {
  registry.define({
    type: IMPORT_JOB,
    handle: async ({ deps, jobId, attempt, maxAttempts }, payload) => {
      const batchId = typeof payload.batchId === 'string' ? payload.batchId : null
      if (!batchId) return
      try {
        await runImport(deps, jobId, batchId, isLang(payload.lang) ? payload.lang : 'nl')
      } catch (err) {
        // After the last try the batch page says it failed (and offers to try again) instead of "bezig" forever.
        if (attempt >= maxAttempts) await markImportFailed(deps, batchId, safeFailure(err))
        throw err
      }
    },
  })
}
