/**
 * Retention of the statistics: only daily aggregates exist (a single visit is never stored), and
 * even those go after 25 months, long enough to compare a month with the same month last year.
 */
import { lt } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { RetentionRule } from '../../kernel/retention/retention.js'
import { DAY } from '../../kernel/clock.js'
import { pageViewsDaily } from './statistics.tables.js'
import { AmsterdamDay } from './statistics.visit.js'

export const STATS_RETENTION_MONTHS = 25

/** The first day that is kept: the same calendar day 25 months back (clamped to the month's end). */
export function oldestKeptDay(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const months = y * 12 + (m - 1) - STATS_RETENTION_MONTHS
  const year = Math.floor(months / 12)
  const month = (months % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Deletes aggregates of days before the retention window; returns how many rows. */
export async function purgeOldStatistics(db: Db, now: Date): Promise<number> {
  const cutoff = oldestKeptDay(new AmsterdamDay().of(now))
  const gone = await db.delete(pageViewsDaily).where(lt(pageViewsDaily.day, cutoff)).returning({ day: pageViewsDaily.day })
  return gone.length
}

export const statisticsRetentionRules: RetentionRule[] = [
  {
    name: 'statistics.aggregates',
    everyMs: DAY,
    describe: {
      nl: {
        what: 'Bezoekstatistieken: alleen opgetelde paginaweergaven per dag (losse bezoeken, IP-adressen en browsergegevens worden nooit opgeslagen)',
        period: '25 maanden',
      },
      en: {
        what: 'Visitor statistics: only page views added up per day (single visits, IP addresses and browser details are never stored)',
        period: '25 months',
      },
    },
    purge: ({ db, clock }) => purgeOldStatistics(db, clock.now()),
  },
]
