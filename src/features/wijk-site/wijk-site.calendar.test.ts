/**
 * Calendars that stay in step with the Agenda. Activities are placed through the owner's form
 * (HTTP, real database); every iCal feed and every "Zet in mijn agenda" file is read with
 * Mozilla's ical.js and expanded over a year, and must give exactly the occurrences the Agenda's
 * own query gives: across both clock changes, with skipped and moved dates, all-day and timed,
 * series and one-offs. An edit keeps each event's UID and raises its SEQUENCE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { listThemes } from '../content/content.themes.js'
import { HORIZON_DAYS } from '../content/content.recurrence.js'
import { listOccurrences } from './wijk-site.queries.js'
import { agendaKey, expandCalendar } from './wijk-site.ical.test-helpers.js'

const DAY_MS = 86_400_000

let t: TestPlatform
let owner: TestClient
let wijk: { id: number; slug: string }
let themes: Array<{ id: number; slug: string }>
const ids: Record<string, number> = {}

async function place(fields: Record<string, string>): Promise<number> {
  const path = `/mijn-content/nieuw?type=activity&wijk=${wijk.id}`
  await owner.get(path)
  const res = await owner.post(path, { costKind: 'free', ...fields })
  expect(res.status, res.text.slice(0, 800)).toBe(303)
  const id = Number(/\/mijn-content\/(\d+)\/voorbeeld/.exec(res.location ?? '')?.[1])
  expect((await owner.post(`/mijn-content/${id}/publiceren`, {})).status).toBe(303)
  return id
}

/** What the Agenda shows from now on for a year (the occurrence table's horizon). */
function window() {
  const from = t.clock.now()
  return { from, to: new Date(from.getTime() + HORIZON_DAYS * DAY_MS) }
}

async function agenda(filter: { themeId?: number; contentId?: number } = {}): Promise<string[]> {
  const { from, to } = window()
  const { items } = await listOccurrences(t.deps.db, from, { wijkIds: [wijk.id], from, to, limit: 10_000, ...filter })
  return items.map(agendaKey).sort()
}

