/**
 * The wijk team helps with content (P13), through HTTP and the real database: it sees and edits
 * every item of its own wijk through the owner's own form and save path; the owner is mailed who
 * changed which fields and finds the edit in their access log; hiding tells the owner why, takes
 * the item off every public page, and the owner can fix it and ask to publish again. A team of
 * another wijk reaches none of it, also by guessing ids.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { mailTo } from '../accounts/accounts.test-helpers.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { contentItems } from '../content/content.tables.js'
import { itemPathInWijk } from '../content/content.urls.js'
import { expiryFromDate, valuesFromItem } from '../my-content/my-content.form.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let owner: BuiltUser
let teamA: BuiltUser
let teamB: BuiltUser
let resident: BuiltUser
let teamAClient: TestClient
let teamBClient: TestClient
let ownerClient: TestClient

async function clientFor(user: BuiltUser, first = '/'): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  await client.get(first)
  return client
}

async function row(id: number) {
  const [item] = await t.deps.db.select().from(contentItems).where(eq(contentItems.id, id))
  return item!
}

/** The edit form's fields for an item as stored, as the browser would post them back. */
async function formOf(id: number, changes: Record<string, string> = {}) {
  return { ...valuesFromItem(await row(id), []), ...changes }
}

const publicPath = (wijk: { slug: string }, item: { id: number; slug: string; type: 'offer' | 'news' }) => `/${wijk.slug}${itemPathInWijk(item)}`
/** As the form stores it: the midnight after the last day shown. */
const inTwoWeeks = () => expiryFromDate('2026-03-16')

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Appelwijk' })
  wijkB = await buildWijk(t, { name: 'Berenwijk' })
  owner = await buildUser(t, { email: 'olga.eigenaar@example.test', firstName: 'Olga', homeWijkId: wijkA.id })
  teamA = await buildUser(t, { email: 'wim.team-a@example.test', role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wim' })
  teamB = await buildUser(t, { email: 'bea.team-b@example.test', role: 'wijkbeheerder', wijkId: wijkB.id, firstName: 'Bea' })
  resident = await buildUser(t, { homeWijkId: wijkA.id })
  teamAClient = await clientFor(teamA, `/beheer/wijken/${wijkA.id}/inhoud`)
  teamBClient = await clientFor(teamB, `/beheer/wijken/${wijkB.id}/inhoud`)
  ownerClient = await clientFor(owner, '/mijn-content')
}, 60_000)
afterAll(() => t.stop())

