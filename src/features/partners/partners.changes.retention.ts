/**
 * How long the change log behind /api/v1/changes is kept. It holds ids and times only, no personal
 * data, but it grows with every edit: 90 days is far beyond the daily sync the agreement asks of
 * a partner. A partner whose cursor is older is told to start over (410), never given a feed
 * with a silent hole in it.
 */
import { lt } from 'drizzle-orm'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { addMs, DAY } from '../../kernel/clock.js'
import { contentChanges } from './partners.tables.js'

export const CHANGES_KEPT_DAYS = 90

/** The oldest moment the change log still covers completely. */
export function changesKeptSince(now: Date): Date {
  return addMs(now, -CHANGES_KEPT_DAYS * DAY)
}

export const partnersRetentionRules: RetentionRule[] = [
  {
    name: 'partners.changes',
    everyMs: DAY,
    describe: {
      nl: { what: 'Wijzigingslog voor partners (alleen nummers en tijden van gewijzigde of verdwenen inhoud, geen persoonsgegevens)', period: `${CHANGES_KEPT_DAYS} dagen` },
      en: { what: 'Change log for partners (only ids and times of changed or removed content, no personal data)', period: `${CHANGES_KEPT_DAYS} days` },
    },
    purge: async ({ db, clock }) => {
      const gone = await db.delete(contentChanges).where(lt(contentChanges.changedAt, changesKeptSince(clock.now()))).returning({ seq: contentChanges.seq })
      return gone.length
    },
  },
]
