import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, type BuiltUser, loggedInClient } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { contentReports } from '../moderation/moderation.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { pageViewsDaily } from '../statistics/statistics.tables.js'
import { DAY } from '../../kernel/clock.js'
import { wijkbeheerVisits } from './wijkbeheer.tables.js'
import { wijkLinks } from '../places/places.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let teamA: TestClient
let teamB: TestClient
let ambA: TestClient
let admin: TestClient
let plain: TestClient
let wbA: BuiltUser


beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Lindenhof' })
  wijkB = await buildWijk(t, { name: 'Beukenrode' })
  wbA = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wanda' })
  teamA = await loggedInClient(t, wbA)
  teamB = await loggedInClient(t, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkB.id }))
  ambA = await loggedInClient(t, await buildUser(t, { role: 'ambassadeur', wijkId: wijkA.id }))
  admin = await loggedInClient(t, await buildUser(t, { role: 'admin' }))
  plain = await loggedInClient(t, await buildUser(t, { homeWijkId: wijkA.id }))
})
afterAll(() => t.stop())

/** Team of A yes (wijkbeheerder, ambassadeur, admin); team of B 403; a plain user 403; a visitor to the login page. */
async function expectTeamOnly(path: string) {
  for (const c of [teamA, ambA, admin]) expect((await c.get(path)).status, path).toBe(200)
  expect((await teamB.get(path)).status, path).toBe(403)
  expect((await plain.get(path)).status, path).toBe(403)
  const visitor = await t.client().get(path)
  expect(visitor.status).toBe(303)
  expect(visitor.location).toBe(`/account/inloggen?volgende=${encodeURIComponent(path)}`)
}

describe('wijk dashboard (overzicht)', () => {
  it('is for the team of that wijk only (wijkbeheerder, ambassadeur, admin)', async () => {
    await expectTeamOnly(`/beheer/wijken/${wijkA.id}/overzicht`)
    expect((await admin.get('/beheer/wijken/999999/overzicht')).status).toBe(404)
  })

  it('is linked from the /beheer card of the wijk', async () => {
    const page = await teamA.get('/beheer')
    expect(page.body).toContain(`href="/beheer/wijken/${wijkA.id}/overzicht"`)
    expect(page.body).not.toContain(`href="/beheer/wijken/${wijkB.id}/overzicht"`)
  })

  it('shows what is new and changed since this person’s last visit, and remembers the visit', async () => {
    const wb = await buildUser(t, { role: 'wijkbeheerder', wijkId: wijkA.id })
    const c = await loggedInClient(t, wb)
    await buildItem(t, { wijkId: wijkA.id, title: 'Oude moestuin', ownerId: wb.id })
    await buildItem(t, { wijkId: wijkB.id, title: 'Beukenrode geheim' })
    const first = await c.get(`/beheer/wijken/${wijkA.id}/overzicht`)
    expect(first.text).toContain('Je eerste bezoek')
    expect(first.text).toContain('Oude moestuin')
    expect(first.text).not.toContain('Beukenrode geheim')
    const [visit] = await t.deps.db.select().from(wijkbeheerVisits).where(and(eq(wijkbeheerVisits.userId, wb.id), eq(wijkbeheerVisits.wijkId, wijkA.id)))
    expect(visit?.lastVisitAt.toISOString()).toBe(t.clock.now().toISOString())

    t.clock.advance({ hours: 1 })
    await buildItem(t, { wijkId: wijkA.id, title: 'Nieuwe buurtbarbecue' })
    const second = await c.get(`/beheer/wijken/${wijkA.id}/overzicht`)
    expect(second.text).toContain('Sinds je vorige bezoek')
    expect(second.text).toContain('Nieuwe buurtbarbecue')
    expect(second.text).not.toContain('Oude moestuin')
  })

  it('counts open reports, open help requests and last week’s page views of this wijk only, and lists items expiring soon', async () => {
    const now = t.clock.now()
    const reporter = await buildUser(t)
    const item = await buildItem(t, { wijkId: wijkA.id, title: 'Fietsen te leen', type: 'offer', expiresAt: new Date(now.getTime() + 3 * DAY) })
    const other = await buildItem(t, { wijkId: wijkB.id, title: 'Elders', type: 'offer' })
    await t.deps.db.insert(contentReports).values([
      { contentId: item.id, wijkId: wijkA.id, reporterUserId: reporter.id, reason: 'spam', createdAt: now },
      { contentId: other.id, wijkId: wijkB.id, reporterUserId: reporter.id, reason: 'spam', createdAt: now },
    ])
    await t.deps.db.insert(supportRequests).values([
      { kind: 'content-problem', wijkId: wijkA.id, message: 'x', createdAt: now },
      { kind: 'content-problem', wijkId: wijkA.id, message: 'y', createdAt: now },
      { kind: 'content-problem', wijkId: wijkA.id, message: 'z', status: 'closed', createdAt: now },
      { kind: 'content-problem', wijkId: wijkB.id, message: 'w', createdAt: now },
    ])
    await t.deps.db.insert(pageViewsDaily).values([
      { day: '2026-03-01', wijkId: wijkA.id, path: `/${wijkA.slug}/`, referrer: '', browser: 'Firefox', lang: 'nl', views: 40 },
      { day: '2026-02-24', wijkId: wijkA.id, path: `/${wijkA.slug}/`, referrer: '', browser: 'Firefox', lang: 'nl', views: 2 },
      { day: '2026-02-20', wijkId: wijkA.id, path: `/${wijkA.slug}/`, referrer: '', browser: 'Firefox', lang: 'nl', views: 1000 },
      { day: '2026-03-01', wijkId: wijkB.id, path: `/${wijkB.slug}/`, referrer: '', browser: 'Firefox', lang: 'nl', views: 500 },
    ])
    const page = await teamA.get(`/beheer/wijken/${wijkA.id}/overzicht`)
    expect(page.text).toContain('Open meldingen: 1')
    expect(page.text).toContain('Open hulpvragen: 2')
    expect(page.text).toContain('Paginaweergaven in de afgelopen 7 dagen: 42')
    expect(page.body).toContain(`href="/beheer/wijken/${wijkA.id}/meldingen"`)
    expect(page.body).toContain(`href="/beheer/wijken/${wijkA.id}/statistieken"`)
    expect(page.body).toContain('href="/beheer/hulpvragen"')
    const expiring = page.text.slice(page.text.indexOf('Verloopt binnenkort'))
    expect(expiring).toContain('Fietsen te leen')
  })

  it('links to every team page the person may open', async () => {
    const wb = await teamA.get(`/beheer/wijken/${wijkA.id}/overzicht`)
    for (const p of ['/bewoners', '/links', '/themas', '/statistieken', '/bericht', '/namens', '/inhoud', '/meldingen', '/nieuwsbrieven', '/import', '']) {
      expect(wb.body).toContain(`href="/beheer/wijken/${wijkA.id}${p}"`)
    }
    // Only the ambassadeur (and admins) manage the wijkbeheerders.
    expect(wb.body).not.toContain(`href="/beheer/wijken/${wijkA.id}/wijkbeheerders"`)
    const amb = await ambA.get(`/beheer/wijken/${wijkA.id}/overzicht`)
    expect(amb.body).toContain(`href="/beheer/wijken/${wijkA.id}/wijkbeheerders"`)
    expect((await ambA.get(`/beheer/wijken/${wijkA.id}/wijkbeheerders`)).status).toBe(200)
  })
})

