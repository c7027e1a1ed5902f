/** Jobs of the accounts feature: sending a mailed link that was asked for. */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { MAIL_LINK_JOB, handleMailLinkRequest } from './accounts.service.js'

export function registerAccountJobs(registry: JobRegistry): void {
  registry.define({
    type: MAIL_LINK_JOB,
    payload: z.object({ requestId: z.number().int().positive() }),
    handle: ({ deps }, payload) => handleMailLinkRequest(deps, payload.requestId),
  })
}
