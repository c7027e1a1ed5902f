/** The import job (see wijk-import.service.ts). */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { isLang } from '../../kernel/i18n/i18n.js'
import { IMPORT_JOB, runImport } from './wijk-import.service.js'

export function registerWijkImportJobs(registry: JobRegistry): void {
  registry.define({
    type: IMPORT_JOB,
    handle: async ({ deps, jobId }, payload) => {
      const batchId = typeof payload.batchId === 'string' ? payload.batchId : null
      if (batchId) await runImport(deps, jobId, batchId, isLang(payload.lang) ? payload.lang : 'nl')
    },
  })
}
