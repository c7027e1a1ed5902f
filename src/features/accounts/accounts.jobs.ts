/** Jobs of the accounts feature: sending a mailed link that was asked for. */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { MAIL_LINK_JOB, handleMailLinkRequest } from './accounts.service.js'

export function registerAccountJobs(registry: JobRegistry): void {
  registry.define({
    type: MAIL_LINK_JOB,
    handle: ({ deps }, payload) => handleMailLinkRequest(deps, Number(payload.requestId)),
  })
}