async function calendarFile(path: string) {
  const res = await t.app.request(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/calendar')
  const text = await res.text()
  const { from, to } = window()
  return { text, ...expandCalendar(text, from, to) }
}

beforeAll(async () => {
  // Thursday 1 October 2026; winter time returns on 25 October, summer time on 28 March 2027.
  t = await createTestPlatform({}, '2026-10-01T08:00:00Z')
  wijk = await buildWijk(t, { slug: 'klokwijk', name: 'Klokwijk' })
  const user = await buildUser(t, { homeWijkId: wijk.id })
  owner = t.client()
  await login(owner, user)
  await owner.get(`/mijn-content/nieuw?type=activity&wijk=${wijk.id}`) // seeds the wijk's themes
  themes = await listThemes(t.deps.db, wijk.id)

  ids.repair = await place({
    title: 'Repaircafé',
    startDate: '2026-09-15',
    startTime: '19:30',
    endTime: '21:00',
    recurrenceKind: 'weekly',
    recurrenceExceptions: '2026-10-20',
    recurrenceMoves: '2026-10-27 → 2026-10-29 14:00-15:30\n2026-11-03 2026-11-04',
    [`theme_${themes[0]!.id}`]: 'on',
  })
  ids.lunch = await place({
    title: 'Buurtlunch',
    startDate: '2026-10-29', // the fifth Thursday: every last Thursday of the month
    startTime: '12:00',
    endTime: '13:30',
    recurrenceKind: 'monthly-weekday',
    recurrenceUntil: '2027-06-30',
    recurrenceExceptions: '2026-12-31',
    recurrenceMoves: '2027-03-25 -> 2027-03-30 12:30',
    [`theme_${themes[1]!.id}`]: 'on',
  })
  ids.market = await place({ title: 'Rommelmarkt', startDate: '2026-10-03', allDay: 'on', recurrenceKind: 'biweekly', recurrenceExceptions: '2026-10-17', recurrenceMoves: '2026-10-31 2026-11-01' })
  ids.walk = await place({ title: 'Avondwandeling', startDate: '2026-03-24', startTime: '20:00', recurrenceKind: 'biweekly', recurrenceUntil: '2027-04-30', [`theme_${themes[0]!.id}`]: 'on' })
  ids.lantern = await place({ title: 'Lampionnenoptocht', startDate: '2026-10-25', startTime: '18:00', endTime: '19:00' })
  ids.pruning = await place({ title: 'Start van de snoeiweek', startDate: '2027-03-28', startTime: '10:00' })
  ids.christmas = await place({ title: 'Kerstmarkt', startDate: '2026-12-26', endDate: '2026-12-27', allDay: 'on' })
}, 120_000)
afterAll(() => t.stop())

describe('iCal feeds and the Agenda agree', () => {
  it('gives the wijk feed exactly the Agenda occurrences, one event per series plus one per moved date', async () => {
    const feed = await calendarFile(`/${wijk.slug}/agenda.ics`)
    const expected = await agenda()
    expect(expected.length).toBeGreaterThan(100)
    expect(feed.occurrences).toEqual(expected)
    expect(feed.timezones).toEqual(['Europe/Amsterdam'])
    // Seven activities; the repair café and the market carry moved dates (2 and 1), the lunch 1.
    expect(feed.events.size).toBe(7)
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(11)
    expect(feed.events.get(`activity-${ids.repair}@localhost`)?.count).toBe(3)
  })

  it('shows skipped and moved dates on both sides, across the return of winter time', async () => {
    const expected = await agenda({ contentId: ids.repair })
    const repair = (iso: string, end: string) => `${ids.repair} ${iso} ${end}`
    expect(expected).toContain(repair('2026-10-13T17:30:00.000Z', '2026-10-13T19:00:00.000Z')) // summer time
    expect(expected).toContain(repair('2026-11-10T18:30:00.000Z', '2026-11-10T20:00:00.000Z')) // winter time
    expect(expected).toContain(repair('2026-10-29T13:00:00.000Z', '2026-10-29T14:30:00.000Z')) // moved to Thursday 14:00
    expect(expected).toContain(repair('2026-11-04T18:30:00.000Z', '2026-11-04T20:00:00.000Z')) // moved a day, same time
    for (const gone of ['2026-10-20', '2026-10-27', '2026-11-03']) expect(expected.join('\n')).not.toContain(`${ids.repair} ${gone}`)
    const file = await calendarFile(`/${wijk.slug}/agenda/${ids.repair}.ics`)
    expect(file.occurrences).toEqual(expected)
    expect(file.text).toContain('DTSTART;TZID=Europe/Amsterdam:20260915T193000')
    expect(file.text).toContain('RRULE:FREQ=WEEKLY')
    expect(file.text).toContain('EXDATE;TZID=Europe/Amsterdam:20261020T193000')
    expect(file.text).toContain('RECURRENCE-ID;TZID=Europe/Amsterdam:20261027T193000')
  })

  it('agrees across the start of summer time, for monthly and all-day series and one-offs', async () => {
    const lunch = await agenda({ contentId: ids.lunch })
    expect(lunch).toContain(`${ids.lunch} 2027-03-30T10:30:00.000Z 2027-03-30T12:00:00.000Z`) // moved past 28 March: summer time
    expect(lunch).toContain(`${ids.lunch} 2027-02-25T11:00:00.000Z 2027-02-25T12:30:00.000Z`)
    expect(lunch.join('\n')).not.toContain(`${ids.lunch} 2026-12-31`)
    const market = await agenda({ contentId: ids.market })
    expect(market.slice(0, 3)).toEqual([`${ids.market} 2026-10-03 2026-10-04`, `${ids.market} 2026-11-01 2026-11-02`, `${ids.market} 2026-11-14 2026-11-15`])
    for (const [name, id] of Object.entries(ids)) {
      const file = await calendarFile(`/${wijk.slug}/agenda/${id}.ics`)
      expect(file.occurrences, name).toEqual(await agenda({ contentId: id }))
      expect(file.events.size, name).toBe(1)
      expect(file.timezones, name).toEqual(['Europe/Amsterdam'])
    }
  })

  it('gives every theme feed exactly that theme’s Agenda occurrences', async () => {
    for (const theme of themes) {
      const feed = await calendarFile(`/${wijk.slug}/agenda/${theme.slug}.ics`)
      expect(feed.occurrences, theme.slug).toEqual(await agenda({ themeId: theme.id }))
    }
    expect((await agenda({ themeId: themes[0]!.id })).length).toBeGreaterThan(50)
  })

  it('writes the zone with the EU clock-change rules', async () => {
    const { text } = await calendarFile(`/${wijk.slug}/agenda.ics`)
    const zone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'))
    expect(zone).toMatch(/BEGIN:DAYLIGHT\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\n[^]*RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT/)
    expect(zone).toMatch(/BEGIN:STANDARD\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\n[^]*RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD/)
    expect(text).not.toMatch(/^DTSTART:\d{8}T\d{6}Z/m)
  })
})

describe('an edit', () => {
  it('keeps the UID, raises the SEQUENCE, and the feed follows the new times', async () => {
    const uid = `activity-${ids.repair}@localhost`
    const before = await calendarFile(`/${wijk.slug}/agenda/${ids.repair}.ics`)
    const sequence = before.events.get(uid)!.sequence
    const edit = `/mijn-content/${ids.repair}/bewerken`
    await owner.get(edit)
    const res = await owner.post(edit, {
      title: 'Repaircafé',
      costKind: 'free',
      startDate: '2026-09-15',
      startTime: '19:30',
      endTime: '21:30',
      recurrenceKind: 'weekly',
      recurrenceExceptions: '2026-10-20, 2026-12-22',
      recurrenceMoves: '2026-10-27 → 2026-10-29 14:00-15:30',
      [`theme_${themes[0]!.id}`]: 'on',
    })
    expect(res.status, res.text.slice(0, 800)).toBe(303)
    const after = await calendarFile(`/${wijk.slug}/agenda/${ids.repair}.ics`)
    expect([...after.events.keys()]).toEqual([uid])
    expect(after.events.get(uid)!.sequence).toBeGreaterThan(sequence)
    expect(after.occurrences).toContain(`${ids.repair} 2026-11-03T18:30:00.000Z 2026-11-03T20:30:00.000Z`)
    expect(after.occurrences).toEqual(await agenda({ contentId: ids.repair }))
    expect((await calendarFile(`/${wijk.slug}/agenda.ics`)).occurrences).toEqual(await agenda())
  })

  it('leaves the SEQUENCE of the other activities alone', async () => {
    const feed = await calendarFile(`/${wijk.slug}/agenda.ics`)
    expect(feed.events.get(`activity-${ids.lunch}@localhost`)!.sequence).toBe(0)
  })
})

describe('subscribing', () => {
  it('offers webcal links and the help on the Agenda page, and keeps "Zet in mijn agenda" on the item page', async () => {
    const page = await t.client().get(`/${wijk.slug}/agenda`)
    expect(page.body).toContain(`href="webcal://localhost/${wijk.slug}/agenda.ics"`)
    expect(page.body).toContain(`href="/${wijk.slug}/agenda/abonneren"`)
    const themed = await t.client().get(`/${wijk.slug}/agenda?thema=${themes[0]!.slug}`)
    expect(themed.body).toContain(`href="webcal://localhost/${wijk.slug}/agenda/${themes[0]!.slug}.ics"`)
    expect(themed.body).toContain(`href="/${wijk.slug}/agenda/abonneren?thema=${themes[0]!.slug}"`)
    const item = await t.client().get(`/${wijk.slug}/agenda/${ids.repair}-repaircafe`)
    expect(item.text).toContain('Zet in mijn agenda')
    expect(item.body).toContain(`href="/${wijk.slug}/agenda/${ids.repair}.ics"`)
  })

  it('explains subscribing in Google, Outlook and Apple, with the address to paste', async () => {
    const help = await t.client().get(`/${wijk.slug}/agenda/abonneren?thema=${themes[0]!.slug}`)
    expect(help.status).toBe(200)
    expect(help.body).toContain(`value="http://localhost/${wijk.slug}/agenda.ics"`)
    expect(help.body).toContain(`value="http://localhost/${wijk.slug}/agenda/${themes[0]!.slug}.ics"`)
    for (const app of ['Google Agenda', 'Outlook', 'Apple Agenda']) expect(help.text).toContain(app)
    const english = await t.client().get(`/${wijk.slug}/agenda/abonneren`, { 'accept-language': 'en' })
    expect(english.text).toContain('Subscribe to the calendar of Klokwijk')
    expect((await t.client().get(`/${wijk.slug}/agenda/abonneren?thema=geen-thema`)).status).toBe(404)
    expect((await t.client().get(`/${wijk.slug}/agenda/abonneren?thema=Geen%20Thema`)).status).toBe(400)
  })
})