describe('residents list (P13)', () => {
  let residents: BuiltUser[]
  beforeAll(async () => {
    residents = [
      await buildUser(t, { homeWijkId: wijkA.id, firstName: 'Ria', lastName: 'Rozendaal', email: 'ria@example.test' }),
      await buildUser(t, { homeWijkId: wijkA.id, firstName: 'Sem', email: 'sem@example.test' }),
    ]
    const gone = await buildUser(t, { homeWijkId: wijkA.id, firstName: 'Opgezegd', email: 'gone@example.test' })
    await t.deps.db.update(users).set({ status: 'cancelled', cancelledAt: t.clock.now() }).where(eq(users.id, gone.id))
    await buildUser(t, { homeWijkId: wijkB.id, firstName: 'Bram', lastName: 'Beuken', email: 'bram@example.test' })
  })

  it('is for the team of that wijk only; another wijk’s team gets 403', async () => {
    await expectTeamOnly(`/beheer/wijken/${wijkA.id}/bewoners`)
    expect((await teamA.get(`/beheer/wijken/${wijkB.id}/bewoners`)).status).toBe(403)
    expect((await ambA.get(`/beheer/wijken/${wijkB.id}/bewoners`)).status).toBe(403)
  })

  it('shows only first name, last name and email of the active account holders of that wijk (P13)', async () => {
    const page = await teamA.get(`/beheer/wijken/${wijkA.id}/bewoners`)
    expect(page.status).toBe(200)
    const table = /<table[ >][\s\S]*?<\/table>/.exec(page.body)?.[0] ?? ''
    const headers = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])
    expect(headers).toEqual(['Voornaam', 'Achternaam', 'E-mailadres'])
    const rows = [...table.matchAll(/<tr><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]])
    expect(rows).toContainEqual(['Ria', 'Rozendaal', 'ria@example.test'])
    expect(rows).toContainEqual(['Sem', '', 'sem@example.test'])
    // Every row has exactly three cells: nothing else about anyone.
    expect([...table.matchAll(/<tr>/g)].length).toBe(rows.length + 1)
    expect(page.body).not.toContain('gone@example.test')
    expect(page.body).not.toContain('bram@example.test')
    expect(page.body).not.toContain(residents[0]!.id)
  })

  it('the admin sees the list of any wijk; the other wijk’s list holds only its own residents', async () => {
    const b = await admin.get(`/beheer/wijken/${wijkB.id}/bewoners`)
    expect(b.status).toBe(200)
    expect(b.body).toContain('bram@example.test')
    expect(b.body).not.toContain('ria@example.test')
  })

  it('records the viewing in the access log of each resident shown', async () => {
    const before = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.users.view'), eq(auditLog.subjectUserId, residents[0]!.id)))
    await teamA.get(`/beheer/wijken/${wijkA.id}/bewoners`)
    const after = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.users.view'), eq(auditLog.subjectUserId, residents[0]!.id)))
    expect(after.length).toBe(before.length + 1)
    const last = after.at(-1)!
    expect(last.actorUserId).toBe(wbA.id)
    expect(last.targetId).toBe(String(wijkA.id))
    expect(JSON.stringify(last.details)).not.toContain('ria@example.test')
    const summary = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.users.list'), eq(auditLog.actorUserId, wbA.id)))
    expect(summary.length).toBeGreaterThan(0)
    // The resident sees it on Mijn gegevens.
    const ria = await loggedInClient(t, residents[0]!)
    const mine = await ria.get('/mijn-gegevens')
    expect(mine.text).toContain('bewonerslijst van je wijk')
  })
})

