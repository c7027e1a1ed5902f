/**
 * Retention of the kernel's own tables: expired sessions, rate-limit counters, finished jobs and
 * delivered mail. Each rule runs on a schedule and removes in batches.
 */
import { and, lt, inArray, eq } from 'drizzle-orm'
import type { JobRegistry } from './jobs/registry.js'
import { sessions } from './auth/sessions.tables.js'
import { jobs } from './jobs/jobs.tables.js'
import { outbox } from './mail/outbox.tables.js'
import { purgeExpiredRateLimits } from './http/rate-limit.js'
import { HOUR, DAY, addMs } from './clock.js'

/** Delivered mail is kept this long (it may hold a contact-form message), then removed. */
export const SENT_MAIL_RETENTION_MS = 30 * DAY
export const FINISHED_JOB_RETENTION_MS = 14 * DAY

export function registerKernelRetention(registry: JobRegistry): void {
  registry.every({
    name: 'retention.kernel',
    everyMs: HOUR,
    run: async ({ db, clock }) => {
      const now = clock.now()
      await db.delete(sessions).where(lt(sessions.expiresAt, now))
      await purgeExpiredRateLimits(db, now)
      await db.delete(jobs).where(and(inArray(jobs.status, ['done', 'dead']), lt(jobs.finishedAt, addMs(now, -FINISHED_JOB_RETENTION_MS))))
      await db.delete(outbox).where(and(eq(outbox.status, 'sent'), lt(outbox.sentAt, addMs(now, -SENT_MAIL_RETENTION_MS))))
    },
  })
}
