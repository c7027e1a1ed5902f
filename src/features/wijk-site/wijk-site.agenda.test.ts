/**
 * The Agenda's views through HTTP: the list in day buckets by the platform's clock, the month as
 * a calendar with its days linked and its neighbours one click away, one day in full, compact
 * filters, and a clear 400 for a month or day that does not exist.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { activityOccurrences, contentItems } from '../content/content.tables.js'

let t: TestPlatform
let wijkId: number
let ownerId: string

/** Wednesday 2 December 2026, 10:00 in Amsterdam. */
const START = '2026-12-02T09:00:00Z'

async function activity(title: string, startsAt: string, endsAt: string | null = null) {
  const now = t.clock.now()
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const [row] = await t.deps.db
    .insert(contentItems)
    .values({ wijkId, type: 'activity', status: 'published', title, slug, summary: '', ownerId, createdAt: now, updatedAt: now, publishedAt: now })
    .returning({ id: contentItems.id })
  await t.deps.db.insert(activityOccurrences).values({ contentId: row!.id, wijkId, startsAt: new Date(startsAt), endsAt: endsAt ? new Date(endsAt) : null })
  return { id: row!.id, slug }
}

/** Each bucket's part of the list page, by its class (today, week, later). */
function buckets(html: string): Record<string, string> {
  const parts = [...html.matchAll(/<section class="agenda-bucket bucket-(\w+)"[\s\S]*?(?=<section class="agenda-bucket|<nav class="pager"|<ul class="feed-links)/g)]
  return Object.fromEntries(parts.map((m) => [m[1]!, m[0]]))
}

/** The <td> of one day in the month calendar. */
function cell(html: string, day: number): string {
  const cells = html.match(/<td class="cal-day[^"]*"[^>]*>[\s\S]*?<\/td>/g) ?? []
  const found = cells.find((c) => c.includes(`<span class="cal-num">${day}</span>`))
  expect(found, `a cell for day ${day}`).toBeTruthy()
  return found!
}

beforeAll(async () => {
  t = await createTestPlatform({}, START)
  wijkId = (await buildWijk(t, { slug: 'kalenderwijk', name: 'Kalenderwijk' })).id
  ownerId = (await buildUser(t)).id
  await activity('Soepavond', '2026-12-02T17:00:00Z', '2026-12-02T19:00:00Z')
  // Began yesterday and runs until tonight: it is on now.
  await activity('Kerstmarkt opbouw', '2026-12-01T08:00:00Z', '2026-12-02T20:00:00Z')
  await activity('Zaterdagmarkt', '2026-12-05T09:00:00Z', '2026-12-05T13:00:00Z')
  // 23:30 on Sunday in Amsterdam (still this week) and 00:30 on Monday (next week), though both are Sunday in UTC.
  await activity('Nachtwandeling', '2026-12-06T22:30:00Z')
  await activity('Vroege vogels', '2026-12-06T23:30:00Z')
  await activity('Kerstconcert', '2026-12-20T18:00:00Z')
  await activity('Nieuwjaarsduik', '2027-01-01T11:00:00Z')
})
afterAll(() => t.stop())

describe('the Agenda list', () => {
  it('groups what is on under Vandaag, Deze week and Later, each day under its own date', async () => {
    const page = await t.client().get('/kalenderwijk/agenda')
    expect(page.status).toBe(200)
    const b = buckets(page.body)
    expect(Object.keys(b)).toEqual(['today', 'week', 'later'])
    expect(b.today).toContain('<h2 id="bucket-today">Vandaag</h2>')
    expect(b.today).toContain('<h3>woensdag 2 december 2026</h3>')
    expect(b.today).toContain('Soepavond')
    expect(b.today).toContain('Kerstmarkt opbouw')
    expect(b.week).toContain('<h2 id="bucket-week">Deze week</h2>')
    expect(b.week).toContain('<h3>zaterdag 5 december 2026</h3>')
    expect(b.week).toContain('Zaterdagmarkt')
    expect(b.week).toContain('<h3>zondag 6 december 2026</h3>')
    expect(b.week).toContain('Nachtwandeling')
    expect(b.later).toContain('<h2 id="bucket-later">Later</h2>')
    expect(b.later).toContain('<h3>maandag 7 december 2026</h3>')
    expect(b.later).toContain('Vroege vogels')
    expect(b.later).toContain('Kerstconcert')
    expect(b.later).toContain('Nieuwjaarsduik')
  })

  it('buckets by the platform’s clock: on Saturday the market is today and Monday is this week no more', async () => {
    t.clock.set('2026-12-05T07:00:00Z')
    t.pageCache.clear()
    try {
      const b = buckets((await t.client().get('/kalenderwijk/agenda')).body)
      expect(b.today).toContain('Zaterdagmarkt')
      expect(b.today).not.toContain('Soepavond')
      expect(b.week).toContain('Nachtwandeling')
      expect(b.later).toContain('Vroege vogels')
      // On Sunday evening the week has only today left.
      t.clock.set('2026-12-06T20:00:00Z')
      t.pageCache.clear()
      const sunday = buckets((await t.client().get('/kalenderwijk/agenda')).body)
      expect(Object.keys(sunday)).toEqual(['today', 'later'])
      expect(sunday.today).toContain('Nachtwandeling')
    } finally {
      t.clock.set(START)
      t.pageCache.clear()
    }
  })

  it('folds its filters into one disclosure that names the filter in force', async () => {
    const plain = await t.client().get('/kalenderwijk/agenda')
    const tools = /<div class="agenda-tools no-print">([\s\S]*?)<\/div><section/.exec(plain.body)![1]!
    expect(tools).toContain('<details class="filter-box">')
    // Outside the disclosure only the two views are links.
    expect(tools.replace(/<details[\s\S]*<\/details>/, '').match(/<a /g)?.length).toBe(2)
    expect(tools).toContain('<a href="/kalenderwijk/agenda" aria-current="page">')
    const week = await t.client().get('/kalenderwijk/agenda?wanneer=deze-week')
    expect(week.body).toMatch(/<summary>.*?Filters: Deze week<\/summary>/)
    expect(week.body).not.toContain('Kerstconcert')
  })
})

