/**
 * The public wijk site through HTTP: lists, filters, pagination, item pages, feeds, the print
 * view, the sitemap, the wijk home and city page. Items go straight into the database.
 */
import { ASSETS } from '../../kernel/ui/assets.js'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { activityOccurrences, contentItems, contentThemes, contentImages } from '../content/content.tables.js'
import { ensureDefaultThemes, listThemes } from '../content/content.themes.js'
import { SITEMAP } from './wijk-site.routes.js'

/** What a first visit transfers for a page: its HTML, our stylesheet and the wijk theme (~100 bytes); no script. */
/** A first visit: the page as sent (not compressed) and the stylesheet as sent to a browser (gzipped). */
const transferred = (html: string) => Buffer.byteLength(html) + ASSETS.css.gzipped.length + 200

let t: TestPlatform
let wijk: { id: number; slug: string; cityId: number; citySlug: string }
let other: { id: number; slug: string }
let hosted: { id: number; slug: string }
let ownerId: string

const SECRET = {
  contactName: 'SENTINEL-NAAM-qx81',
  contactEmail: 'sentinel-mail-qx82@example.test',
  contactPhone: 'SENTINEL-TEL-qx83',
  contactAddress: 'SENTINEL-ADRES-qx84',
}
const PRIVATE_PARTS = Object.values(SECRET)

type Insert = typeof contentItems.$inferInsert

async function item(wijkId: number, type: Insert['type'], over: Partial<Insert> = {}): Promise<{ id: number; slug: string; type: Insert['type'] }> {
  const now = t.clock.now()
  const title = over.title ?? `${type} ${Math.random().toString(36).slice(2, 8)}`
  const slug = over.slug ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const [row] = await t.deps.db
    .insert(contentItems)
    .values({ wijkId, type, status: 'published', summary: `Samenvatting van ${title}`, ownerId, createdAt: now, updatedAt: now, publishedAt: now, ...SECRET, ...over, title, slug })
    .returning({ id: contentItems.id })
  return { id: row!.id, slug, type }
}

async function occurrence(contentId: number, wijkId: number, startsAt: string, endsAt: string | null = null) {
  await t.deps.db.insert(activityOccurrences).values({ contentId, wijkId, startsAt: new Date(startsAt), endsAt: endsAt ? new Date(endsAt) : null })
}

function expectNoPrivate(text: string) {
  for (const s of PRIVATE_PARTS) expect(text).not.toContain(s)
}

