/** Search per wijk: Dutch stemming, typo tolerance, ranking, safe snippets, and only public items. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { and, eq, like } from 'drizzle-orm'
import { contentItems } from '../content/content.tables.js'
import { searchAll, SEARCH_CANDIDATES } from './search.queries.js'
import { PAGE_SIZE } from './search.schema.js'

const DAY = 86_400_000

let t: TestPlatform
let wijk: { id: number; slug: string }
let other: { id: number; slug: string }
let ownerId: string

beforeAll(async () => {
  t = await createTestPlatform()
  wijk = await buildWijk(t)
  other = await buildWijk(t)
  ownerId = (await buildUser(t)).id
})
afterAll(() => t.stop())

const search = (q: string, w = wijk) => t.client().get(`/${w.slug}/zoeken?q=${encodeURIComponent(q)}`)

describe('search', () => {
  it('shows only the form for an empty query', async () => {
    const page = await t.client().get(`/${wijk.slug}/zoeken`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('name="q"')
    expect(page.body).not.toContain('search-results')
  })

  it('finds words by their Dutch stem ("fietsen" finds "fiets")', async () => {
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'offer', title: 'Gratis fiets op te halen', body: 'Een oude fiets, werkt nog prima.' })
    const page = await search('fietsen')
    expect(page.text).toContain('Gratis fiets op te halen')
  })

  it('finds inflected forms in the body by their stem ("tuinen" finds "tuin", "wandeling" finds "wandelen")', async () => {
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'news', title: 'Lentedag', body: 'Iedereen kan helpen in de tuin. Daarna gaan we wandelen.' })
    expect((await search('tuinen')).text).toContain('Lentedag')
    expect((await search('wandeling')).text).toContain('Lentedag')
    expect((await search('zwemmen')).text).not.toContain('Lentedag')
  })

  it('tolerates typos in titles ("boodschapen" finds "boodschappen")', async () => {
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'request', title: 'Hulp bij boodschappen gezocht', body: 'Wie kan op zaterdag mee naar de markt?' })
    const page = await search('boodschapen')
    expect(page.text).toContain('Hulp bij boodschappen gezocht')
  })

  it('ranks a title match above a match in the body only', async () => {
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'news', title: 'Nieuws uit de buurt', body: 'Het zwembad gaat dicht. Het zwembad is oud. Zwembad, zwembad, zwembad.' })
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'organisation', title: 'Zwembad De Golf', body: 'Open voor iedereen.' })
    const page = await search('zwembad')
    const first = page.body.indexOf('Zwembad De Golf')
    const second = page.body.indexOf('Nieuws uit de buurt')
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(-1)
    expect(first).toBeLessThan(second)
  })

  it('highlights matches in the snippet and escapes the HTML in the content', async () => {
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'news', title: 'Bericht over de moestuin', body: 'De moestuin <script>alert("x")</script> heeft <b>tomaten</b>, want 3 < 5 & "zon" >= regen, en de moestuin groeit.' })
    const page = await search('moestuin')
    expect(page.body).toContain('<mark>moestuin</mark>')
    expect(page.body).not.toContain('<script>alert')
    expect(page.body).not.toContain('<b>tomaten</b>')
    expect(page.body).toContain('3 &lt; 5 &amp; &quot;zon&quot; &gt;= regen')
  })

  it("never finds another wijk's items, drafts, hidden or expired items, nor shows private fields", async () => {
    await buildItem(t, { wijkId: other.id, ownerId, type: 'offer', title: 'Kweekbakken buurwijk', body: 'kweekbakken' })
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'offer', status: 'draft', title: 'Kweekbakken concept', body: 'kweekbakken' })
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'offer', status: 'hidden', title: 'Kweekbakken verborgen', body: 'kweekbakken' })
    await buildItem(t, { wijkId: wijk.id, ownerId, type: 'offer', title: 'Kweekbakken verlopen', expiresAt: new Date(t.clock.now().getTime() - 1000) })
    await buildItem(t, {
      wijkId: wijk.id,
      ownerId,
      type: 'offer',
      title: 'Kweekbakken te leen',
      body: 'kweekbakken voor iedereen',
      contactName: 'PRIVE-NAAM-kweekbakken',
      contactEmail: 'prive-kweekbakken@example.test',
      contactPhone: '0699-kweekbakken',
      contactAddress: 'Priveweg kweekbakken 1',
    })
    const page = await search('kweekbakken')
    expect(page.text).toContain('Kweekbakken te leen')
    for (const hidden of ['buurwijk', 'concept', 'verborgen', 'verlopen', 'PRIVE-NAAM', 'prive-kweekbakken@', '0699-', 'Priveweg']) {
      expect(page.body).not.toContain(hidden)
    }
    const all = await searchAll(t.deps.db, { q: 'kweekbakken', now: t.clock.now(), limit: 20, offset: 0 })
    expect(all.hits.map((h) => h.title).sort()).toEqual(['Kweekbakken buurwijk', 'Kweekbakken te leen'])
  })

  it('pages through many results', async () => {
    for (let i = 1; i <= 25; i++) await buildItem(t, { wijkId: wijk.id, ownerId, type: 'activity', title: `Wandelclub ronde ${i}`, body: 'Samen het parkrondje lopen.' })
    const first = await search('parkrondje')
    expect(first.text).toContain('25 resultaten')
    expect(first.text).toContain('Pagina 1 van 2')
    const second = await t.client().get(`/${wijk.slug}/zoeken?q=parkrondje&pagina=2`)
    expect(second.status).toBe(200)
    expect(second.body.match(/<li class="search-hit/g)?.length).toBe(5)
  })

  it('ranks the newest SEARCH_CANDIDATES matches of a common word, says so, and pages through them to the end', async () => {
    const w = await buildWijk(t)
    const now = t.deps.clock.now().getTime()
    // The oldest match has the word in its title, so over every match it would rank first.
    await buildItem(t, { wijkId: w.id, ownerId, type: 'news', title: 'Buurtsoep voor iedereen', body: 'Al jaren.', publishedAt: new Date(now - 400 * DAY) })
    const rows = Array.from({ length: SEARCH_CANDIDATES + 4 }, (_, i) => {
      const at = new Date(now - (i + 1) * 60_000)
      return { wijkId: w.id, ownerId, type: 'news' as const, status: 'published' as const, title: `Bericht ${i}`, slug: `bericht-${i}`, body: 'Er is weer buurtsoep in het buurthuis.', createdAt: at, updatedAt: at, publishedAt: at }
    })
    await t.deps.db.insert(contentItems).values(rows)
    const pageOf = (n: number) => t.client().get(`/${w.slug}/zoeken?q=buurtsoep${n > 1 ? `&pagina=${n}` : ''}`)
    const first = await pageOf(1)
    expect(first.text).toContain(`Minstens ${SEARCH_CANDIDATES} resultaten voor “buurtsoep”`)
    expect(first.text).toContain(`Pagina 1 van ${SEARCH_CANDIDATES / PAGE_SIZE}`)
    expect(first.text).not.toContain('Buurtsoep voor iedereen')
    const last = await pageOf(SEARCH_CANDIDATES / PAGE_SIZE)
    expect(last.body.match(/<li class="search-hit/g)?.length).toBe(PAGE_SIZE)
    expect(last.text).not.toContain('Volgende')
    expect((await pageOf(SEARCH_CANDIDATES / PAGE_SIZE + 1)).body).not.toContain('<li class="search-hit')
    // With fewer matches than the bound, every match is ranked again: the title match comes first.
    await t.deps.db.delete(contentItems).where(and(eq(contentItems.wijkId, w.id), like(contentItems.slug, 'bericht-%')))
    const all = await pageOf(1)
    expect(all.text).toContain('1 resultaat voor “buurtsoep”')
    expect(all.text).toContain('Buurtsoep voor iedereen')
  })

  it('answers bad input with 422 and unknown wijken with 404', async () => {
    expect((await search('x'.repeat(300))).status).toBe(422)
    expect((await t.client().get(`/${wijk.slug}/zoeken?q=a&pagina=abc`)).status).toBe(422)
    expect((await search('iets', { id: 0, slug: 'bestaat-niet' })).status).toBe(404)
  })
})
