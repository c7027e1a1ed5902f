/** The import job (see wijk-import.service.ts). */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { isLang } from '../../kernel/i18n/i18n.js'
import { IMPORT_JOB, markImportFailed, runImport, safeFailure } from './wijk-import.service.js'

export function registerWijkImportJobs(registry: JobRegistry): void {
  registry.define({
    type: IMPORT_JOB,
    // The language only words the failure messages: an unknown one falls back to Dutch.
    payload: z.object({ batchId: z.guid(), lang: z.unknown().transform((v) => (isLang(v) ? v : 'nl')) }),
    handle: async ({ deps, jobId, attempt, maxAttempts }, { batchId, lang }) => {
      try {
        await runImport(deps, jobId, batchId, lang)
      } catch (err) {
        // After the last try the batch page says it failed (and offers to try again) instead of "bezig" forever.
        if (attempt >= maxAttempts) await markImportFailed(deps, batchId, safeFailure(err))
        throw err
      }
    },
  })
}
