/** The job that mails a newsletter to its subscribers (see newsletter.send.ts). */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { runSending, SEND_JOB } from './newsletter.send.js'

export function registerNewsletterJobs(registry: JobRegistry): void {
  registry.define({
    type: SEND_JOB,
    handle: async ({ deps, jobId }, payload) => {
      const newsletterId = Number(payload.newsletterId)
      if (Number.isInteger(newsletterId)) await runSending(deps, jobId, newsletterId)
    },
  })
}