describe('the month calendar', () => {
  it('shows the month as weeks from Monday, each day with activities linked to its day and its items', async () => {
    const page = await t.client().get('/kalenderwijk/agenda?maand=2026-12')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Agenda december 2026</h1>')
    expect(page.body).toContain('<caption>Activiteiten in december 2026, per dag</caption>')
    expect(page.body).toContain('<th scope="col"><abbr title="maandag">ma</abbr></th>')
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page.body)![1]!
    // December 2026 starts on a Tuesday: one empty cell before the 1st, three after the 31st.
    expect(body.match(/<tr>/g)?.length).toBe(5)
    expect(body.match(/<td class="cal-pad">/g)?.length).toBe(4)
    expect(body.startsWith('<tr><td class="cal-pad"></td><td class="cal-day has-items"')).toBe(true)
    const saturday = cell(page.body, 5)
    expect(saturday).toContain('<a class="cal-date" href="/kalenderwijk/agenda?dag=2026-12-05" data-n="1">')
    expect(saturday).toContain('1 activiteit')
    expect(saturday).toMatch(/<a href="\/kalenderwijk\/agenda\/\d+-zaterdagmarkt"><span class="cal-time">10:00<\/span> Zaterdagmarkt<\/a>/)
    // Today is marked; a day without activities has no link.
    expect(cell(page.body, 2)).toMatch(/^<td class="cal-day is-today has-items" aria-current="date">/)
    expect(cell(page.body, 2)).toContain('1 activiteit')
    // Something that runs over days shows on the day it begins.
    expect(cell(page.body, 1)).toContain('Kerstmarkt opbouw')
    expect(cell(page.body, 3)).not.toContain('<a ')
    // Sunday 23:30 and Monday 00:30 in Amsterdam land on their own days.
    expect(cell(page.body, 6)).toContain('Nachtwandeling')
    expect(cell(page.body, 7)).toContain('Vroege vogels')
    expect(page.body).not.toContain('Nieuwjaarsduik')
  })

  it('links the months before and after, across a year', async () => {
    const december = await t.client().get('/kalenderwijk/agenda?maand=2026-12')
    expect(december.body).toContain('<a href="/kalenderwijk/agenda?maand=2026-11">← Vorige maand</a>')
    expect(december.body).toContain('<a href="/kalenderwijk/agenda?maand=2027-01">Volgende maand →</a>')
    const january = await t.client().get('/kalenderwijk/agenda?maand=2027-01')
    expect(january.status).toBe(200)
    expect(cell(january.body, 1)).toContain('Nieuwjaarsduik')
    expect(january.body).toContain('<a href="/kalenderwijk/agenda?maand=2026-12">← Vorige maand</a>')
    expect(january.body).toContain('<a href="/kalenderwijk/agenda?maand=2026-12">Deze maand</a>')
    expect(january.body).toMatch(/<a href="\/kalenderwijk\/agenda\?maand=2027-01" aria-current="page">.*?Maand<\/a>/)
  })

  it('answers a month or day that does not exist with 400 and says what it expects', async () => {
    const client = t.client()
    for (const query of ['maand=2026-13', 'maand=december', 'maand=0099-01', 'dag=2026-02-30', 'dag=5-12-2026', 'maand=2026-12&dag=2026-12-05']) {
      const res = await client.get(`/kalenderwijk/agenda?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body).toContain('Schrijf een maand als 2026-12 en een dag als 2026-12-05')
    }
  })
})

describe('one day', () => {
  it('lists the day in full as cards, with the days around it and its month', async () => {
    const page = await t.client().get('/kalenderwijk/agenda?dag=2026-12-07')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Agenda maandag 7 december 2026</h1>')
    expect(page.body).toContain('Vroege vogels')
    expect(page.body).not.toContain('Nachtwandeling')
    expect(page.body.match(/class="card item-card/g)?.length).toBe(1)
    expect(page.body).toContain('<a href="/kalenderwijk/agenda?dag=2026-12-06">← Vorige dag</a>')
    expect(page.body).toContain('<a href="/kalenderwijk/agenda?maand=2026-12">Hele maand</a>')
    expect(page.body).toContain('<a href="/kalenderwijk/agenda?dag=2026-12-08">Volgende dag →</a>')
    const quiet = await t.client().get('/kalenderwijk/agenda?dag=2026-12-03')
    expect(quiet.status).toBe(200)
    expect(quiet.body).toContain('Op deze dag staat (nog) niets in de agenda.')
  })
})
