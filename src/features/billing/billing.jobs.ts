/**
 * Billing's recurring work: the invoicing run (billing.invoicing.ts) every hour, so a period that
 * starts at midnight is invoiced early that morning, and at once after an approval (the job
 * approveApplication queues), so the first invoice does not wait for the hour; and the reminders
 * of unpaid transfer invoices (billing.reminders.ts), also hourly, for the same reason.
 */
import { z } from 'zod'
import { HOUR } from '../../kernel/clock.js'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { INVOICING_JOB, runInvoicing } from './billing.invoicing.js'
import { sendReminders } from './billing.reminders.js'

export function registerBillingJobs(registry: JobRegistry): void {
  registry.define({ type: INVOICING_JOB, payload: z.object({}), handle: async ({ deps }) => void (await runInvoicing(deps)) })
  registry.every({ name: 'billing.invoicing', everyMs: HOUR, run: async (deps) => void (await runInvoicing(deps)) })
  registry.every({ name: 'billing.reminders', everyMs: HOUR, run: async (deps) => void (await sendReminders(deps)) })
}
