/**
 * Partner widgets (issue 12, P11, P15) through HTTP on a real database: the configurator with its
 * checks and audit, the data endpoint's CORS, the iframe page's frame-ancestors, oEmbed, the
 * script's size, and that no widget answer carries a private field, an item the public or the
 * partners may not see, or a cookie.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { gzipSync } from 'node:zlib'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk } from '../../../test/factories.js'
import { buildPartner } from '../../../test/partners.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { rebuildOccurrences } from '../content/content.recurrence.js'
import { users } from '../accounts/accounts.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { partners } from './partners.tables.js'
import { contentItems } from '../content/content.tables.js'
import { partnerWidgets } from './partners.widgets.tables.js'

const PARTNER_SITE = 'https://buurtnetwerk.example'
const OTHER_SITE = 'https://elders.example'
const SENTINEL = 'GEHEIM-SENTINEL'

let t: TestPlatform
let admin: TestClient
let visitor: TestClient
let a: Awaited<ReturnType<typeof buildWijk>>
let b: Awaited<ReturnType<typeof buildWijk>>

const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

async function insertWidget(partnerId: number, values: Partial<typeof partnerWidgets.$inferInsert> = {}): Promise<string> {
  const now = t.clock.now()
  const [row] = await t.deps.db
    .insert(partnerWidgets)
    .values({ partnerId, module: 'agenda', wijkId: a.id, itemCount: 10, lang: 'nl', label: 'Test', createdAt: now, updatedAt: now, ...values })
    .returning({ id: partnerWidgets.id })
  return row!.id
}

beforeAll(async () => {
  t = await createTestPlatform()
  a = await buildWijk(t)
  b = await buildWijk(t)
  visitor = t.client()
  admin = t.client()
  const user = await buildUser(t, { role: 'admin' })
  await admin.post('/account/inloggen', { email: user.email, password: user.password })
})
afterAll(() => t.stop())

describe('configurator', () => {
  it('creates, edits and deletes a widget, each change audited, with preview and snippets', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE], name: 'Buurtnetwerk' })
    const base = `/beheer/partners/${p.id}/widgets`
    const list = await admin.get(base)
    expect(list.status).toBe(200)
    expect(list.body).toContain('Buurtnetwerk')
    expect(list.body).toContain(PARTNER_SITE)
    expect((await admin.get(`${base}/nieuw`)).status).toBe(200)

    const created = await admin.post(`${base}/nieuw`, { label: 'Agenda op de homepage', module: 'agenda', place: `wijk:${a.id}`, itemId: '', themeSlug: '', itemCount: '5', lang: 'nl' })
    expect(created.status).toBe(303)
    const id = /\/widgets\/([0-9a-f-]{36})\?/.exec(created.res.headers.get('location')!)![1]!
    const [row] = await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.id, id))
    expect(row).toMatchObject({ partnerId: p.id, module: 'agenda', wijkId: a.id, cityId: null, itemCount: 5, lang: 'nl', label: 'Agenda op de homepage' })

    const edit = await admin.get(`${base}/${id}`)
    expect(edit.status).toBe(200)
    expect(edit.body).toContain(`<iframe class="widget-preview" src="/embed/${id}"`)
    const code = [...edit.body.matchAll(/<pre class="snippet"><code id="snippet-(\w+)">([\s\S]*?)<\/code><\/pre>/g)].map((m) => [m[1], decode(m[2]!)])
    const origin = t.config.publicBaseUrl
    expect(Object.fromEntries(code)).toEqual({
      component: `<script src="${origin}/embed/v1.js" async></script>\n<wijk-agenda widget="${id}" lang="nl"></wijk-agenda>`,
      iframe: expect.stringMatching(new RegExp(`^<iframe src="${origin}/embed/${id}" title="Agenda · [^"]+" width="100%" height="400" style="border:0" loading="lazy"></iframe>$`)),
      oembed: `${origin}/embed/${id}`,
    })

    // The scope names wijk A, not its city: the whole city is refused and nothing changes.
    const wider = await admin.post(`${base}/${id}`, { label: 'Nieuws', module: 'nieuws', place: `stad:${a.cityId}`, itemId: '', themeSlug: '', itemCount: '3', lang: 'en' })
    expect(wider.status).toBe(422)
    expect(wider.body).toContain('id="place-error"')
    expect((await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.id, id)))[0]?.module).toBe('agenda')

    const byWijk = await admin.post(`${base}/${id}`, { label: 'Nieuws', module: 'nieuws', place: `wijk:${a.id}`, itemId: '', themeSlug: '', itemCount: '3', lang: 'en' })
    expect(byWijk.status).toBe(303)
    expect((await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.id, id)))[0]).toMatchObject({ module: 'nieuws', itemCount: 3, lang: 'en' })

    expect((await admin.get(`${base}/${id}/verwijderen`)).status).toBe(200)
    expect((await admin.post(`${base}/${id}/verwijderen`, {})).status).toBe(303)
    expect(await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.id, id))).toEqual([])

    const audit = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, 'partner_widget'), eq(auditLog.targetId, id)))
    expect(audit.map((r) => r.action)).toEqual(['partner.widget.create', 'partner.widget.update', 'partner.widget.delete'])
  })

  it('refuses bad input and anything outside the agreement with 422, messages and the typed values', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], types: ['activity', 'news'] })
    const base = `/beheer/partners/${p.id}/widgets/nieuw`
    const valid = { label: 'Mijn widget', module: 'agenda', place: `wijk:${a.id}`, itemId: '', themeSlug: '', itemCount: '5', lang: 'nl' }
    const cases: Array<[Record<string, string>, string]> = [
      [{ label: '' }, 'label'],
      [{ itemCount: '0' }, 'itemCount'],
      [{ itemCount: '21' }, 'itemCount'],
      [{ lang: 'de' }, 'lang'],
      [{ module: 'forum' }, 'module'],
      [{ place: '' }, 'place'],
      [{ place: `wijk:${b.id}` }, 'place'],
      [{ place: `stad:${b.cityId}` }, 'place'],
      [{ module: 'etalage' }, 'module'],
      [{ themeSlug: 'bestaat-niet' }, 'themeSlug'],
      [{ module: 'prikbord', category: 'bestaat-niet' }, 'category'],
      [{ module: 'item', itemId: '' }, 'itemId'],
    ]
    for (const [change, field] of cases) {
      const page = await admin.post(base, { ...valid, ...change })
      expect(page.status, JSON.stringify(change)).toBe(422)
      expect(page.body, JSON.stringify(change)).toContain(`id="${field}-error"`)
      expect(page.body).toContain('value="Mijn widget"'.replace('Mijn widget', change.label ?? 'Mijn widget'))
    }
    const draft = await buildItem(t, { wijkId: a.id, type: 'activity', title: 'Concept', status: 'draft' })
    const refused = await admin.post(base, { ...valid, module: 'item', itemId: String(draft.id), place: '' })
    expect(refused.status).toBe(422)
    expect(refused.body).toContain('id="itemId-error"')
    expect(await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.partnerId, p.id))).toEqual([])
  })

  it('narrows a Prikbord widget to one category chosen in the configurator, and ignores a category elsewhere', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], types: ['request', 'offer', 'news'] })
    const base = `/beheer/partners/${p.id}/widgets/nieuw`
    for (const [title, category] of [['Wie rijdt mee naar de markt', 'vervoer'], ['Boor te leen', 'spullen']] as const) {
      const item = await buildItem(t, { wijkId: a.id, type: 'offer', title })
      await t.deps.db.update(contentItems).set({ category }).where(eq(contentItems.id, item.id))
    }
    const created = await admin.post(base, { label: 'Vervoer', module: 'prikbord', place: `wijk:${a.id}`, itemId: '', themeSlug: '', category: 'vervoer', itemCount: '10', lang: 'nl' })
    expect(created.status).toBe(303)
    const id = /\/widgets\/([0-9a-f-]{36})\?/.exec(created.res.headers.get('location')!)![1]!
    const json = (await (await visitor.request(`/embed/v1/widgets/${id}`)).json()) as { items: Array<{ title: string }> }
    const titles = json.items.map((i) => i.title)
    expect(titles).toContain('Wie rijdt mee naar de markt')
    expect(titles).not.toContain('Boor te leen')

    const news = await admin.post(base, { label: 'Nieuws', module: 'nieuws', place: `wijk:${a.id}`, itemId: '', themeSlug: '', category: 'vervoer', itemCount: '10', lang: 'nl' })
    const newsId = /\/widgets\/([0-9a-f-]{36})\?/.exec(news.res.headers.get('location')!)![1]!
    const [row] = await t.deps.db.select().from(partnerWidgets).where(eq(partnerWidgets.id, newsId))
    expect(row!.category).toBeNull()
  })

  it('is for platform admins only', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const id = await insertWidget(p.id)
    const beheerder = await buildUser(t, { role: 'wijkbeheerder', wijkId: a.id })
    const client = t.client()
    await client.post('/account/inloggen', { email: beheerder.email, password: beheerder.password })
    expect((await client.get(`/beheer/partners/${p.id}/widgets`)).status).toBe(403)
    expect((await client.get(`/beheer/partners/${p.id}/widgets/${id}`)).status).toBe(403)
    expect((await visitor.get(`/beheer/partners/${p.id}/widgets`)).status).toBe(303)
    // Another partner's widget under this partner's address is not found.
    const other = await buildPartner(t, { wijkIds: [a.id] })
    expect((await admin.get(`/beheer/partners/${other.id}/widgets/${id}`)).status).toBe(404)
  })
})

describe('data endpoint', () => {
  it('answers CORS only for a registered origin, by echoing it, and never sets a cookie', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE], types: ['news'] })
    await buildItem(t, { wijkId: a.id, type: 'news', title: 'Buurtnieuws voor de partner' })
    const id = await insertWidget(p.id, { module: 'nieuws' })
    const mine = await visitor.request(`/embed/v1/widgets/${id}`, { headers: { origin: PARTNER_SITE } })
    expect(mine.status).toBe(200)
    expect(mine.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE)
    expect(mine.headers.get('access-control-allow-credentials')).toBeNull()
    expect(mine.headers.get('vary')).toMatch(/Origin/)
    expect(mine.headers.get('set-cookie')).toBeNull()
    const json = (await mine.json()) as { items: Array<{ title: string; url: string }> }
    expect(json.items.map((i) => i.title)).toContain('Buurtnieuws voor de partner')
    expect(json.items[0]!.url).toMatch(new RegExp(`^${t.config.publicBaseUrl}/${a.slug}/nieuws/\\d+-`))

    for (const origin of [OTHER_SITE, `${PARTNER_SITE}.evil.example`, PARTNER_SITE.replace('https', 'http'), 'null']) {
      const other = await visitor.request(`/embed/v1/widgets/${id}`, { headers: { origin } })
      expect(other.status).toBe(200)
      expect(other.headers.get('access-control-allow-origin'), origin).toBeNull()
    }
    expect((await visitor.request(`/embed/v1/widgets/${id}`)).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers 404 with a problem body while the agreement is not in force, and for unknown ids', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE] })
    const id = await insertWidget(p.id)
    expect((await visitor.request(`/embed/v1/widgets/${id}`)).status).toBe(200)
    for (const status of ['opgeschort', 'beeindigd', 'concept'] as const) {
      await t.deps.db.update(partners).set({ status }).where(eq(partners.id, p.id))
      for (const path of [`/embed/v1/widgets/${id}`, `/embed/${id}`, `/oembed?url=${encodeURIComponent(`${t.config.publicBaseUrl}/embed/${id}`)}`]) {
        const res = await visitor.request(path, { headers: { origin: PARTNER_SITE } })
        expect(res.status, `${status} ${path}`).toBe(404)
        expect(res.headers.get('access-control-allow-origin')).toBeNull()
      }
      const body = (await (await visitor.request(`/embed/v1/widgets/${id}`)).json()) as { code: string }
      expect(body.code).toBe('widget_unavailable')
    }
    await t.deps.db.update(partners).set({ status: 'actief', endsOn: '2026-03-01' }).where(eq(partners.id, p.id))
    expect((await visitor.request(`/embed/v1/widgets/${id}`)).status).toBe(404)
    expect((await visitor.request('/embed/v1/widgets/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await visitor.request('/embed/v1/widgets/niet-een-id')).status).toBe(404)
  })

  it('keeps the answer like a public page, with CORS still decided per request, until the widget or the agreement changes', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE], types: ['news'] })
    for (const title of ['Eerste bericht', 'Tweede bericht']) await buildItem(t, { wijkId: a.id, type: 'news', title })
    const id = await insertWidget(p.id, { module: 'nieuws', itemCount: 5 })
    const first = await visitor.request(`/embed/v1/widgets/${id}`)
    expect(first.headers.get('x-page-cache')).toBe('miss')
    expect(first.headers.get('access-control-allow-origin')).toBeNull()
    const kept = await visitor.request(`/embed/v1/widgets/${id}`, { headers: { origin: PARTNER_SITE } })
    expect(kept.headers.get('x-page-cache')).toBe('hit')
    expect(kept.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE)
    const again = await visitor.request(`/embed/v1/widgets/${id}`, { headers: { origin: OTHER_SITE } })
    expect(again.headers.get('x-page-cache')).toBe('hit')
    expect(again.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await kept.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2)

    // A changed widget is shown changed at once: the kept answer is not served for it.
    await t.deps.db.update(partnerWidgets).set({ itemCount: 1 }).where(eq(partnerWidgets.id, id))
    // Visitors arriving together after the change wait for one render rather than each render it.
    const together = await Promise.all(Array.from({ length: 6 }, () => visitor.request(`/embed/v1/widgets/${id}`)))
    expect(together.map((r) => r.headers.get('x-page-cache')).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'miss'])
    for (const res of together) expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1)

    // An agreement that ends today shows nothing tomorrow, kept answer or not.
    const today = t.clock.now().toISOString().slice(0, 10)
    await t.deps.db.update(partners).set({ endsOn: today }).where(eq(partners.id, p.id))
    expect((await visitor.request(`/embed/v1/widgets/${id}`)).status).toBe(200)
    expect((await visitor.get(`/embed/${id}`)).status).toBe(200)
    t.clock.advance({ days: 2 })
    try {
      expect((await visitor.request(`/embed/v1/widgets/${id}`)).status).toBe(404)
      expect((await visitor.get(`/embed/${id}`)).status).toBe(404)
    } finally {
      t.clock.advance({ days: -2 })
    }
  })

  it('lists an agenda by next occurrence, within the widget’s place and the partner’s scope', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const now = t.clock.now().getTime()
    const later = await buildItem(t, { wijkId: a.id, type: 'activity', title: 'Agenda later', startsAt: new Date(now + 5 * 86_400_000), endsAt: new Date(now + 5 * 86_400_000 + 3_600_000) })
    const sooner = await buildItem(t, { wijkId: a.id, type: 'activity', title: 'Agenda eerder', startsAt: new Date(now + 2 * 86_400_000), endsAt: new Date(now + 2 * 86_400_000 + 3_600_000) })
    const elsewhere = await buildItem(t, { wijkId: b.id, type: 'activity', title: 'Agenda in B', startsAt: new Date(now + 86_400_000) })
    for (const item of [later, sooner, elsewhere]) await rebuildOccurrences(t.deps.db, item.id, t.clock.now())
    const id = await insertWidget(p.id, { module: 'agenda', itemCount: 20 })
    const json = (await (await visitor.request(`/embed/v1/widgets/${id}`)).json()) as { items: Array<{ title: string; starts_at: string }> }
    const titles = json.items.map((i) => i.title)
    expect(titles.indexOf('Agenda eerder')).toBeLessThan(titles.indexOf('Agenda later'))
    expect(titles.indexOf('Agenda eerder')).toBeGreaterThanOrEqual(0)
    expect(titles).not.toContain('Agenda in B')
    // A widget naming wijk B (outside the scope, e.g. after the agreement changed) shows nothing.
    const outside = await insertWidget(p.id, { module: 'agenda', wijkId: b.id })
    expect(((await (await visitor.request(`/embed/v1/widgets/${outside}`)).json()) as { items: unknown[] }).items).toEqual([])
  })
})

describe('P11: nothing private, nothing unshared', () => {
  it('no private contact field and no draft, hidden, expired, opted-out or cancelled-owner item in the JSON, the iframe or oEmbed', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE] })
    const now = t.clock.now()
    const private_ = { contactName: `${SENTINEL}-naam`, contactEmail: 'geheim-sentinel@example.test', contactPhone: '+31 6 SENTINEL', contactAddress: `${SENTINEL}-adres` }
    // Public contact fields are left out too: a widget links to the item page instead.
    const shown = await buildItem(t, { wijkId: a.id, type: 'news', title: 'Zichtbaar nieuws', ...private_ })
    await buildItem(t, { wijkId: a.id, type: 'news', title: 'Openbaar contact', contactName: `${SENTINEL}-publiek`, contactNamePublic: true, contactEmail: 'publiek-sentinel@example.test', contactEmailPublic: true })
    const cancelled = await buildUser(t, { homeWijkId: a.id })
    await t.deps.db.update(users).set({ status: 'cancelled', cancelledAt: now }).where(eq(users.id, cancelled.id))
    await buildItem(t, { wijkId: a.id, type: 'news', title: `${SENTINEL} concept`, status: 'draft' })
    await buildItem(t, { wijkId: a.id, type: 'news', title: `${SENTINEL} verborgen`, status: 'hidden' })
    await buildItem(t, { wijkId: a.id, type: 'news', title: `${SENTINEL} verlopen`, expiresAt: new Date(now.getTime() - 1000) })
    await buildItem(t, { wijkId: a.id, type: 'news', title: `${SENTINEL} alleen op WijkConnect`, sharedWithPartners: false })
    await buildItem(t, { wijkId: a.id, type: 'news', title: `${SENTINEL} opgezegd`, ownerId: cancelled.id })
    await buildItem(t, { wijkId: b.id, type: 'news', title: `${SENTINEL} andere wijk` })
    const list = await insertWidget(p.id, { module: 'nieuws', itemCount: 20 })
    const one = await insertWidget(p.id, { module: 'item', wijkId: null, itemId: shown.id, itemCount: 1 })
    const frameUrl = (id: string) => `${t.config.publicBaseUrl}/embed/${id}`
    const answers = [
      await visitor.get(`/embed/v1/widgets/${list}`, { origin: PARTNER_SITE }),
      await visitor.get(`/embed/v1/widgets/${one}`, { origin: PARTNER_SITE }),
      await visitor.get(`/embed/${list}`),
      await visitor.get(`/embed/${one}`),
      await visitor.get(`/oembed?url=${encodeURIComponent(frameUrl(list))}&format=json`),
      await visitor.get(`/oembed?url=${encodeURIComponent(`${t.config.publicBaseUrl}/${a.slug}/nieuws/${shown.id}-${shown.slug}`)}&format=json`),
    ]
    for (const page of answers) {
      expect(page.status, page.res.url).toBe(200)
      expect(page.body).not.toMatch(/SENTINEL/i)
      expect(page.res.headers.get('set-cookie')).toBeNull()
    }
    expect(answers[0]!.body).toContain('Zichtbaar nieuws')
    expect(answers[0]!.body).toContain('Openbaar contact')
    expect(answers[2]!.body).toContain('Zichtbaar nieuws')
    expect(answers[3]!.body).toContain('Zichtbaar nieuws')
  })
})

describe('iframe page and oEmbed', () => {
  it('may be framed by exactly the partner’s origins (and our own preview), sets no cookie and is kept like a public page', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id], origins: [PARTNER_SITE, 'http://localhost:8080'] })
    await buildItem(t, { wijkId: a.id, type: 'news', title: 'Nieuws in het frame' })
    const id = await insertWidget(p.id, { module: 'nieuws', lang: 'en' })
    for (let i = 0; i < 2; i++) {
      const page = await visitor.get(`/embed/${id}`)
      expect(page.status).toBe(200)
      const csp = page.res.headers.get('content-security-policy')!
      const ancestors = csp.split(';').map((d) => d.trim()).filter((d) => d.startsWith('frame-ancestors'))
      expect(ancestors).toEqual([`frame-ancestors 'self' ${PARTNER_SITE} http://localhost:8080`])
      expect(csp).toContain("script-src 'self'")
      expect(page.res.headers.get('x-frame-options')).toBeNull()
      expect(page.res.headers.get('set-cookie')).toBeNull()
      expect(page.res.headers.get('x-page-cache')).toBe(i === 0 ? 'miss' : 'hit')
      expect(page.body).toMatch(/<html lang="en"[ >]/)
      expect(page.body).toMatch(/<title>News · [^<]+<\/title>/)
      // One script, our own, that only tells the partner's page the widget's height.
      expect([...page.body.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([expect.stringMatching(/^<script src="\/embed\/v1\/frame\.js\?v=[^"]+" defer(="")?>$/)])
      expect(page.body).toContain(`data-host-origins="${PARTNER_SITE} http://localhost:8080"`)
      expect(page.body).toContain('Nieuws in het frame')
      const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page.body)![1]!
      expect(decode(discovery)).toBe(`${t.config.publicBaseUrl}/oembed?url=${encodeURIComponent(`${t.config.publicBaseUrl}/embed/${id}`)}&format=json`)
    }
    // Every other page still refuses to be framed.
    expect((await visitor.get('/')).res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('gives oEmbed rich HTML for a widget URL and for an item page with a one-item widget, and 404 otherwise', async () => {
    const p = await buildPartner(t, { wijkIds: [a.id] })
    const item = await buildItem(t, { wijkId: a.id, type: 'news', title: 'Uitgelicht nieuws' })
    const id = await insertWidget(p.id, { module: 'item', wijkId: null, itemId: item.id, itemCount: 1 })
    const base = t.config.publicBaseUrl
    const res = await visitor.get(`/oembed?url=${encodeURIComponent(`${base}/embed/${id}`)}&format=json&maxwidth=320`)
    expect(res.status).toBe(200)
    const json = JSON.parse(res.body) as Record<string, unknown>
    expect(json).toMatchObject({ version: '1.0', type: 'rich', width: 320, height: 400 })
    expect(json.html).toMatch(new RegExp(`^<iframe src="${base}/embed/${id}" title="[^"]+" width="320" height="400"`))
    const byItem = await visitor.get(`/oembed?url=${encodeURIComponent(`${base}/${a.slug}/nieuws/${item.id}-${item.slug}`)}`)
    expect(byItem.status).toBe(200)
    const unknown = await buildItem(t, { wijkId: a.id, type: 'news', title: 'Zonder widget' })
    for (const url of [`${base}/${a.slug}/nieuws/${unknown.id}-${unknown.slug}`, `https://elders.example/embed/${id}`, 'geen url']) {
      expect((await visitor.get(`/oembed?url=${encodeURIComponent(url)}`)).status, url).toBe(404)
    }
    expect((await visitor.get('/oembed')).status).toBe(400)
    expect((await visitor.get(`/oembed?url=${encodeURIComponent(`${base}/embed/${id}`)}&format=xml`)).status).toBe(400)
  })
})

describe('web component script', () => {
  it('fits the 8 KB gzip budget, may be loaded by other sites and revalidates by ETag', async () => {
    const res = await visitor.request('/embed/v1.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('set-cookie')).toBeNull()
    const body = Buffer.from(await res.arrayBuffer())
    const gzipped = gzipSync(body, { level: 9 }).length
    expect(gzipped).toBeLessThanOrEqual(8192)
    const source = body.toString('utf8')
    for (const name of ['agenda', 'organisaties', 'prikbord', 'nieuws', 'etalage', 'item']) expect(source).toContain(`"${name}"`)
    expect(source).not.toMatch(/innerHTML|localStorage|sessionStorage|document\.cookie|indexedDB/)
    const etag = res.headers.get('etag')!
    expect((await visitor.request('/embed/v1.js', { headers: { 'if-none-match': etag } })).status).toBe(304)
    const css = await visitor.request('/embed/v1.css')
    expect(css.status).toBe(200)
    expect(await css.text()).toMatch(/prefers-color-scheme:dark/)
    console.info(`widget script: ${body.length} bytes, ${gzipped} bytes gzipped`)
  })
})
