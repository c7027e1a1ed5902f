/**
 * When digests go out. Daily digests at 07:00 Amsterdam time, weekly ones on Monday at 07:00;
 * "right away" is collected by a run every ten minutes, so a burst of new items becomes one mail.
 * The job itself runs every ten minutes and asks these functions who is due.
 */
import { fromLocal, toLocal } from '../content/content.recurrence.js'
import { MINUTE } from '../../kernel/clock.js'

export const DIGEST_HOUR = 7
/** How often the digest run looks for work (and so the longest a "right away" mail waits). */
export const DIGEST_EVERY_MS = 10 * MINUTE
/**
 * Items published in the last minute wait for the next run: a publication committed just after
 * our read but stamped just before it would otherwise fall between two windows.
 */
export const SETTLE_MS = MINUTE

/** The latest 07:00 (Amsterdam) at or before `now`. */
export function dailySlot(now: Date): Date {
  const local = toLocal(now)
  const today = fromLocal({ year: local.year, month: local.month, day: local.day, hour: DIGEST_HOUR, minute: 0 })
  if (today.getTime() <= now.getTime()) return today
  const yesterday = new Date(Date.UTC(local.year, local.month - 1, local.day - 1))
  return fromLocal({ year: yesterday.getUTCFullYear(), month: yesterday.getUTCMonth() + 1, day: yesterday.getUTCDate(), hour: DIGEST_HOUR, minute: 0 })
}

/** The latest Monday 07:00 (Amsterdam) at or before `now`. */
export function weeklySlot(now: Date): Date {
  let slot = dailySlot(now)
  // Step back a day at a time until the slot falls on a Monday (at most six steps).
  for (let i = 0; i < 7; i++) {
    const local = toLocal(slot)
    const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()
    if (weekday === 1) return slot
    slot = dailySlot(new Date(slot.getTime() - MINUTE))
  }
  return slot
}
