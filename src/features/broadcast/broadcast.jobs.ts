/** The job that mails a wijk team's broadcast (see broadcast.service.ts). */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { BROADCAST_JOB, runBroadcast } from './broadcast.service.js'

export function registerBroadcastJobs(registry: JobRegistry): void {
  registry.define({
    type: BROADCAST_JOB,
    payload: z.object({ broadcastId: z.number().int().positive() }),
    handle: ({ deps, jobId }, payload) => runBroadcast(deps, jobId, payload.broadcastId),
  })
}