let koffie: { id: number; slug: string; type: Insert['type'] }
let zaterdag: { id: number; slug: string; type: Insert['type'] }
let april: { id: number; slug: string; type: Insert['type'] }
let org: { id: number; slug: string; type: Insert['type'] }
let news: { id: number; slug: string; type: Insert['type'] }
let request: { id: number; slug: string; type: Insert['type'] }
let offer: { id: number; slug: string; type: Insert['type'] }
let draft: { id: number; slug: string; type: Insert['type'] }
let hidden: { id: number; slug: string; type: Insert['type'] }
let expired: { id: number; slug: string; type: Insert['type'] }
let draftActivity: { id: number; slug: string; type: Insert['type'] }

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  t = await createTestPlatform()
  wijk = await buildWijk(t, { slug: 'zonnehoek', name: 'Zonnehoek', citySlug: 'zonnestad' })
  other = await buildWijk(t, { slug: 'maanhoek', name: 'Maanhoek', citySlug: 'zonnestad' })
  hosted = await buildWijk(t, { slug: 'eigenwijk', name: 'Eigenwijk', hostName: 'www.eigenwijk.test' })
  await t.hostMap.reload(t.deps.db)
  ownerId = (await buildUser(t)).id
  await ensureDefaultThemes(t.deps.db, wijk.id)
  const themes = await listThemes(t.deps.db, wijk.id)
  const sport = themes.find((th) => th.slug === 'sport-en-bewegen')!

  org = await item(wijk.id, 'organisation', { title: 'Buurthuis De Zon', openingHours: 'ma-vr 9-17', website: 'https://buurthuis.example', contactNamePublic: true })
  koffie = await item(wijk.id, 'activity', {
    title: 'Koffie, thee; en taart',
    summary: 'Elke maandag koffie in het buurthuis, met een lange beschrijving die zeker langer is dan vijfenzeventig octetten zodat het iCal-bestand moet vouwen: één, twee, drie.',
    body: 'Kom **gezellig** langs.\n\n<script>alert(1)</script>',
    startsAt: new Date('2026-03-02T17:00:00Z'),
    endsAt: new Date('2026-03-02T19:00:00Z'),
    locationOrgId: org.id,
    locationText: 'Zonnestraat 1',
    contactNamePublic: true,
    contactPhonePublic: true,
    contactName: 'Publieke Petra',
    contactPhone: '06 1234 5678',
  })
  await occurrence(koffie.id, wijk.id, '2026-03-02T17:00:00Z', '2026-03-02T19:00:00Z')
  await occurrence(koffie.id, wijk.id, '2026-03-09T17:00:00Z', '2026-03-09T19:00:00Z')
  await t.deps.db.insert(contentThemes).values({ contentId: koffie.id, themeId: themes[0]!.id })
  zaterdag = await item(wijk.id, 'activity', { title: 'Hardlopen in het park', startsAt: new Date('2026-03-07T09:00:00Z'), costCents: 250 })
  await occurrence(zaterdag.id, wijk.id, '2026-03-07T09:00:00Z', '2026-03-07T10:00:00Z')
  await t.deps.db.insert(contentThemes).values({ contentId: zaterdag.id, themeId: sport.id })
  april = await item(wijk.id, 'activity', { title: 'Lentefeest', startsAt: new Date('2026-04-10T10:00:00Z'), allDay: true })
  await occurrence(april.id, wijk.id, '2026-04-10T10:00:00Z')
  draftActivity = await item(wijk.id, 'activity', { title: 'Geheime bijeenkomst concept', status: 'draft' })
  await occurrence(draftActivity.id, wijk.id, '2026-03-02T15:00:00Z')

  news = await item(wijk.id, 'news', { title: 'Nieuwe bankjes op het plein' })
  request = await item(wijk.id, 'request', { title: 'Wie helpt met boodschappen', category: 'Boodschappen', expiresAt: new Date('2026-03-30T00:00:00Z') })
  offer = await item(wijk.id, 'offer', { title: 'Ik repareer fietsen', category: 'Klussen' })
  draft = await item(wijk.id, 'news', { title: 'Conceptbericht verborgen', status: 'draft' })
  hidden = await item(wijk.id, 'offer', { title: 'Verborgen aanbod', status: 'hidden' })
  expired = await item(wijk.id, 'request', { title: 'Verlopen vraag', expiresAt: new Date('2026-03-01T00:00:00Z') })
  await item(other.id, 'request', { title: 'Vraag uit Maanhoek' })
  const maanActivity = await item(other.id, 'activity', { title: 'Maanwandeling', startsAt: new Date('2026-03-03T19:00:00Z') })
  await occurrence(maanActivity.id, other.id, '2026-03-03T19:00:00Z')
  await item(hosted.id, 'news', { title: 'Eigen nieuws' })
  await t.deps.db.insert(contentImages).values({ contentId: org.id, fileKey: 'content/abc123', widths: [320, 640, 1280], width: 1280, height: 853, alt: 'De voorgevel van het buurthuis', createdAt: t.clock.now() })
})
afterAll(() => t.stop())

const NOT_PUBLIC = ['Conceptbericht verborgen', 'Verborgen aanbod', 'Verlopen vraag', 'Geheime bijeenkomst concept']