describe('the wijk team and the content of its wijk (P13)', () => {
  it('lists every item of its own wijk in any status, filtered by type and status, and nothing of another wijk', async () => {
    await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'offer', title: 'Lijst: gepubliceerd aanbod', category: 'spullen', expiresAt: inTwoWeeks() })
    await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'news', title: 'Lijst: concept nieuws', status: 'draft' })
    await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'news', title: 'Lijst: verborgen nieuws', status: 'hidden', hiddenKind: 'moderator', hiddenReason: 'x' })
    await buildItem(t, { wijkId: wijkB.id, ownerId: owner.id, type: 'news', title: 'Lijst: nieuws uit Berenwijk' })
    const all = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud`)
    expect(all.status).toBe(200)
    for (const title of ['Lijst: gepubliceerd aanbod', 'Lijst: concept nieuws', 'Lijst: verborgen nieuws']) expect(all.body).toContain(title)
    expect(all.body).not.toContain('Berenwijk</td>')
    expect(all.body).not.toContain('Lijst: nieuws uit Berenwijk')
    const drafts = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud?status=draft`)
    expect(drafts.body).toContain('Lijst: concept nieuws')
    expect(drafts.body).not.toContain('Lijst: gepubliceerd aanbod')
    const news = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud?soort=news`)
    expect(news.body).toContain('Lijst: verborgen nieuws')
    expect(news.body).not.toContain('Lijst: gepubliceerd aanbod')
  })

  it("edits an item with the owner's own form; the owner is mailed who changed which fields, and it is in their access log (P13)", async () => {
    const item = await buildItem(t, {
      wijkId: wijkA.id,
      ownerId: owner.id,
      type: 'offer',
      title: 'Fietsen repareren',
      body: 'Kom langs met je fiets.',
      category: 'klussen',
      expiresAt: inTwoWeeks(),
      contactEmail: 'prive.olga@example.test',
    })
    const form = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud/${item.id}/bewerken`)
    expect(form.status).toBe(200)
    // The same form as the owner's, with the private contact field the owner filled in.
    expect(form.body).toContain('name="contactEmailPublic"')
    expect(form.body).toContain('prive.olga@example.test')
    const bad = await teamAClient.post(`/beheer/wijken/${wijkA.id}/inhoud/${item.id}/bewerken`, await formOf(item.id, { title: '' }))
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="title-error"')
    expect(bad.body).toContain('Kom langs met je fiets.')
    const saved = await teamAClient.post(
      `/beheer/wijken/${wijkA.id}/inhoud/${item.id}/bewerken`,
      await formOf(item.id, { title: 'Fietsen repareren op zaterdag', body: 'Kom zaterdag langs met je fiets.' }),
    )
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/beheer/wijken/${wijkA.id}/inhoud/${item.id}?melding=flash.moderation.saved`)
    expect((await row(item.id)).title).toBe('Fietsen repareren op zaterdag')
    expect((await row(item.id)).status).toBe('published')

    const mail = await mailTo(t, owner.email, 'aangepast')
    expect(mail.text).toContain('Wim van het wijkteam van Appelwijk')
    expect(mail.text).toMatch(/Gewijzigd: Titel, Beschrijving\./)
    expect(mail.text).not.toContain('prive.olga@example.test')

    const logged = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'moderation.edit'), eq(auditLog.targetId, String(item.id))))
    expect(logged).toHaveLength(1)
    expect(logged[0]!.actorUserId).toBe(teamA.id)
    expect(logged[0]!.subjectUserId).toBe(owner.id)
    expect(logged[0]!.details).toEqual({ fields: ['title', 'body'] })
    const mine = await ownerClient.get('/mijn-gegevens')
    expect(mine.body).toContain('wijzigde je bericht')
    expect(mine.body).toContain('opende je bericht om het te bewerken')

    // Saving without a change records and mails nothing.
    const again = await teamAClient.post(`/beheer/wijken/${wijkA.id}/inhoud/${item.id}/bewerken`, await formOf(item.id))
    expect(again.location).toContain('flash.moderation.unchanged')
    const edits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'moderation.edit'), eq(auditLog.targetId, String(item.id))))
    expect(edits).toHaveLength(1)

    const record = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud/${item.id}`)
    expect(record.body).toContain('wijzigde')
    expect(record.body).toContain('title, body')
  })

  it("a wijkbeheerder of B cannot open, edit or hide A's items, also by guessing ids; visitors go to log in", async () => {
    const item = await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'news', title: 'Nieuws van Appelwijk', body: 'Origineel.' })
    const base = `/beheer/wijken/${wijkA.id}`
    expect((await teamBClient.get(`${base}/inhoud`)).status).toBe(403)
    expect((await teamBClient.get(`${base}/meldingen`)).status).toBe(403)
    for (const path of [`${base}/inhoud/${item.id}`, `${base}/inhoud/${item.id}/bewerken`, `/beheer/wijken/${wijkB.id}/inhoud/${item.id}`, `/beheer/wijken/${wijkB.id}/inhoud/${item.id}/bewerken`]) {
      expect((await teamBClient.get(path)).status, path).toBe(404)
    }
    for (const wijk of [wijkA.id, wijkB.id]) {
      const at = `/beheer/wijken/${wijk}/inhoud/${item.id}`
      expect((await teamBClient.post(`${at}/bewerken`, await formOf(item.id, { title: 'Gekaapt' }))).status).toBe(404)
      expect((await teamBClient.post(`${at}/verbergen`, { reason: 'weg ermee' })).status).toBe(404)
      expect((await teamBClient.post(`${at}/publiceren`, {})).status).toBe(404)
      expect((await teamBClient.post(`${at}/besluit`, { outcome: 'hide', decision: 'weg' })).status).toBe(404)
    }
    // Guessed ids, next to and far from real ones, answer like a missing item.
    for (const guess of [item.id + 1, item.id + 1000, 999_999_999]) {
      expect((await teamBClient.get(`/beheer/wijken/${wijkB.id}/inhoud/${guess}`)).status).toBe(404)
      expect((await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud/${guess}`)).status).toBe(404)
    }
    expect((await teamBClient.get(`/beheer/wijken/${wijkB.id}/inhoud`)).body).not.toContain('Nieuws van Appelwijk')
    const after = await row(item.id)
    expect([after.title, after.status]).toEqual(['Nieuws van Appelwijk', 'published'])

    const plain = await clientFor(resident)
    expect((await plain.get(`${base}/inhoud`)).status).toBe(403)
    expect((await plain.get(`${base}/inhoud/${item.id}`)).status).toBe(404)
    const visitor = await t.client().get(`${base}/inhoud/${item.id}`)
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen/)
  })

  it('hides an item with a reason: the owner is mailed, it is gone from the public site, the owner fixes it and asks again, the team publishes it again (P13)', async () => {
    const item = await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'news', title: 'Buurtfeest', body: 'Met het telefoonnummer van de buurman.' })
    const visitor = t.client()
    expect((await visitor.get(publicPath(wijkA, { ...item, type: 'news' }))).status).toBe(200)
    const at = `/beheer/wijken/${wijkA.id}/inhoud/${item.id}`

    const empty = await teamAClient.post(`${at}/verbergen`, { reason: '  ' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="reason-error"')
    const hidden = await teamAClient.post(`${at}/verbergen`, { reason: 'Er staat een telefoonnummer van iemand anders in.' })
    expect(hidden.status).toBe(303)
    const stored = await row(item.id)
    expect([stored.status, stored.hiddenKind, stored.hiddenBy, stored.hiddenReason]).toEqual(['hidden', 'moderator', teamA.id, 'Er staat een telefoonnummer van iemand anders in.'])
    expect(stored.hiddenAt).toEqual(t.deps.clock.now())

    const mail = await mailTo(t, owner.email, '"Buurtfeest" staat niet meer op de wijksite')
    expect(mail.text).toContain('De reden: Er staat een telefoonnummer van iemand anders in.')
    expect(mail.text).toContain('/mijn-content')

    expect((await t.client().get(publicPath(wijkA, { ...item, type: 'news' }))).status).toBe(404)
    expect((await t.client().get(`/${wijkA.slug}/nieuws`)).body).not.toContain('Buurtfeest')

    const mine = await ownerClient.get('/mijn-content')
    expect(mine.body).toContain('Reden: Er staat een telefoonnummer van iemand anders in.')
    expect(mine.body).toContain(`action="/mijn-content/${item.id}/opnieuw-publiceren"`)
    // The owner cannot simply publish it again themselves.
    await ownerClient.post(`/mijn-content/${item.id}/publiceren`, {})
    expect((await row(item.id)).status).toBe('hidden')

    const fixed = await ownerClient.post(`/mijn-content/${item.id}/bewerken`, await formOf(item.id, { body: 'Zaterdag feest in de straat.' }))
    expect(fixed.status).toBe(303)
    const asked = await ownerClient.post(`/mijn-content/${item.id}/opnieuw-publiceren`, {})
    expect(asked.status).toBe(303)
    expect(asked.location).toContain('flash.my-content.republishAsked')
    expect((await row(item.id)).republishRequestedAt).toEqual(t.deps.clock.now())
    expect((await ownerClient.get('/mijn-content')).body).toContain('Gevraagd om opnieuw te publiceren')

    const waiting = await teamAClient.get(`/beheer/wijken/${wijkA.id}/inhoud?status=opnieuw`)
    expect(waiting.body).toContain('Buurtfeest')
    expect(waiting.body).toContain('Eigenaar vraagt om opnieuw te publiceren')

    const published = await teamAClient.post(`${at}/publiceren`, {})
    expect(published.location).toContain('flash.moderation.republished')
    const back = await row(item.id)
    expect([back.status, back.hiddenKind, back.hiddenReason, back.republishRequestedAt]).toEqual(['published', null, null, null])
    await mailTo(t, owner.email, '"Buurtfeest" staat weer op de wijksite')
    const page = await t.client().get(publicPath(wijkA, { ...item, type: 'news' }))
    expect(page.status).toBe(200)
    expect(page.body).toContain('Zaterdag feest in de straat.')

    const record = await teamAClient.get(at)
    expect(record.body).toContain('verborg het: Er staat een telefoonnummer van iemand anders in.')
    expect(record.body).toContain('publiceerde het opnieuw')
    expect(record.body).toContain('Wim')
    const rows = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, String(item.id)))
    expect(rows.map((r) => [r.action, r.actorUserId, r.subjectUserId])).toEqual(
      expect.arrayContaining([
        ['moderation.hide', teamA.id, owner.id],
        ['moderation.unhide', teamA.id, owner.id],
      ]),
    )
  })
})