describe('wijk links to resident-run websites', () => {
  const base = () => `/beheer/wijken/${wijkA.id}/links`

  it('is for the team of that wijk only', async () => {
    await expectTeamOnly(base())
    expect((await teamB.post(base(), { title: 'Kaping', url: 'https://kaping.example.org' })).status).toBe(403)
    expect((await plain.post(base(), { title: 'Kaping', url: 'https://kaping.example.org' })).status).toBe(403)
  })

  it('refuses anything but a complete https address, next to the field, keeping what was typed', async () => {
    for (const url of ['http://buurtkrant.example.org', 'javascript:alert(1)', 'buurtkrant', 'https://user:pw@buurtkrant.example.org', 'ftp://x.example.org']) {
      await teamA.get(base())
      const res = await teamA.post(base(), { title: 'Buurtkrant', url })
      expect(res.status, url).toBe(422)
      expect(res.body).toContain('id="url-error"')
      expect(res.body).toContain('value="Buurtkrant"')
    }
    const missing = await teamA.post(base(), { title: '', url: '' })
    expect(missing.status).toBe(422)
    expect(missing.body).toContain('id="title-error"')
  })

  it('adds a link that the wijk home shows as an external link (rel=noopener), and not on another wijk', async () => {
    await teamA.get(base())
    const res = await teamA.post(base(), { title: 'Buurtkrant De Linde', url: 'https://buurtkrant.example.org/lindenhof' })
    expect(res.status).toBe(303)
    expect(res.location).toContain('melding=flash.wijkbeheer.linkAdded')
    const home = await t.client().get(`/${wijkA.slug}/`)
    expect(home.status).toBe(200)
    expect(home.body).toMatch(/<a href="https:\/\/buurtkrant\.example\.org\/lindenhof" rel="noopener noreferrer external">Buurtkrant De Linde <span class="muted">\(andere website\)<\/span><\/a>/)
    const other = await t.client().get(`/${wijkB.slug}/`)
    expect(other.body).not.toContain('buurtkrant.example.org')
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'wijk.link.add'), eq(auditLog.targetId, String(wijkA.id))))
    expect(audits.length).toBe(1)
  })

  it('edits and deletes a link; a link id of another wijk answers 404', async () => {
    const [link] = await t.deps.db.select().from(wijkLinks).where(eq(wijkLinks.wijkId, wijkA.id))
    const bad = await teamA.post(`${base()}/${link!.id}`, { [`title-${link!.id}`]: 'Krant', [`url-${link!.id}`]: 'http://nope.example.org' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain(`id="url-${link!.id}-error"`)
    const ok = await teamA.post(`${base()}/${link!.id}`, { [`title-${link!.id}`]: 'De Lindekrant', [`url-${link!.id}`]: 'https://lindekrant.example.org' })
    expect(ok.status).toBe(303)
    expect((await t.client().get(`/${wijkA.slug}/`)).body).toContain('De Lindekrant')

    // Wijk B's team edits through its own wijk's URL: the link is not one of B's.
    const adminB = await admin.post(`/beheer/wijken/${wijkB.id}/links/${link!.id}`, { [`title-${link!.id}`]: 'Kaping', [`url-${link!.id}`]: 'https://kaping.example.org' })
    expect(adminB.status).toBe(404)
    expect((await admin.post(`/beheer/wijken/${wijkB.id}/links/${link!.id}/verwijderen`, {})).status).toBe(404)
    const del = await teamA.post(`${base()}/${link!.id}/verwijderen`, {})
    expect(del.status).toBe(303)
    expect(await t.deps.db.select().from(wijkLinks).where(eq(wijkLinks.wijkId, wijkA.id))).toEqual([])
  })

  it('lets a wijkbeheerder save the wijk’s presentation, but not its structure', async () => {
    const page = await teamA.get(`/beheer/wijken/${wijkA.id}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('name="introNl"')
    expect(page.body).not.toContain('name="hostName"')
    expect((await teamB.get(`/beheer/wijken/${wijkA.id}`)).status).toBe(403)
  })
})