describe('module lists', () => {
  it('lists the public items of a module as cards, without private or unpublished ones', async () => {
    const page = await t.client().get('/zonnehoek/prikbord')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Wie helpt met boodschappen')
    expect(page.body).toContain('Ik repareer fietsen')
    expect(page.body).toContain(`/zonnehoek/prikbord/${request.id}-${request.slug}`)
    expect(page.body).toContain(`/zonnehoek/prikbord/${offer.id}-${offer.slug}`)
    expect(page.body).not.toContain('Vraag uit Maanhoek')
    for (const s of NOT_PUBLIC) expect(page.body).not.toContain(s)
    expectNoPrivate(page.body)
    expect(transferred(page.body)).toBeLessThan(60 * 1024)
  })

  it('filters the Prikbord by kind and category', async () => {
    const client = t.client()
    const vraag = await client.get('/zonnehoek/prikbord?soort=vraag')
    expect(vraag.body).toContain('Wie helpt met boodschappen')
    expect(vraag.body).not.toContain('Ik repareer fietsen')
    const klussen = await client.get('/zonnehoek/prikbord?categorie=Klussen')
    expect(klussen.body).toContain('Ik repareer fietsen')
    expect(klussen.body).not.toContain('Wie helpt met boodschappen')
  })

  it('offers as category filters exactly the categories with a visible item, whatever their expiry', async () => {
    // Categories whose only items are expired, hidden, a draft or in another wijk are not offered.
    await item(wijk.id, 'request', { title: 'Oude oppasvraag', category: 'Oppas', expiresAt: new Date('2026-02-01T00:00:00Z') })
    await item(wijk.id, 'offer', { title: 'Verborgen vervoer', category: 'Vervoer', status: 'hidden' })
    await item(wijk.id, 'offer', { title: 'Concept gezelschap', category: 'Gezelschap', status: 'draft' })
    await item(other.id, 'offer', { title: 'Tuinhulp in Maanhoek', category: 'Tuin' })
    // A category with an expired item and a later, unexpired one is offered once.
    await item(wijk.id, 'request', { title: 'Verlopen klus', category: 'Klussen', expiresAt: new Date('2026-02-01T00:00:00Z') })
    const page = await t.client().get('/zonnehoek/prikbord')
    const offered = [...page.body.matchAll(/[?&]amp;categorie=([^"&]+)|[?&]categorie=([^"&]+)/g)].map((m) => decodeURIComponent(m[1] ?? m[2]!))
    expect(new Set(offered)).toEqual(new Set(['Boodschappen', 'Klussen']))
    expect(offered.filter((c) => c === 'Klussen')).toHaveLength(1)
  })

  it('filters by theme, and answers 404 for an unknown theme and 400 for a bad page number', async () => {
    const client = t.client()
    const sport = await client.get('/zonnehoek/agenda?thema=sport-en-bewegen')
    expect(sport.body).toContain('Hardlopen in het park')
    expect(sport.body).not.toContain('Koffie, thee; en taart')
    expect((await client.get('/zonnehoek/agenda?thema=bestaat-niet')).status).toBe(404)
    expect((await client.get('/zonnehoek/nieuws?pagina=abc')).status).toBe(400)
    expect((await client.get('/zonnehoek/nieuws?pagina=0')).status).toBe(400)
  })

  it('pages 20 items at a time with rel=next and rel=prev', async () => {
    const w = await buildWijk(t, { slug: 'veelwijk' })
    for (let i = 0; i < 25; i++) await item(w.id, 'news', { title: `Bericht nummer ${String(i).padStart(2, '0')}`, publishedAt: new Date(Date.UTC(2026, 1, 1 + i)) })
    const client = t.client()
    const first = await client.get('/veelwijk/nieuws')
    expect(first.body.match(/class="card item-card/g)?.length).toBe(20)
    expect(first.body).toContain('rel="next" href="/veelwijk/nieuws?pagina=2"')
    expect(first.body).not.toContain('rel="prev"')
    expect(first.body).toContain('Bericht nummer 24')
    const second = await client.get('/veelwijk/nieuws?pagina=2')
    expect(second.body.match(/class="card item-card/g)?.length).toBe(5)
    expect(second.body).toContain('rel="prev" href="/veelwijk/nieuws"')
    expect(second.body).not.toContain('rel="next"')
    expect((await client.get('/veelwijk/nieuws?pagina=3')).status).toBe(404)
  })

  it('says so honestly when a module is empty', async () => {
    const page = await t.client().get('/maanhoek/etalage')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Er staan (nog) geen producten of diensten in de etalage.')
  })
})

describe('the Agenda', () => {
  it('lists upcoming occurrences per day with Amsterdam times, not drafts', async () => {
    const page = await t.client().get('/zonnehoek/agenda')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Koffie, thee; en taart')
    expect(page.body).toContain('18:00–20:00') // 17:00Z is 18:00 in winter time
    expect(page.body).toContain('maandag 2 maart 2026')
    expect(page.body).not.toContain('Geheime bijeenkomst concept')
    expect(page.body).not.toContain('Maanwandeling')
  })

  it('narrows to today, this weekend, and a month', async () => {
    const client = t.client()
    const today = await client.get('/zonnehoek/agenda?wanneer=vandaag')
    expect(today.body).toContain('Koffie, thee; en taart')
    expect(today.body).not.toContain('Hardlopen in het park')
    const weekend = await client.get('/zonnehoek/agenda?wanneer=dit-weekend')
    expect(weekend.body).toContain('Hardlopen in het park')
    expect(weekend.body).not.toContain('Koffie, thee; en taart')
    const week = await client.get('/zonnehoek/agenda?wanneer=deze-week')
    expect(week.body).toContain('Hardlopen in het park')
    expect(week.body).not.toContain('Lentefeest')
    const month = await client.get('/zonnehoek/agenda?maand=2026-04')
    expect(month.body).toContain('Lentefeest')
    expect(month.body).toContain('href="/zonnehoek/agenda?dag=2026-04-10"')
    expect(month.body).not.toContain('Hardlopen in het park')
    const day = await client.get('/zonnehoek/agenda?dag=2026-04-10')
    expect(day.body).toContain('Lentefeest')
    expect(day.body).toContain('vrijdag 10 april 2026')
    expect((await client.get('/zonnehoek/agenda?maand=2026-13')).status).toBe(400)
  })

  it('keeps a busy month small: three a day in the calendar, the rest on the day’s page', async () => {
    const w = await buildWijk(t, { slug: 'drukwijk' })
    const a = await item(w.id, 'activity', { title: 'Dagelijkse wandeling met een vrij lange titel voor de grootte', summary: 'x'.repeat(300), locationText: 'Het park bij de grote vijver' })
    for (let i = 0; i < 150; i++) await occurrence(a.id, w.id, new Date(Date.UTC(2026, 3, 1 + (i % 30), 6 + Math.floor(i / 30))).toISOString())
    const client = t.client()
    const month = await client.get('/drukwijk/agenda?maand=2026-04')
    expect(month.status).toBe(200)
    expect(transferred(month.body)).toBeLessThan(60 * 1024)
    expect(month.body.match(/Dagelijkse wandeling/g)?.length).toBe(30 * 3)
    expect(month.body).toContain('<a href="/drukwijk/agenda?dag=2026-04-18">nog 2 activiteiten</a>')
    const day = await client.get('/drukwijk/agenda?dag=2026-04-18')
    expect(day.body.match(/class="card item-card/g)?.length).toBe(5)
    const print = await client.get('/drukwijk/agenda/afdrukken?maand=2026-04')
    expect(print.body.match(/Dagelijkse wandeling/g)?.length).toBe(150)
    expect(transferred(print.body)).toBeLessThan(60 * 1024)
  })
})

describe('item pages', () => {
  it('shows the public fields and only the contact fields that were switched on', async () => {
    const page = await t.client().get(`/zonnehoek/agenda/${koffie.id}-${koffie.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Koffie, thee; en taart</h1>')
    expect(page.body).toContain('Publieke Petra')
    expect(page.body).toContain('06 1234 5678')
    expect(page.body).not.toContain(SECRET.contactEmail)
    expect(page.body).not.toContain(SECRET.contactAddress)
    expect(page.body).toContain('<strong>gezellig</strong>')
    expect(page.body).not.toContain('<script>alert(1)</script>')
    expect(page.body).toContain(`href="/zonnehoek/agenda/${koffie.id}.ics"`)
    expect(page.body).toContain(`href="/zonnehoek/agenda/${koffie.id}-${koffie.slug}/contact"`)
    expect(page.body).toContain(`href="/zonnehoek/organisaties/${org.id}-${org.slug}"`)
    // The activity's location is called what the owner's form calls it.
    expect(page.body).toContain('<dt>Locatie</dt><dd>Zonnestraat 1</dd>')
    expect(page.body).not.toContain('<dt>Adres</dt>')
    expect(page.body).toContain('rel="canonical" href="http://localhost/zonnehoek/agenda/')
    expect(transferred(page.body)).toBeLessThan(60 * 1024)
  })

  it('hides every contact field that was not switched on', async () => {
    const page = await t.client().get(`/zonnehoek/prikbord/${request.id}-${request.slug}`)
    expect(page.status).toBe(200)
    expectNoPrivate(page.body)
  })

  it('carries parseable schema.org JSON-LD', async () => {
    const ev = await t.client().get(`/zonnehoek/agenda/${koffie.id}-${koffie.slug}`)
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(ev.body)?.[1]
    expect(json).toBeTruthy()
    const data = JSON.parse(json!) as Record<string, unknown>
    expect(data['@type']).toBe('Event')
    expect(data.name).toBe('Koffie, thee; en taart')
    expect(data.startDate).toBe('2026-03-02T17:00:00.000Z')
    const orgPage = await t.client().get(`/zonnehoek/organisaties/${org.id}-${org.slug}`)
    const orgData = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(orgPage.body)![1]!) as Record<string, unknown>
    expect(orgData['@type']).toBe('Organization')
    expect(JSON.stringify(orgData)).not.toContain(SECRET.contactEmail)
    const newsPage = await t.client().get(`/zonnehoek/nieuws/${news.id}-${news.slug}`)
    expect(newsPage.body).toContain('"@type":"NewsArticle"')
  })

  it('lists an organisation’s activities and shows its images with srcset and alt', async () => {
    const page = await t.client().get(`/zonnehoek/organisaties/${org.id}-${org.slug}`)
    expect(page.body).toContain(`/zonnehoek/agenda/${koffie.id}-${koffie.slug}`)
    expect(page.body).toContain('srcset="/media/content/abc123-320.webp 320w, /media/content/abc123-640.webp 640w, /media/content/abc123-1280.webp 1280w"')
    expect(page.body).toContain('alt="De voorgevel van het buurthuis"')
    expect(page.body).toContain('width="1280" height="853"')
    // The first picture is likely the largest paint: not lazy, fetched first.
    expect(page.body).toContain('alt="De voorgevel van het buurthuis" loading="eager" fetchpriority="high"')
  })

  it('moves a wrong slug or module to the right address for good', async () => {
    const client = t.client()
    const wrong = await client.get(`/zonnehoek/agenda/${koffie.id}-oude-titel`)
    expect(wrong.status).toBe(301)
    expect(wrong.location).toBe(`/zonnehoek/agenda/${koffie.id}-${koffie.slug}`)
    const bare = await client.get(`/zonnehoek/nieuws/${news.id}`)
    expect(bare.status).toBe(301)
    const module = await client.get(`/zonnehoek/nieuws/${koffie.id}-${koffie.slug}`)
    expect(module.location).toBe(`/zonnehoek/agenda/${koffie.id}-${koffie.slug}`)
  })

  it('answers 404 for a draft, hidden, expired or other wijk’s item', async () => {
    const client = t.client()
    expect((await client.get(`/zonnehoek/nieuws/${draft.id}-${draft.slug}`)).status).toBe(404)
    expect((await client.get(`/zonnehoek/prikbord/${hidden.id}-${hidden.slug}`)).status).toBe(404)
    expect((await client.get(`/zonnehoek/prikbord/${expired.id}-${expired.slug}`)).status).toBe(404)
    expect((await client.get(`/maanhoek/agenda/${koffie.id}-${koffie.slug}`)).status).toBe(404)
    expect((await client.get(`/zonnehoek/agenda/abc`)).status).toBe(404)
  })
})

describe('feeds', () => {
  it('serves a valid iCalendar per wijk: CRLF, escaping, folding, no drafts', async () => {
    const res = await t.app.request('/zonnehoek/agenda.ics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const body = await res.text()
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBe(body.match(/END:VEVENT/g)?.length)
    expect(body).toContain('SUMMARY:Koffie\\, thee\\; en taart')
    // One event per activity, in Amsterdam time with the zone (wijk-site.calendar.test.ts reads them with ical.js).
    expect(body).toContain(`UID:activity-${koffie.id}@localhost`)
    expect(body).toContain('DTSTART;TZID=Europe/Amsterdam:20260302T180000')
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam')
    expect(body).toContain('DTSTART;VALUE=DATE:20260410')
    expect(body).toContain('DTEND;VALUE=DATE:20260411')
    expect(body).toMatch(/\r\n [^\r]/) // a folded line
    const unfolded = body.replace(/\r\n /g, '')
    expect(unfolded).toContain('zodat het iCal-bestand moet vouwen: één\\, twee\\, drie.')
    expect(body).not.toContain('Geheime bijeenkomst')
    expectNoPrivate(unfolded)
  })

  it('serves one activity and one theme as iCalendar', async () => {
    const one = await (await t.app.request(`/zonnehoek/agenda/${koffie.id}.ics`)).text()
    expect(one.match(/BEGIN:VEVENT/g)?.length).toBe(1)
    expect(one).not.toContain('Hardlopen')
    const theme = await (await t.app.request('/zonnehoek/agenda/sport-en-bewegen.ics')).text()
    expect(theme).toContain('SUMMARY:Hardlopen in het park')
    expect(theme).not.toContain('Koffie')
    expect((await t.app.request(`/zonnehoek/agenda/${draftActivity.id}.ics`)).status).toBe(404)
    expect((await t.app.request('/zonnehoek/agenda/geen-thema.ics')).status).toBe(404)
  })

  it('serves RSS per module with public items only', async () => {
    const res = await t.app.request('/zonnehoek/prikbord.rss')
    expect(res.headers.get('content-type')).toContain('application/rss+xml')
    const xml = await res.text()
    expect(xml).toContain('<rss version="2.0"')
    expect(xml).toContain('<title>Wie helpt met boodschappen</title>')
    expect(xml).toContain(`<link>http://localhost/zonnehoek/prikbord/${request.id}-${request.slug}</link>`)
    for (const s of NOT_PUBLIC) expect(xml).not.toContain(s)
    expectNoPrivate(xml)
  })
})

describe('print view', () => {
  it('prints a week and a month of the Agenda', async () => {
    const client = t.client()
    const week = await client.get('/zonnehoek/agenda/afdrukken?week=2026-W10')
    expect(week.status).toBe(200)
    expect(week.body).toContain('class="agenda-print"')
    expect(week.body).toContain('Hardlopen in het park')
    expect(week.body).not.toContain('Lentefeest')
    const month = await client.get('/zonnehoek/agenda/afdrukken?maand=2026-04')
    expect(month.body).toContain('Lentefeest')
    const current = await client.get('/zonnehoek/agenda/afdrukken')
    expect(current.body).toContain('Koffie, thee; en taart')
    expect((await client.get('/zonnehoek/agenda/afdrukken?week=2026-W99')).status).toBe(400)
  })
})

describe('sitemap', () => {
  it('lists homes, module pages, city pages and public items only', async () => {
    const res = await t.app.request('/sitemap.xml')
    expect(res.headers.get('content-type')).toContain('application/xml')
    const xml = await res.text()
    expect(xml).toContain('<loc>http://localhost/zonnehoek/</loc>')
    expect(xml).toContain('<loc>http://localhost/zonnehoek/prikbord</loc>')
    expect(xml).toContain('<loc>http://localhost/zonnestad/</loc>')
    expect(xml).toContain(`<loc>http://localhost/zonnehoek/agenda/${koffie.id}-${koffie.slug}</loc>`)
    expect(xml).toContain('<loc>http://www.eigenwijk.test/</loc>')
    for (const x of [draft, hidden, expired, draftActivity]) expect(xml).not.toContain(`/${x.id}-`)
    expect((await t.app.request('/sitemap.xml?deel=1')).status).toBe(404)
    const robots = await (await t.app.request('/robots.txt')).text()
    expect(robots).toContain('Sitemap: http://localhost/sitemap.xml')
  })
})

describe('sitemap beyond the protocol limit', () => {
  it('becomes an index of parts that together list every public item once', async () => {
    const saved = SITEMAP.limit
    SITEMAP.limit = 5
    // The limit is a constant in production; changing it at run time is not a data change, so
    // the rendered sitemap in the page cache must be dropped by hand.
    t.pageCache.clear()
    try {
      const index = await (await t.app.request('/sitemap.xml')).text()
      expect(index).toContain('<sitemapindex')
      const locs = [...index.matchAll(/<loc>http:\/\/localhost(\/sitemap\.xml\?deel=\d+)<\/loc>/g)].map((m) => m[1]!)
      expect(locs.length).toBeGreaterThan(2)
      const parts = await Promise.all(locs.map(async (l) => (await t.app.request(l)).text()))
      expect(parts[0]).toContain('<loc>http://localhost/zonnehoek/</loc>')
      const all = parts.join('\n')
      const item = `<loc>http://localhost/zonnehoek/agenda/${koffie.id}-${koffie.slug}</loc>`
      expect(all.split(item).length - 1).toBe(1)
      for (const x of [draft, hidden, expired, draftActivity]) expect(all).not.toContain(`/${x.id}-`)
      expect((await t.app.request(`/sitemap.xml?deel=${locs.length + 3}`)).status).toBe(404)
      expect((await t.app.request('/sitemap.xml?deel=x')).status).toBe(400)
    } finally {
      SITEMAP.limit = saved
    }
  })
})

describe('wijk home and city page', () => {
  it('shows upcoming activities, the newest Prikbord items, news, recently updated and themes', async () => {
    const page = await t.client().get('/zonnehoek/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Koffie, thee; en taart')
    expect(page.body).toContain('Wie helpt met boodschappen')
    expect(page.body).toContain('Nieuwe bankjes op het plein')
    expect(page.body).toContain('Buurthuis De Zon')
    expect(page.body).toContain('href="/zonnehoek/agenda?thema=sport-en-bewegen"')
    for (const s of NOT_PUBLIC) expect(page.body).not.toContain(s)
    expectNoPrivate(page.body)
    expect(transferred(page.body)).toBeLessThan(60 * 1024)
  })

  it('aggregates the Agenda and Prikbord of a city’s wijken, labelled by wijk', async () => {
    const page = await t.client().get('/zonnestad/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Maanwandeling')
    expect(page.body).toContain('Koffie, thee; en taart')
    expect(page.body).toContain('Vraag uit Maanhoek')
    expect(page.body).toMatch(/Maanwandeling[\s\S]*?Maanhoek/)
    expect(page.body).not.toContain('Verlopen vraag')
  })
})

describe('custom host names', () => {
  it('links inside a wijk on its own host at the root', async () => {
    const client = t.client()
    const page = await client.get('/nieuws', { host: 'www.eigenwijk.test' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('Eigen nieuws')
    expect(page.body).toMatch(/href="\/nieuws\/\d+-eigen-nieuws"/)
    expect(page.body).toContain('rel="canonical" href="http://www.eigenwijk.test/nieuws"')
  })
})
