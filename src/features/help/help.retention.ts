/**
 * How long support requests are kept: a closed request is deleted one year after it was closed
 * (long enough to look back when the same question returns); open requests stay until handled.
 */
import { and, eq, lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY, addMs } from '../../kernel/clock.js'
import { supportRequests } from './help.tables.js'

export const SUPPORT_REQUEST_RETENTION_MS = 365 * DAY

export const helpRetentionRules: RetentionRule[] = [
  {
    name: 'support.closed',
    everyMs: DAY,
    describe: {
      nl: { what: 'Hulpvragen, meldingen over inhoud en opzegverzoeken (tekst, antwoord, wie vroeg)', period: 'Een jaar nadat de vraag gesloten is; open vragen blijven tot ze behandeld zijn' },
      en: { what: 'Help requests, content reports and cancellation requests (text, answer, who asked)', period: 'One year after the request was closed; open requests stay until handled' },
    },
    purge: async ({ db, clock }) =>
      (
        await db
          .delete(supportRequests)
          .where(and(eq(supportRequests.status, 'closed'), lt(supportRequests.closedAt, addMs(clock.now(), -SUPPORT_REQUEST_RETENTION_MS))))
          .returning({ id: supportRequests.id })
      ).length,
  },
]
