/**
 * Owner-side tasks: the Prikbord expiry reminder (three days ahead, once per expiry) and moving
 * the occurrence horizon of recurring activities along. Old invitations have a retention rule.
 */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY, HOUR } from '../../kernel/clock.js'
import { purgeOldInvitations, sendExpiryReminders } from './my-content.service.js'
import { extendRecurringActivities } from '../content/content.recurrence.js'

export function registerMyContentJobs(registry: JobRegistry): void {
  // Hourly rather than daily, so a reminder goes out close to three days before, whatever the start time.
  registry.every({ name: 'my-content.expiry-reminders', everyMs: HOUR, run: async (deps) => void (await sendExpiryReminders(deps)) })
  registry.every({ name: 'content.occurrences.extend', everyMs: DAY, run: async ({ db, clock }) => void (await extendRecurringActivities(db, clock.now())) })
}

export const myContentRetentionRules: RetentionRule[] = [
  {
    name: 'content.invitations',
    everyMs: DAY,
    describe: {
      nl: { what: 'Uitnodigingen om mee te beheren (met het e-mailadres van de genodigde)', period: '30 dagen nadat de uitnodiging verliep, gebruikt of ingetrokken werd' },
      en: { what: 'Invitations to co-manage (with the invitee’s email address)', period: '30 days after the invitation expired, was used or was cancelled' },
    },
    purge: ({ db, clock }) => purgeOldInvitations(db, clock.now()),
  },
]
