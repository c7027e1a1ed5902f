/**
 * The daily job that moves the occurrence horizon of recurring activities along: it adds what lies
 * beyond each series' last stored occurrence, respects exceptions and `until`, and a second run on
 * the same day writes nothing (a restart of a large instance must not rewrite every series).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildWijk } from '../../../test/factories.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { publicVersions } from '../../kernel/http/public-version.tables.js'
import { DAY } from '../../kernel/clock.js'
import { activityOccurrences } from './content.tables.js'
import { HORIZON_DAYS, extendRecurringActivities, rebuildOccurrences } from './content.recurrence.js'

let t: TestPlatform
let weekly: number
let ended: number

const occurrencesOf = (id: number) =>
  t.deps.db.select().from(activityOccurrences).where(eq(activityOccurrences.contentId, id)).orderBy(asc(activityOccurrences.startsAt))
const publicVersion = async () => JSON.stringify(await t.deps.db.select().from(publicVersions).orderBy(asc(publicVersions.scope)))

beforeAll(async () => {
  t = await createTestPlatform({}, '2026-03-02T09:00:00Z')
  const wijk = await buildWijk(t, { name: 'Horizonwijk' })
  const start = new Date('2026-03-03T18:00:00Z')
  weekly = (
    await buildItem(t, {
      wijkId: wijk.id,
      type: 'activity',
      title: 'Wekelijkse koffie',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      recurrence: { kind: 'weekly', until: null, exceptions: ['2027-03-09'] },
    })
  ).id
  ended = (await buildItem(t, { wijkId: wijk.id, type: 'activity', title: 'Voorbij', startsAt: start, recurrence: { kind: 'weekly', until: '2026-03-20', exceptions: [] } })).id
  for (const id of [weekly, ended]) await rebuildOccurrences(t.deps.db, id, t.clock.now())
}, 60_000)
afterAll(() => t.stop())

describe('the daily occurrence job (content.occurrences.extend)', () => {
  it('adds the weeks that came within the horizon, skipping exceptions, and leaves ended series alone', async () => {
    const before = await occurrencesOf(weekly)
    const endedBefore = await occurrencesOf(ended)
    t.clock.advance({ days: 14 })
    expect(await extendRecurringActivities(t.deps.db, t.clock.now())).toBe(1)
    const after = await occurrencesOf(weekly)
    const horizon = t.clock.now().getTime() + HORIZON_DAYS * DAY
    // Two weeks on: 2 March 2027 came within the horizon, 9 March is an exception, 16 March 19:00
    // lies just beyond it.
    const known = new Set(before.map((o) => o.startsAt.getTime()))
    const added = after.filter((o) => !known.has(o.startsAt.getTime()))
    expect(added.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-02T18:00:00.000Z'])
    expect(added[0]!.endsAt!.getTime() - added[0]!.startsAt.getTime()).toBe(2 * 3_600_000)
    expect(after.at(-1)!.startsAt.getTime()).toBeLessThan(horizon)
    expect(await occurrencesOf(ended)).toEqual(endedBefore)
  })

  it('a second run on the same day writes nothing, so public pages stay cached', async () => {
    const version = await publicVersion()
    const rows = await occurrencesOf(weekly)
    expect(await extendRecurringActivities(t.deps.db, t.clock.now())).toBe(0)
    expect(await occurrencesOf(weekly)).toEqual(rows)
    expect(await publicVersion()).toBe(version)
  })
})
