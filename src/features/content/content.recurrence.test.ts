import { describe, expect, it } from 'vitest'
import { collidingMove, expandOccurrences, fromLocal, isSeriesDate, toLocal, localDate } from './content.recurrence.js'
import type { MovedOccurrence } from './content.tables.js'

const local = (d: Date) => {
  const p = toLocal(d)
  return `${localDate(p)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}

describe('expandOccurrences', () => {
  it('keeps the local clock time of a weekly activity across the switch to summer time', () => {
    // Tuesday 17 March 2026 19:30 CET; summer time starts Sunday 29 March.
    const startsAt = fromLocal({ year: 2026, month: 3, day: 17, hour: 19, minute: 30 })
    const endsAt = fromLocal({ year: 2026, month: 3, day: 17, hour: 21, minute: 0 })
    expect(startsAt.toISOString()).toBe('2026-03-17T18:30:00.000Z')
    const list = expandOccurrences(
      { startsAt, endsAt, allDay: false, recurrence: { kind: 'weekly', until: null, exceptions: [] } },
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-04-08T00:00:00Z'),
    )
    expect(list.map((o) => local(o.startsAt))).toEqual(['2026-03-17 19:30', '2026-03-24 19:30', '2026-03-31 19:30', '2026-04-07 19:30'])
    expect(list[2]!.startsAt.toISOString()).toBe('2026-03-31T17:30:00.000Z')
    expect(list.map((o) => local(o.endsAt!))).toEqual(['2026-03-17 21:00', '2026-03-24 21:00', '2026-03-31 21:00', '2026-04-07 21:00'])
  })

  it('keeps the local clock time when winter time returns', () => {
    const startsAt = fromLocal({ year: 2026, month: 10, day: 20, hour: 10, minute: 0 })
    const list = expandOccurrences(
      { startsAt, endsAt: null, allDay: false, recurrence: { kind: 'weekly', until: null, exceptions: [] } },
      startsAt,
      new Date('2026-11-01T00:00:00Z'),
    )
    expect(list.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z'])
  })

  it('skips exceptions and stops after the until date', () => {
    const startsAt = fromLocal({ year: 2026, month: 5, day: 4, hour: 9, minute: 0 })
    const list = expandOccurrences(
      { startsAt, endsAt: null, allDay: false, recurrence: { kind: 'biweekly', until: '2026-06-15', exceptions: ['2026-05-18'] } },
      startsAt,
      new Date('2027-01-01T00:00:00Z'),
    )
    expect(list.map((o) => localDate(toLocal(o.startsAt)))).toEqual(['2026-05-04', '2026-06-01', '2026-06-15'])
  })

  it('repeats monthly on the same weekday of the month (2nd Tuesday)', () => {
    const startsAt = fromLocal({ year: 2026, month: 1, day: 13, hour: 14, minute: 0 })
    const list = expandOccurrences(
      { startsAt, endsAt: null, allDay: false, recurrence: { kind: 'monthly-weekday', until: null, exceptions: [] } },
      startsAt,
      new Date('2026-05-01T00:00:00Z'),
    )
    expect(list.map((o) => local(o.startsAt))).toEqual(['2026-01-13 14:00', '2026-02-10 14:00', '2026-03-10 14:00', '2026-04-14 14:00'])
  })

  it('repeats on the last weekday of the month when the first date is in the fifth week', () => {
    // Friday 30 January 2026 is the last Friday of January.
    const startsAt = fromLocal({ year: 2026, month: 1, day: 30, hour: 20, minute: 0 })
    const list = expandOccurrences(
      { startsAt, endsAt: null, allDay: false, recurrence: { kind: 'monthly-weekday', until: '2026-05-31', exceptions: [] } },
      startsAt,
      new Date('2027-01-01T00:00:00Z'),
    )
    expect(list.map((o) => localDate(toLocal(o.startsAt)))).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29'])
  })

  it('returns a one-off activity only when it overlaps the window', () => {
    const startsAt = new Date('2026-06-01T10:00:00Z')
    const endsAt = new Date('2026-06-03T10:00:00Z')
    const a = { startsAt, endsAt, allDay: false, recurrence: null }
    expect(expandOccurrences(a, new Date('2026-06-02T00:00:00Z'), new Date('2026-07-01T00:00:00Z'))).toHaveLength(1)
    expect(expandOccurrences(a, new Date('2026-06-04T00:00:00Z'), new Date('2026-07-01T00:00:00Z'))).toHaveLength(0)
    expect(expandOccurrences(a, new Date('2026-05-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'))).toHaveLength(0)
  })

  it('maps a time skipped by the spring switch to the hour after', () => {
    expect(fromLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })
})

describe('moved occurrences', () => {
  // Tuesdays 19:30–21:00 from 13 October 2026; winter time returns on Sunday 25 October.
  const startsAt = fromLocal({ year: 2026, month: 10, day: 13, hour: 19, minute: 30 })
  const endsAt = fromLocal({ year: 2026, month: 10, day: 13, hour: 21, minute: 0 })
  const window = [new Date('2026-10-01T00:00:00Z'), new Date('2026-11-11T00:00:00Z')] as const
  const series = (moves: MovedOccurrence[], exceptions: string[] = []) => ({ startsAt, endsAt, allDay: false, recurrence: { kind: 'weekly' as const, until: null, exceptions, moves } })

  it('puts a moved occurrence at its new day, in order, keeping the length unless an end is given', () => {
    const list = expandOccurrences(series([{ date: '2026-10-20', to: '2026-10-29', time: '14:00', endTime: null }, { date: '2026-11-03', to: '2026-11-03', time: '20:00', endTime: '22:30' }]), ...window)
    expect(list.map((o) => `${local(o.startsAt)}–${local(o.endsAt!).slice(11)}`)).toEqual([
      '2026-10-13 19:30–21:00',
      '2026-10-27 19:30–21:00',
      '2026-10-29 14:00–15:30',
      '2026-11-03 20:00–22:30',
      '2026-11-10 19:30–21:00',
    ])
  })

  it('keeps the series time when only the date moves, and ignores a move of a date the series does not give', () => {
    const list = expandOccurrences(series([{ date: '2026-10-27', to: '2026-10-28', time: null, endTime: null }, { date: '2026-10-21', to: '2026-10-22', time: null, endTime: null }]), ...window)
    expect(list.map((o) => local(o.startsAt))).toEqual(['2026-10-13 19:30', '2026-10-20 19:30', '2026-10-28 19:30', '2026-11-03 19:30', '2026-11-10 19:30'])
    expect(isSeriesDate(series([]), '2026-10-27')).toBe(true)
    expect(isSeriesDate(series([]), '2026-10-21')).toBe(false)
    expect(isSeriesDate(series([]), '2026-10-06')).toBe(false)
  })

  it('lets a skipped date win over a move of the same date', () => {
    const list = expandOccurrences(series([{ date: '2026-10-20', to: '2026-10-22', time: null, endTime: null }], ['2026-10-20']), ...window)
    expect(list.map((o) => local(o.startsAt))).not.toContain('2026-10-22 19:30')
    expect(list).toHaveLength(4)
  })

  it('finds a move onto the start of another occurrence, and allows one onto a date that moved away', () => {
    expect(collidingMove(series([{ date: '2026-10-20', to: '2026-10-27', time: null, endTime: null }]))).toBe('2026-10-20')
    expect(collidingMove(series([{ date: '2026-10-20', to: '2026-10-27', time: '18:00', endTime: null }]))).toBeNull()
    expect(
      collidingMove(
        series([
          { date: '2026-10-20', to: '2026-10-27', time: null, endTime: null },
          { date: '2026-10-27', to: '2026-10-29', time: null, endTime: null },
        ]),
      ),
    ).toBeNull()
    expect(
      collidingMove(
        series([
          { date: '2026-10-20', to: '2026-10-29', time: null, endTime: null },
          { date: '2026-10-27', to: '2026-10-29', time: null, endTime: null },
        ]),
      ),
    ).toBe('2026-10-27')
  })
})

describe('toLocal', () => {
  const exact = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
  const byIntl = (d: Date) => {
    const p = Object.fromEntries(exact.formatToParts(d).filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]))
    return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }
  }

  it('reads the same clock as Intl in every minute around both switches of 2026', () => {
    for (const switchAt of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      const at = Date.parse(switchAt)
      for (let ms = at - 2 * 3_600_000; ms <= at + 2 * 3_600_000; ms += 60_000 - 1) {
        expect(toLocal(new Date(ms)), new Date(ms).toISOString()).toEqual(byIntl(new Date(ms)))
      }
    }
  })

  it('reads the same clock as Intl at instants spread over three centuries, including the zone’s early offset of 17 minutes and 30 seconds', () => {
    let seed = 12345
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const from = Date.parse('1850-01-01T00:00:00Z')
    const to = Date.parse('2150-01-01T00:00:00Z')
    for (let i = 0; i < 20_000; i++) {
      const d = new Date(Math.floor(from + next() * (to - from)))
      expect(toLocal(d), d.toISOString()).toEqual(byIntl(d))
    }
  })

  it('refuses an invalid date as Intl does', () => {
    expect(() => toLocal(new Date(Number.NaN))).toThrow(RangeError)
  })
})
