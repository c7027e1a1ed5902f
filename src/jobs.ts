/**
 * The place to read what jobs and recurring tasks exist. Each feature registers its own.
 */
import { JobRegistry } from './kernel/jobs/registry.js'
import { registerScheduleRunner } from './kernel/jobs/runner.js'
import { registerMailDelivery } from './kernel/mail/deliver.js'
import type { MailTransport } from './kernel/mail/transport.js'
import { registerEmbeddedUpkeep } from './kernel/db/upkeep.js'
import { registerRetentionRules } from './kernel/retention/retention.js'
import { RETENTION_RULES } from './retention.js'
import { registerAccountJobs } from './features/accounts/accounts.jobs.js'
import { registerMyContentJobs } from './features/my-content/my-content.jobs.js'
import { registerBreachJobs } from './features/breaches/breaches.jobs.js'
import { registerCancellationJobs } from './features/cancellation/cancellation.jobs.js'
import { registerMyDataJobs } from './features/my-data/my-data.jobs.js'
import { registerAlertJobs } from './features/alerts/alerts.jobs.js'
import { registerWijkImportJobs } from './features/wijk-import/wijk-import.jobs.js'
import { registerBroadcastJobs } from './features/broadcast/broadcast.jobs.js'
import { registerNewsletterJobs } from './features/newsletter/newsletter.jobs.js'
import { registerTwoFactorJobs } from './features/two-factor/two-factor.jobs.js'
import { registerBillingJobs } from './features/billing/billing.jobs.js'

/** `mailDeliveryLeaseMs`: the configured lease of a mail delivery (Config.mailDeliveryLeaseMs); a minute without it. */
export function buildJobRegistry(transport: () => MailTransport, options: { mailDeliveryLeaseMs?: number } = {}): JobRegistry {
  const registry = new JobRegistry()
  registerScheduleRunner(registry)
  registerMailDelivery(registry, transport, options.mailDeliveryLeaseMs)
  registerEmbeddedUpkeep(registry)
  registerRetentionRules(registry, RETENTION_RULES)
  registerAccountJobs(registry)
  registerMyContentJobs(registry)
  registerBreachJobs(registry)
  registerCancellationJobs(registry)
  registerMyDataJobs(registry)
  registerAlertJobs(registry)
  registerWijkImportJobs(registry)
  registerBroadcastJobs(registry)
  registerNewsletterJobs(registry)
  registerTwoFactorJobs(registry)
  registerBillingJobs(registry)
  return registry
}
