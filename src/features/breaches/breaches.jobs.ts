/** The job that mails account holders about a breach (see breaches.service.ts). */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { NOTIFY_JOB, runNotification } from './breaches.service.js'

export function registerBreachJobs(registry: JobRegistry): void {
  registry.define({
    type: NOTIFY_JOB,
    handle: async ({ deps, jobId }, payload) => {
      const breachId = Number(payload.breachId)
      if (Number.isInteger(breachId)) await runNotification(deps, jobId, breachId)
    },
  })
}
