/** The job that mails account holders about a breach (see breaches.service.ts). */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { NOTIFY_JOB, runNotification } from './breaches.service.js'

export function registerBreachJobs(registry: JobRegistry): void {
  registry.define({
    type: NOTIFY_JOB,
    payload: z.object({ breachId: z.number().int().positive() }),
    handle: ({ deps, jobId }, payload) => runNotification(deps, jobId, payload.breachId),
  })
}
