/**
 * A wijk that is not launched yet, through HTTP: invisible to the public everywhere (its pages,
 * lists of wijken, its items in lists, feeds, the sitemap and the partner API), visible with a
 * banner to its team and admins, launched by its ambassadeur or an admin, and then public at once,
 * also where a page was cached before the launch.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, loggedInClient } from '../../../test/factories.js'
import { bearer, buildPartner } from '../../../test/partners.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { activityOccurrences, contentImages, contentItems } from '../content/content.tables.js'
import { HOUR } from '../../kernel/clock.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { wijken } from './places.tables.js'

const BANNER = 'Deze wijk is nog niet gelanceerd: alleen het wijkteam ziet deze pagina'
const LOGO = `logos/${'ab'.repeat(16)}.webp`

let t: TestPlatform
let open: Awaited<ReturnType<typeof buildWijk>>
let nieuw: Awaited<ReturnType<typeof buildWijk>>
let news: { id: number; slug: string }
let newsPath: string
let partnerKey: string
let beheerder: TestClient
let ambassadeur: TestClient
let otherAmbassadeur: TestClient

beforeAll(async () => {
  t = await createTestPlatform()
  open = await buildWijk(t, { slug: 'zonnedorp', name: 'Zonnedorp', citySlug: 'lanceerstad', postcodes: ['9990'] })
  nieuw = await buildWijk(t, { slug: 'nieuwland', name: 'Nieuwland', citySlug: 'lanceerstad', postcodes: ['9991'], launched: false })
  await t.deps.db.update(wijken).set({ logoPath: LOGO }).where(eq(wijken.id, nieuw.id))
  await t.deps.files.put(LOGO, Buffer.from('RIFF-not-really-webp'))
  news = await buildItem(t, { wijkId: nieuw.id, type: 'news', title: 'Geheim lanceernieuws' })
  newsPath = `/nieuwland${itemPathInWijk({ ...news, type: 'news' })}`
  partnerKey = (await buildPartner(t, { cityIds: [open.cityId] })).key
  beheerder = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: nieuw.id }))
  ambassadeur = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: nieuw.id }))
  otherAmbassadeur = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: open.id }))
})
afterAll(() => t.stop())

const wijkPages = () => ['/nieuwland/', '/nieuwland/nieuws', newsPath, '/nieuwland/thema.css', '/nieuwland/nieuws.rss', '/nieuwland/agenda.ics', '/nieuwland/zoeken?q=lanceer', '/nieuwland/nieuwsbrieven', `/media/${LOGO}`]

async function apiJson(path: string) {
  const res = await t.client().get(path, bearer(partnerKey))
  return { status: res.status, body: res.body, json: res.status === 200 ? JSON.parse(res.body) : null }
}

describe('before the launch', () => {
  it('answers 404 to a visitor on every page of the wijk, its feeds, theme and logo', async () => {
    for (const path of [...wijkPages(), '/nieuwland']) expect([path, (await t.client().get(path)).status]).toEqual([path, 404])
  })

  it('answers 404 at the root of its own host name too', async () => {
    await buildWijk(t, { slug: 'verborgenhof', citySlug: 'lanceerstad', hostName: 'www.verborgenhof.test', launched: false })
    await t.hostMap.reload(t.deps.db)
    for (const path of ['/', '/thema.css', '/nieuws']) expect((await t.client().get(path, { host: 'www.verborgenhof.test' })).status).toBe(404)
  })

  it('answers 404 to a logged-in user outside the team, the ambassadeur of another wijk included', async () => {
    const resident = await loggedInClient(t, await buildUser(t))
    expect((await resident.get('/nieuwland/')).status).toBe(404)
    expect((await otherAmbassadeur.get(newsPath)).status).toBe(404)
  })

  it('leaves the wijk and its item out of the platform home, the city page, the postcode lookup and the sitemap', async () => {
    const visitor = t.client()
    const home = await visitor.get('/')
    expect(home.body).toContain('/zonnedorp/')
    expect(home.body).not.toContain('/nieuwland/')
    const city = await visitor.get('/lanceerstad/')
    expect(city.status).toBe(200)
    expect(city.body).not.toContain('Nieuwland')
    expect(city.body).not.toContain('Geheim lanceernieuws')
    const lookup = await visitor.get('/zoek-wijk?postcode=9991')
    expect(lookup.status).toBe(200)
    expect(lookup.body).not.toContain('/nieuwland/')
    const sitemap = await visitor.get('/sitemap.xml')
    expect(sitemap.body).toContain('/zonnedorp/')
    expect(sitemap.body).not.toContain('nieuwland')
  })

  it('offers only launched wijken as home wijk at sign-up', async () => {
    const signup = await t.client().get('/account/registreren')
    expect(signup.body).toContain('Zonnedorp')
    expect(signup.body).not.toContain('Nieuwland')
  })

  it('keeps the item out of search elsewhere and out of the partner API, where the wijk is unknown', async () => {
    const search = await t.client().get('/zonnedorp/zoeken?q=lanceernieuws')
    expect(search.status).toBe(200)
    expect(search.body).not.toContain('Geheim lanceernieuws')
    const list = await apiJson('/api/v1/news?limit=100')
    expect(list.status).toBe(200)
    expect(list.body).not.toContain('Geheim lanceernieuws')
    expect((await apiJson(`/api/v1/news/${news.id}`)).status).toBe(404)
    expect((await apiJson('/api/v1/news?wijk=nieuwland')).status).toBe(404)
    const listed = await apiJson('/api/v1/wijken')
    expect(listed.json.data.map((w: { slug: string }) => w.slug)).toEqual(['zonnedorp'])
    const cities = await apiJson('/api/v1/cities')
    expect(cities.body).not.toContain('nieuwland')
  })

  it('shows its pages to a wijkbeheerder with the banner and without the launch button', async () => {
    for (const path of ['/nieuwland/', '/nieuwland/nieuws', '/nieuwland/zoeken?q=x', '/nieuwland/nieuwsbrieven']) {
      const page = await beheerder.get(path)
      expect([path, page.status]).toEqual([path, 200])
      expect(page.body).toContain(BANNER)
      expect(page.body).not.toContain('/lanceren"')
    }
    expect((await beheerder.get('/nieuwland/thema.css')).status).toBe(200)
    const logo = await beheerder.get(`/media/${LOGO}`)
    expect(logo.status).toBe(200)
    expect(logo.res.headers.get('cache-control')).toBe('private, no-store')
    expect((await beheerder.post(`/beheer/wijken/${nieuw.id}/lanceren`, { terug: 'site' })).status).toBe(403)
  })

  it('refuses the ambassadeur of another wijk the launch (403)', async () => {
    expect((await otherAmbassadeur.post(`/beheer/wijken/${nieuw.id}/lanceren`, { terug: 'site' })).status).toBe(403)
    const [row] = await t.deps.db.select({ launchedAt: wijken.launchedAt }).from(wijken).where(eq(wijken.id, nieuw.id))
    expect(row!.launchedAt).toBeNull()
  })

  it('shows the ambassadeur the launch button on the wijk pages and on the beheer page', async () => {
    const home = await ambassadeur.get('/nieuwland/')
    expect(home.body).toContain(BANNER)
    expect(home.body).toContain(`action="/beheer/wijken/${nieuw.id}/lanceren"`)
    const beheer = await ambassadeur.get(`/beheer/wijken/${nieuw.id}`)
    expect(beheer.status).toBe(200)
    expect(beheer.body).toContain(BANNER)
    expect(beheer.body).toContain('name="terug" value="beheer"')
  })

  it('lets its team place content there, and answers an outsider who names it in Mijn content as if it did not exist', async () => {
    const newNews = `/mijn-content/nieuw?type=news&wijk=${nieuw.id}`
    const fields = { title: 'Voorbereid bericht', publicationDate: '2026-03-02' }
    await beheerder.get(newNews)
    const placed = await beheerder.post(newNews, fields)
    expect([placed.status, placed.location]).toEqual([303, expect.stringMatching(/^\/mijn-content\/\d+\/voorbeeld/)])

    const resident = await loggedInClient(t, await buildUser(t))
    const form = await resident.get(newNews)
    expect(form.status).toBe(200)
    expect(form.body).not.toContain('Nieuwland')
    const refused = await resident.post(newNews, { ...fields, title: 'Van buiten' })
    expect([refused.status, refused.location]).toEqual([303, '/mijn-content/nieuw'])
    const rows = await t.deps.db.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.title, 'Van buiten'))
    expect(rows).toHaveLength(0)
  })

  it("marks it on the admin's list of wijken", async () => {
    const admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
    const list = await admin.get('/beheer/wijken')
    expect(list.body).toMatch(/\/nieuwland\/<\/a><span class="muted"> \(nog niet gelanceerd\)/)
    expect(list.body).not.toMatch(/\/zonnedorp\/<\/a><span/)
  })
})

describe("previewing an unlaunched wijk's items", () => {
  const KEY = 'content/' + 'cd'.repeat(32)
  const titles = { agenda: 'Voorproef buurtborrel', prikbord: 'Voorproef ladder gezocht', nieuws: 'Voorproef nieuwsbericht', organisaties: 'Voorproef buurthuis' }
  const paths: Record<keyof typeof titles, string> = { agenda: '', prikbord: '', nieuws: '', organisaties: '' }
  let team: Array<[who: string, client: TestClient]>

  beforeAll(async () => {
    const wijk = await buildWijk(t, { slug: 'voorproef', name: 'Voorproef', citySlug: 'lanceerstad', launched: false })
    const now = t.clock.now()
    const activity = await buildItem(t, { wijkId: wijk.id, type: 'activity', title: titles.agenda })
    await t.deps.db.insert(activityOccurrences).values({ contentId: activity.id, wijkId: wijk.id, startsAt: new Date(now.getTime() + 2 * HOUR) })
    const request = await buildItem(t, { wijkId: wijk.id, type: 'request', title: titles.prikbord })
    const news = await buildItem(t, { wijkId: wijk.id, type: 'news', title: titles.nieuws })
    const org = await buildItem(t, { wijkId: wijk.id, type: 'organisation', title: titles.organisaties })
    await t.deps.db.insert(contentImages).values({ contentId: org.id, fileKey: KEY, widths: [320], width: 320, height: 200, alt: 'Het buurthuis', position: 0, createdAt: now })
    await t.deps.files.put(`${KEY}-320.webp`, Buffer.from('RIFF-not-really-webp'))
    paths.agenda = `/voorproef${itemPathInWijk({ ...activity, type: 'activity' })}`
    paths.prikbord = `/voorproef${itemPathInWijk({ ...request, type: 'request' })}`
    paths.nieuws = `/voorproef${itemPathInWijk({ ...news, type: 'news' })}`
    paths.organisaties = `/voorproef${itemPathInWijk({ ...org, type: 'organisation' })}`
    team = [
      ['wijkbeheerder', await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))],
      ['ambassadeur', await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))],
      ['admin', await loggedInClient(t, await buildUser(t, { role: 'admin' }))],
    ]
  })

  it('shows its team and admins every module with its items, the wijk home, the item pages, search and images', async () => {
    for (const [who, client] of team) {
      const home = await client.get('/voorproef/')
      for (const title of Object.values(titles)) expect([who, 'home', title, home.body.includes(title)]).toEqual([who, 'home', title, true])
      for (const [module, title] of Object.entries(titles)) {
        const list = await client.get(`/voorproef/${module}`)
        expect([who, module, list.status, list.body.includes(title)]).toEqual([who, module, 200, true])
        const page = await client.get(paths[module as keyof typeof titles])
        expect([who, module, page.status]).toEqual([who, module, 200])
        expect(page.body).toContain(title)
        expect(page.body).toContain(BANNER)
      }
      expect((await client.get('/voorproef/zoeken?q=ladder')).body).toContain(titles.prikbord)
      const image = await client.get(`/media/${KEY}-320.webp`)
      expect([who, image.status, image.res.headers.get('cache-control')]).toEqual([who, 200, 'private, no-store'])
    }
  })

  it('keeps the items from visitors, residents and another wijk\'s team, and out of feeds, which carry no session', async () => {
    const outsiders: Array<[string, TestClient]> = [
      ['visitor', t.client()],
      ['resident', await loggedInClient(t, await buildUser(t))],
      ['other ambassadeur', otherAmbassadeur],
    ]
    for (const [who, client] of outsiders) {
      for (const path of [...Object.values(paths), `/media/${KEY}-320.webp`]) expect([who, path, (await client.get(path)).status]).toEqual([who, path, 404])
    }
    const [, beheerderClient] = team[0]!
    expect((await beheerderClient.get('/voorproef/nieuws.rss')).body).not.toContain(titles.nieuws)
    const city = await t.client().get('/lanceerstad/')
    for (const title of Object.values(titles)) expect(city.body).not.toContain(title)
  })
})

describe('the launch', () => {
  it('makes the wijk public at once, also where a page was cached before', async () => {
    const visitor = t.client()
    await visitor.get('/lanceerstad/')
    const cached = await visitor.get('/lanceerstad/')
    expect(cached.res.headers.get('x-page-cache')).toBe('hit')
    expect(cached.body).not.toContain('Nieuwland')

    const res = await ambassadeur.post(`/beheer/wijken/${nieuw.id}/lanceren`, { terug: 'site' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/nieuwland/?melding=flash.places.launched')
    const after = await ambassadeur.get(res.location!)
    expect(after.body).not.toContain(BANNER)
    expect(after.body).toContain('De wijk is gelanceerd')

    const city = await visitor.get('/lanceerstad/')
    expect(city.res.headers.get('x-page-cache')).toBe('miss')
    expect(city.body).toContain('Nieuwland')
    for (const path of wijkPages()) expect([path, (await visitor.get(path)).status]).toEqual([path, 200])
    expect((await visitor.get(newsPath)).body).toContain('Geheim lanceernieuws')
    expect((await visitor.get('/nieuwland/nieuws.rss')).body).toContain('Geheim lanceernieuws')
    expect((await visitor.get('/sitemap.xml')).body).toContain('/nieuwland/')
    expect((await visitor.get('/zoek-wijk?postcode=9991')).location).toBe('/nieuwland/')
    expect((await apiJson('/api/v1/news?limit=100')).body).toContain('Geheim lanceernieuws')
    expect((await apiJson('/api/v1/news?wijk=nieuwland')).status).toBe(200)
  })

  it('is harmless a second time, and audited once', async () => {
    const again = await ambassadeur.post(`/beheer/wijken/${nieuw.id}/lanceren`, { terug: 'beheer' })
    expect(again.status).toBe(303)
    expect(again.location).toBe(`/beheer/wijken/${nieuw.id}?melding=flash.places.launched`)
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.launch'), eq(auditLog.targetId, String(nieuw.id))))
    expect(audits).toHaveLength(1)
  })
})

describe('an admin preparing a wijk', () => {
  const fields = (slug: string, extra: Record<string, string> = {}) => ({ name: `Wijk ${slug}`, slug, cityId: String(open.cityId), postcodes: '', introNl: '', introEn: '', colour: '#1d6b4f', hostName: '', centerLat: '', centerLon: '', ...extra })

  it('offers "Meteen lanceren", ticked, on the new-wijk form; unticked, the wijk is prepared unseen', async () => {
    const admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
    const form = await admin.get('/beheer/wijken/nieuw')
    expect(form.body).toMatch(/<input type="checkbox" id="launch" name="launch" checked=""/)
    expect(form.body).toContain('Meteen lanceren')

    expect((await admin.post('/beheer/wijken', fields('voorbereid'))).status).toBe(303)
    expect((await t.client().get('/voorbereid/')).status).toBe(404)
    const preview = await admin.get('/voorbereid/')
    expect(preview.status).toBe(200)
    expect(preview.body).toContain(BANNER)

    expect((await admin.post('/beheer/wijken', fields('meteen', { launch: 'on' }))).status).toBe(303)
    expect((await t.client().get('/meteen/')).status).toBe(200)
  })
})
