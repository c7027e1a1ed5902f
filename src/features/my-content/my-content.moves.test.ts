/**
 * The owner's "moved dates" field of a recurring activity, through the form: stored, shown again
 * in the edit form, expanded into the Agenda at the new time; bad lines get a 422 with the message
 * beside the field and everything typed kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { activityOccurrences, contentItems } from '../content/content.tables.js'
import { parseMoves } from './my-content.moves.js'
import { validDate } from './my-content.schema.js'

let t: TestPlatform
let client: TestClient
let newPath: string

const weekly = { title: 'Naaiclub', startDate: '2026-03-03', startTime: '19:30', endTime: '21:00', recurrenceKind: 'weekly', costKind: 'free' }

beforeAll(async () => {
  t = await createTestPlatform()
  const wijk = await buildWijk(t, { name: 'Draadwijk' })
  client = t.client()
  await login(client, await buildUser(t, { homeWijkId: wijk.id }))
  newPath = `/mijn-content/nieuw?type=activity&wijk=${wijk.id}`
})
afterAll(() => t.stop())

describe('reading the moved dates', () => {
  it('reads arrows or none, a new time, a new time with end, and nothing', () => {
    expect(parseMoves('2026-10-27 → 2026-10-29 14:00-15:30\n\n2026-11-03 2026-11-04\r\n2026-11-10 -> 2026-11-10 9.30', validDate)).toEqual([
      { date: '2026-10-27', to: '2026-10-29', time: '14:00', endTime: '15:30' },
      { date: '2026-11-03', to: '2026-11-04', time: null, endTime: null },
      { date: '2026-11-10', to: '2026-11-10', time: '09:30', endTime: null },
    ])
    expect(parseMoves('', validDate)).toEqual([])
    expect(parseMoves(undefined, validDate)).toEqual([])
  })

  it('refuses what it cannot read', () => {
    for (const bad of ['2026-10-27', '27-10-2026 29-10-2026', '2026-10-27 2026-10-32', '2026-10-27 2026-10-29 25:00', '2026-10-27 2026-10-29 om twee uur']) {
      expect(parseMoves(bad, validDate), bad).toBeNull()
    }
  })
})

describe('the moved dates field', () => {
  it('stores a move, shows it again in the edit form and puts the occurrence at its new time', async () => {
    await client.get(newPath)
    const res = await client.post(newPath, { ...weekly, recurrenceMoves: '2026-03-17 → 2026-03-19 14:00-15:30' })
    expect(res.status, res.text.slice(0, 500)).toBe(303)
    const id = Number(/\/mijn-content\/(\d+)\//.exec(res.location ?? '')?.[1])
    const [item] = await t.deps.db.select({ recurrence: contentItems.recurrence }).from(contentItems).where(eq(contentItems.id, id))
    expect(item!.recurrence!.moves).toEqual([{ date: '2026-03-17', to: '2026-03-19', time: '14:00', endTime: '15:30' }])
    const starts = (await t.deps.db.select().from(activityOccurrences).where(eq(activityOccurrences.contentId, id)).orderBy(asc(activityOccurrences.startsAt))).slice(0, 4)
    expect(starts.map((o) => [o.startsAt.toISOString(), o.endsAt?.toISOString()])).toEqual([
      ['2026-03-03T18:30:00.000Z', '2026-03-03T20:00:00.000Z'],
      ['2026-03-10T18:30:00.000Z', '2026-03-10T20:00:00.000Z'],
      ['2026-03-19T13:00:00.000Z', '2026-03-19T14:30:00.000Z'],
      ['2026-03-24T18:30:00.000Z', '2026-03-24T20:00:00.000Z'],
    ])
    const edit = await client.get(`/mijn-content/${id}/bewerken`)
    expect(edit.text).toContain('2026-03-17 → 2026-03-19 14:00-15:30')
  })

  const refusals: Array<[string, Record<string, string>, string]> = [
    ['a line it cannot read', { recurrenceMoves: '17 maart naar 19 maart' }, 'Schrijf per regel de gewone datum en de nieuwe datum'],
    ['the same date twice', { recurrenceMoves: '2026-03-17 2026-03-19\n2026-03-17 2026-03-20' }, 'Elke datum één keer'],
    ['a date the series does not give', { recurrenceMoves: '2026-03-18 → 2026-03-19' }, 'valt niet in deze herhaling'],
    ['a skipped date', { recurrenceExceptions: '2026-03-17', recurrenceMoves: '2026-03-17 → 2026-03-19' }, 'valt niet in deze herhaling'],
    ['a move onto another occurrence', { recurrenceMoves: '2026-03-17 → 2026-03-24' }, 'op hetzelfde moment als een andere keer'],
    ['an end before the new start', { recurrenceMoves: '2026-03-17 → 2026-03-19 14:00-13:00' }, 'Het einde ligt vóór het begin.'],
    ['a one-off activity', { recurrenceKind: '', recurrenceMoves: '2026-03-03 → 2026-03-04' }, 'Alleen een activiteit die zich herhaalt'],
    ['a time for an all-day series', { allDay: 'on', startTime: '', endTime: '', recurrenceMoves: '2026-03-17 → 2026-03-19 10:00' }, 'alleen een nieuwe datum, zonder tijd'],
  ]
  for (const [what, fields, message] of refusals) {
    it(`refuses ${what} with 422, the message beside the field and the typed text kept`, async () => {
      await client.get(newPath)
      const res = await client.post(newPath, { ...weekly, summary: 'Blijft staan', ...fields })
      expect(res.status).toBe(422)
      expect(res.body).toContain('id="recurrenceMoves-error"')
      expect(res.text).toContain(message)
      expect(res.text).toContain(fields.recurrenceMoves!.split('\n')[0]!)
      expect(res.text).toContain('Blijft staan')
    })
  }
})
