/** The job that mails a wijk team's broadcast (see broadcast.service.ts). */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { BROADCAST_JOB, runBroadcast } from './broadcast.service.js'

export function registerBroadcastJobs(registry: JobRegistry): void {
  registry.define({
    type: BROADCAST_JOB,
    handle: async ({ deps, jobId }, payload) => {
      const broadcastId = Number(payload.broadcastId)
      if (Number.isInteger(broadcastId)) await runBroadcast(deps, jobId, broadcastId)
    },
  })
}
