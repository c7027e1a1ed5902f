/**
 * Retention of the kernel's own tables: expired sessions, rate-limit counters, finished jobs and
 * delivered mail (which may hold a contact-form message).
 */
import { and, lt, inArray, eq, or } from 'drizzle-orm'
import type { RetentionRule } from './retention.js'
import { sessions } from '../auth/sessions.tables.js'
import { SESSION_IDLE_MS } from '../auth/session.js'
import { jobs } from '../jobs/jobs.tables.js'
import { outbox } from '../mail/outbox.tables.js'
import { purgeExpiredRateLimits } from '../http/rate-limit.js'
import { HOUR, DAY, addMs } from '../clock.js'

/** Delivered mail is kept this long (it may hold a contact-form message), then removed. */
export const SENT_MAIL_RETENTION_MS = 30 * DAY
export const FINISHED_JOB_RETENTION_MS = 14 * DAY

export const kernelRetentionRules: RetentionRule[] = [
  {
    name: 'sessions.expired',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Verlopen inlogsessies (apparaat en laatste gebruik)', period: '30 dagen na het inloggen, 14 dagen na het laatste gebruik, of meteen bij uitloggen' },
      en: { what: 'Expired login sessions (device and last use)', period: '30 days after login, 14 days after last use, or at once on logout' },
    },
    purge: async ({ db, clock }) => {
      const now = clock.now()
      const gone = await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, addMs(now, -SESSION_IDLE_MS))))
        .returning({ h: sessions.tokenHash })
      return gone.length
    },
  },
  {
    name: 'rate-limits.expired',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Tellers tegen misbruik (alleen een versleutelde sleutel, geen IP-adres)', period: 'Zodra hun venster voorbij is, hoogstens een dag' },
      en: { what: 'Abuse counters (a keyed hash only, no IP address)', period: 'When their window has passed, at most a day' },
    },
    purge: ({ db, clock }) => purgeExpiredRateLimits(db, clock.now()),
  },
  {
    name: 'mail.sent',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Verstuurde e-mail, waaronder berichten via contactformulieren', period: '30 dagen na verzending' },
      en: { what: 'Sent mail, including messages sent through contact forms', period: '30 days after sending' },
    },
    purge: async ({ db, clock }) =>
      (
        await db
          .delete(outbox)
          .where(and(eq(outbox.status, 'sent'), lt(outbox.sentAt, addMs(clock.now(), -SENT_MAIL_RETENTION_MS))))
          .returning({ id: outbox.id })
      ).length,
  },
  {
    name: 'jobs.finished',
    everyMs: HOUR,
    describe: {
      nl: { what: 'Afgeronde achtergrondtaken (alleen id’s, geen persoonsgegevens)', period: '14 dagen na afronding' },
      en: { what: 'Finished background jobs (ids only, no personal data)', period: '14 days after finishing' },
    },
    purge: async ({ db, clock }) =>
      (
        await db
          .delete(jobs)
          .where(and(inArray(jobs.status, ['done', 'dead']), lt(jobs.finishedAt, addMs(clock.now(), -FINISHED_JOB_RETENTION_MS))))
          .returning({ id: jobs.id })
      ).length,
  },
]
