/** The job that mails a newsletter to its subscribers (see newsletter.send.ts). */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { runSending, SEND_JOB } from './newsletter.send.js'

export function registerNewsletterJobs(registry: JobRegistry): void {
  registry.define({
    type: SEND_JOB,
    payload: z.object({ newsletterId: z.number().int().positive() }),
    handle: ({ deps, jobId }, payload) => runSending(deps, jobId, payload.newsletterId),
  })
}
