/**
 * The place to read what jobs and recurring tasks exist. Each feature registers its own.
 */
import { JobRegistry } from './kernel/jobs/registry.js'
import { registerScheduleRunner } from './kernel/jobs/runner.js'
import { registerMailDelivery } from './kernel/mail/deliver.js'
import type { MailTransport } from './kernel/mail/transport.js'
import { registerKernelRetention } from './kernel/retention.js'
import { registerAccountJobs } from './features/accounts/accounts.jobs.js'
import { registerMyContentJobs } from './features/my-content/my-content.jobs.js'

export function buildJobRegistry(transport: () => MailTransport): JobRegistry {
  const registry = new JobRegistry()
  registerScheduleRunner(registry)
  registerMailDelivery(registry, transport)
  registerKernelRetention(registry)
  registerAccountJobs(registry)
  registerMyContentJobs(registry)
  return registry
}
