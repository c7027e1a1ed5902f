/** When daily and weekly digests are due: 07:00 Amsterdam time, also across the clock changes. */
import { describe, it, expect } from 'vitest'
import { dailySlot, weeklySlot } from './alerts.schedule.js'

const at = (iso: string) => new Date(iso)

describe('digest slots', () => {
  it('daily is the latest 07:00 in Amsterdam, in winter and in summer time', () => {
    expect(dailySlot(at('2026-03-03T06:05:00Z')).toISOString()).toBe('2026-03-03T06:00:00.000Z')
    expect(dailySlot(at('2026-03-03T05:59:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z')
    // Sunday 29 March 2026 the clocks go forward: 07:00 is then 05:00 UTC.
    expect(dailySlot(at('2026-03-29T05:30:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z')
    expect(dailySlot(at('2026-03-29T04:30:00Z')).toISOString()).toBe('2026-03-28T06:00:00.000Z')
    expect(dailySlot(at('2026-10-25T06:30:00Z')).toISOString()).toBe('2026-10-25T06:00:00.000Z')
  })

  it('weekly is the latest Monday 07:00 in Amsterdam', () => {
    expect(weeklySlot(at('2026-03-04T12:00:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z')
    expect(weeklySlot(at('2026-03-09T05:59:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z')
    expect(weeklySlot(at('2026-03-09T06:00:00Z')).toISOString()).toBe('2026-03-09T06:00:00.000Z')
    expect(weeklySlot(at('2026-04-01T12:00:00Z')).toISOString()).toBe('2026-03-30T05:00:00.000Z')
  })
})
