import { describe, it, expect } from 'vitest'
import { addPeriod } from './billing.periods.js'
import { amsterdamDay } from './billing.dates.js'

describe('subscription periods', () => {
  it('count months, quarters and years on the calendar, ending a long month on a short one', () => {
    expect(addPeriod('2026-03-05', 'maand')).toBe('2026-04-05')
    expect(addPeriod('2026-11-30', 'kwartaal')).toBe('2027-02-28')
    expect(addPeriod('2026-01-31', 'maand')).toBe('2026-02-28')
    expect(addPeriod('2028-02-29', 'jaar')).toBe('2029-02-28')
    expect(addPeriod('2026-12-05', 'jaar')).toBe('2027-12-05')
  })

  it('start on the Dutch day, not the UTC one', () => {
    expect(amsterdamDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02')
    expect(amsterdamDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
  })
})
