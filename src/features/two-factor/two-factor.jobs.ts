/**
 * The one reminder mail during a grace period: sent by an hourly schedule to each person whose
 * role needs a second factor they have not set up, once their grace period has three days or
 * fewer left (or is already over). second_factor_reminders keeps it to one per person.
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { JobRegistry } from '../../kernel/jobs/registry.js'
import { DAY, HOUR } from '../../kernel/clock.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { users } from '../accounts/accounts.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { secondFactorReminders } from './two-factor.tables.js'
import { daysLeft, graceEnd, hasSecondFactor, requirementSince } from './two-factor.requirement.js'
import { graceReminderMail } from './two-factor.emails.js'

export const REMIND_WITHIN_MS = 3 * DAY

export async function sendGraceReminders(deps: Deps): Promise<number> {
  const { db, clock, config } = deps
  if (config.secondFactor.requiredFor === 'nobody') return 0
  const now = clock.now()
  const since = await requirementSince(db)
  const held = await db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, wijkId: roleAssignments.wijkId, appointedAt: roleAssignments.createdAt, email: users.email, firstName: users.firstName, lang: users.lang })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.status, 'active')))
    .leftJoin(secondFactorReminders, eq(secondFactorReminders.userId, roleAssignments.userId))
    .where(isNull(secondFactorReminders.userId))
  const earliest = new Map<string, { end: Date; person: (typeof held)[number] }>()
  for (const h of held) {
    const end = graceEnd(config, h, since)
    if (end === null) continue
    const known = earliest.get(h.userId)
    if (!known || end < known.end) earliest.set(h.userId, { end, person: h })
  }
  let sent = 0
  for (const [userId, { end, person }] of earliest) {
    if (end.getTime() - now.getTime() > REMIND_WITHIN_MS) continue
    if (await hasSecondFactor(db, userId)) continue
    const days = daysLeft(end, now)
    await db.transaction(async (tx) => {
      const [first] = await tx.insert(secondFactorReminders).values({ userId, sentAt: now, daysLeft: days }).onConflictDoNothing().returning({ u: secondFactorReminders.userId })
      if (!first) return
      await queueMail(tx, now, { key: `two-factor.reminder:${userId}`, to: person.email, userId, ...graceReminderMail(config, person, days) })
      sent++
    })
  }
  if (sent > 0) deps.wakeJobs()
  return sent
}

export function registerTwoFactorJobs(registry: JobRegistry): void {
  registry.every({ name: 'two-factor.grace-reminders', everyMs: HOUR, run: async (deps) => void (await sendGraceReminders(deps)) })
}
