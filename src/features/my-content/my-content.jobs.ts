/**
 * Daily owner-side tasks: the Prikbord expiry reminder (three days ahead, once per expiry) and
 * moving the occurrence horizon of recurring activities along, and purging old invitations.
 */
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { DAY, HOUR } from '../../kernel/clock.js'
import { purgeOldInvitations, sendExpiryReminders } from './my-content.service.js'
import { extendRecurringActivities } from '../content/content.recurrence.js'

export function registerMyContentJobs(registry: JobRegistry): void {
  // Hourly rather than daily, so a reminder goes out close to three days before, whatever the start time.
  registry.every({ name: 'my-content.expiry-reminders', everyMs: HOUR, run: async (deps) => void (await sendExpiryReminders(deps)) })
  registry.every({ name: 'my-content.invitations.purge', everyMs: DAY, run: async ({ db, clock }) => void (await purgeOldInvitations(db, clock.now())) })
  registry.every({ name: 'content.occurrences.extend', everyMs: DAY, run: async ({ db, clock }) => void (await extendRecurringActivities(db, clock.now())) })
}
