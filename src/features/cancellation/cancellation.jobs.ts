/**
 * The erase job (enqueued by every cancellation) and the two retention rules of P24 and P26:
 * an hourly safety net that erases any cancelled account its job has not, and the daily
 * destruction of archives past their five years.
 */
import { z } from 'zod'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY, HOUR, MINUTE } from '../../kernel/clock.js'
import { ERASE_JOB, eraseAccount, eraseOverdueAccounts, purgeExpiredArchives } from './cancellation.service.js'

export function registerCancellationJobs(registry: JobRegistry): void {
  registry.define({
    type: ERASE_JOB,
    // Archiving reads every image of the account; give it room before another process may retry.
    leaseMs: 15 * MINUTE,
    payload: z.object({ userId: z.guid() }),
    handle: async ({ deps }, payload) => {
      await eraseAccount(deps, payload.userId)
    },
  })
}

export const cancellationRetentionRules: RetentionRule[] = [
  {
    name: 'accounts.cancelled',
    everyMs: HOUR,
    describe: {
      nl: {
        what: 'Opgezegde accounts met hun content, afbeeldingen, sessies en inschrijvingen (eerst versleuteld gearchiveerd)',
        period: 'Meteen na het opzeggen door een taak; dit uurlijkse vangnet wist elk opgezegd account dat na een uur nog bestaat, ruim binnen 48 uur',
      },
      en: {
        what: 'Cancelled accounts with their content, images, sessions and subscriptions (archived encrypted first)',
        period: 'Straight after cancellation by a job; this hourly safety net erases any cancelled account still present after an hour, well within 48 hours',
      },
    },
    purge: (deps) => eraseOverdueAccounts(deps),
  },
  {
    name: 'archive.expired',
    everyMs: DAY,
    describe: {
      nl: { what: 'Versleutelde kopieën van opgezegde accounts, alleen bewaard om een account op verzoek terug te zetten', period: '5 jaar na het opzeggen' },
      en: { what: 'Encrypted copies of cancelled accounts, kept only to restore an account on request', period: '5 years after cancellation' },
    },
    purge: (deps) => purgeExpiredArchives(deps),
  },
]
