/**
 * "Meld dit" through HTTP and the real database: only logged-in people report (visitors log in
 * and come back), once per person per item; the queue is for that wijk's team only and mails
 * them at most once a day; the third different reporter hides the item at once until the team
 * decides, and the decision is recorded.
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
import { contentReports } from './moderation.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let owner: BuiltUser
let teamA: BuiltUser
let teamB: BuiltUser
let teamAClient: TestClient
let teamBClient: TestClient
const reporters: TestClient[] = []

async function clientFor(user: BuiltUser, first = '/'): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  await client.get(first)
  return client
}

async function item(title: string, wijk = wijkA) {
  const built = await buildItem(t, { wijkId: wijk.id, ownerId: owner.id, type: 'news', title })
  const path = `/${wijk.slug}${itemPathInWijk({ ...built, type: 'news' })}`
  return { ...built, path, report: `${path}/melden` }
}

async function report(client: TestClient, target: { report: string }, fields: Record<string, string> = { reason: 'incorrect', message: '' }) {
  await client.get(target.report)
  return client.post(target.report, fields)
}

async function row(id: number) {
  const [found] = await t.deps.db.select().from(contentItems).where(eq(contentItems.id, id))
  return found!
}

const queueMails = (to: string) => t.smtp.messages.filter((m) => m.to === to && m.subject.startsWith('Nieuwe meldingen'))

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Appelwijk' })
  wijkB = await buildWijk(t, { name: 'Berenwijk' })
  owner = await buildUser(t, { email: 'olga.meld@example.test', firstName: 'Olga', homeWijkId: wijkA.id })
  teamA = await buildUser(t, { email: 'wim.meld-a@example.test', role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wim' })
  teamB = await buildUser(t, { email: 'bea.meld-b@example.test', role: 'ambassadeur', wijkId: wijkB.id, firstName: 'Bea' })
  teamAClient = await clientFor(teamA)
  teamBClient = await clientFor(teamB)
  for (let i = 0; i < 4; i++) reporters.push(await clientFor(await buildUser(t, { homeWijkId: wijkA.id })))
}, 60_000)
afterAll(() => t.stop())

describe('meld dit (reports)', () => {
  it('every public item page links to "meld dit"; a visitor is sent to log in and comes back to the form', async () => {
    const target = await item('Straatfeest met een link')
    const page = await t.client().get(target.path)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`href="${target.report}"`)
    const visitor = await t.client().get(target.report)
    expect(visitor.status).toBe(303)
    expect(visitor.location).toBe(`/account/inloggen?volgende=${encodeURIComponent(target.report)}`)
    const form = await reporters[0]!.get(target.report)
    expect(form.status).toBe(200)
    expect(form.body).toContain('name="reason"')
    // Not for drafts or items of another wijk under this wijk's name.
    const draft = await buildItem(t, { wijkId: wijkA.id, ownerId: owner.id, type: 'news', title: 'Concept', status: 'draft' })
    expect((await reporters[0]!.get(`/${wijkA.slug}/nieuws/${draft.id}-${draft.slug}/melden`)).status).toBe(404)
    const other = await item('Nieuws in Berenwijk', wijkB)
    expect((await reporters[0]!.get(`/${wijkA.slug}/nieuws/${other.id}-${other.slug}/melden`)).status).toBe(404)
  })

  it('takes one report per person per item; a second one is kindly told it already counts', async () => {
    const target = await item('Fietsenstalling vol')
    const bad = await report(reporters[0]!, target, { reason: 'nonsense', message: 'Dit klopt niet meer.' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="reason-error"')
    expect(bad.body).toContain('Dit klopt niet meer.')
    const first = await report(reporters[0]!, target, { reason: 'incorrect', message: 'Dit klopt niet meer.' })
    expect(first.status).toBe(303)
    expect(first.location).toBe(`${target.report}/verzonden`)
    expect((await reporters[0]!.get(first.location!)).body).toContain('Bedankt voor je melding')
    const second = await report(reporters[0]!, target, { reason: 'spam', message: '' })
    expect(second.status).toBe(303)
    expect(second.location).toBe(`${target.report}/verzonden?al=1`)
    expect((await reporters[0]!.get(second.location!)).body).toContain('Je had dit al gemeld')
    const stored = await t.deps.db.select().from(contentReports).where(eq(contentReports.contentId, target.id))
    expect(stored.map((r) => [r.reason, r.message, r.status])).toEqual([['incorrect', 'Dit klopt niet meer.', 'open']])
  })

  it("queues reports for that wijk's team only, and mails the team at most once a day per wijk", async () => {
    const one = await item('Hondenpoep op het plein')
    const two = await item('Parkeerplaats bezet')
    await report(reporters[1]!, one, { reason: 'offensive', message: 'Niet netjes geschreven.' })
    const mail = await mailTo(t, teamA.email, 'Nieuwe meldingen in Appelwijk')
    expect(mail.text).toContain(`/beheer/wijken/${wijkA.id}/meldingen`)
    expect(mail.text).not.toContain('Niet netjes geschreven.')
    const mailsBefore = queueMails(teamA.email).length

    await report(reporters[1]!, two)
    await report(reporters[2]!, two)
    t.clock.advance({ hours: 23 })
    await report(reporters[2]!, one)
    await t.drain()
    await new Promise((r) => setTimeout(r, 300))
    expect(queueMails(teamA.email)).toHaveLength(mailsBefore)
    expect(queueMails(teamB.email)).toHaveLength(0)

    t.clock.advance({ hours: 1, minutes: 1 })
    const three = await item('Lantaarnpaal kapot')
    await report(reporters[1]!, three)
    await t.drain()
    await t.smtp.waitFor(() => queueMails(teamA.email).length === mailsBefore + 1)

    const queue = await teamAClient.get(`/beheer/wijken/${wijkA.id}/meldingen`)
    expect(queue.status).toBe(200)
    for (const title of ['Hondenpoep op het plein', 'Parkeerplaats bezet', 'Lantaarnpaal kapot', 'Niet netjes geschreven.']) expect(queue.body).toContain(title)
    expect(queue.body).toContain(`href="/beheer/wijken/${wijkA.id}/inhoud/${one.id}"`)
    expect((await teamBClient.get(`/beheer/wijken/${wijkA.id}/meldingen`)).status).toBe(403)
    const own = await teamBClient.get(`/beheer/wijken/${wijkB.id}/meldingen`)
    expect(own.status).toBe(200)
    expect(own.body).not.toContain('Hondenpoep')
    expect((await reporters[1]!.get(`/beheer/wijken/${wijkA.id}/meldingen`)).status).toBe(403)
  })

  it('hides an item at once when a third different person reports it, until a wijkbeheerder decides; the decision is recorded', async () => {
    const target = await item('Gratis iPhones, klik hier')
    for (const r of reporters.slice(0, 2)) await report(r, target, { reason: 'spam', message: '' })
    expect((await row(target.id)).status).toBe('published')
    // The same person twice does not count twice.
    await report(reporters[0]!, target, { reason: 'spam', message: '' })
    expect((await row(target.id)).status).toBe('published')
    await report(reporters[2]!, target, { reason: 'spam', message: 'Oplichterij.' })
    const hidden = await row(target.id)
    expect([hidden.status, hidden.hiddenKind]).toEqual(['hidden', 'reports'])
    expect((await t.client().get(target.path)).status).toBe(404)
    expect((await t.client().get(`/${wijkA.slug}/nieuws`)).body).not.toContain('Gratis iPhones')
    await mailTo(t, owner.email, '"Gratis iPhones, klik hier" staat niet meer op de wijksite')

    const at = `/beheer/wijken/${wijkA.id}/inhoud/${target.id}`
    const page = await teamAClient.get(at)
    expect(page.body).toContain('Verborgen na drie meldingen')
    expect(page.body).toContain('Oplichterij.')
    expect((await teamBClient.post(`/beheer/wijken/${wijkB.id}/inhoud/${target.id}/besluit`, { outcome: 'keep', decision: 'Mag blijven.' })).status).toBe(404)
    const bad = await teamAClient.post(`${at}/besluit`, { outcome: '', decision: '' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="outcome-error"')
    expect(bad.body).toContain('id="decision-error"')
    const decided = await teamAClient.post(`${at}/besluit`, { outcome: 'hide', decision: 'Dit is oplichterij; haal de link weg.' })
    expect(decided.location).toContain('flash.moderation.decided')
    const kept = await row(target.id)
    expect([kept.status, kept.hiddenKind, kept.hiddenReason, kept.hiddenBy]).toEqual(['hidden', 'moderator', 'Dit is oplichterij; haal de link weg.', teamA.id])
    await t.drain()
    const reasonMail = await t.smtp.waitFor((m) => m.to === owner.email && m.text.includes('De reden: Dit is oplichterij; haal de link weg.'))
    expect(reasonMail.text).toContain('Wim van het wijkteam van Appelwijk')
    const reports = await t.deps.db.select().from(contentReports).where(eq(contentReports.contentId, target.id))
    expect(reports.map((r) => [r.status, r.decision, r.resolvedBy])).toEqual(Array(3).fill(['resolved', 'Dit is oplichterij; haal de link weg.', teamA.id]))
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'moderation.decide'), eq(auditLog.targetId, String(target.id))))
    expect(entry).toMatchObject({ actorUserId: teamA.id, subjectUserId: owner.id, details: { outcome: 'hide', decision: 'Dit is oplichterij; haal de link weg.', reports: 3 } })
    const record = await teamAClient.get(at)
    expect(record.body).toContain('verborgen na drie meldingen van verschillende mensen')
    expect(record.body).toContain('besloot over de meldingen: Verborgen houden (of verbergen) — Dit is oplichterij; haal de link weg.')
  })

  it('a decision to keep an item publishes it again when the reports had hidden it', async () => {
    const target = await item('Rommelmarkt zondag')
    for (const r of reporters.slice(1, 4)) await report(r, target, { reason: 'other', message: '' })
    expect((await row(target.id)).status).toBe('hidden')
    const decided = await teamAClient.post(`/beheer/wijken/${wijkA.id}/inhoud/${target.id}/besluit`, { outcome: 'keep', decision: 'Gewoon een rommelmarkt, niets mis mee.' })
    expect(decided.status).toBe(303)
    const back = await row(target.id)
    expect([back.status, back.hiddenKind]).toEqual(['published', null])
    expect((await t.client().get(target.path)).status).toBe(200)
    const open = await t.deps.db
      .select()
      .from(contentReports)
      .where(and(eq(contentReports.contentId, target.id), eq(contentReports.status, 'open')))
    expect(open).toHaveLength(0)
  })

  it('publishing an item the reports hid again, without the decision form, closes its open reports with a recorded decision', async () => {
    const target = await item('Oproep: wie heeft mijn kat gezien?')
    for (const r of reporters.slice(0, 3)) await report(r, target, { reason: 'other', message: 'Dubbel geplaatst?' })
    expect((await row(target.id)).status).toBe('hidden')
    const at = `/beheer/wijken/${wijkA.id}/inhoud/${target.id}`
    const page = await teamAClient.get(at)
    expect(page.body).toContain('Er staan nog 3 meldingen open.')
    expect(page.body).toContain('name="explanation"')

    // Without a why, nothing changes: the field says what is missing.
    const bare = await teamAClient.post(`${at}/publiceren`, {})
    expect(bare.status).toBe(422)
    expect(bare.body).toContain('id="explanation-error"')
    expect((await row(target.id)).status).toBe('hidden')
    expect((await teamBClient.post(`/beheer/wijken/${wijkB.id}/inhoud/${target.id}/publiceren`, { explanation: 'Mag blijven.' })).status).toBe(404)

    const done = await teamAClient.post(`${at}/publiceren`, { explanation: 'Nagekeken: geen dubbel bericht.' })
    expect(done.status).toBe(303)
    expect(done.location).toContain('flash.moderation.republished')
    expect((await row(target.id)).status).toBe('published')
    const reports = await t.deps.db.select().from(contentReports).where(eq(contentReports.contentId, target.id))
    expect(reports.map((r) => [r.status, r.decision, r.resolvedBy, r.resolvedAt?.getTime()])).toEqual(
      Array(3).fill(['resolved', 'Nagekeken: geen dubbel bericht.', teamA.id, t.deps.clock.now().getTime()]),
    )
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'moderation.unhide'), eq(auditLog.targetId, String(target.id))))
    expect(entry).toMatchObject({ actorUserId: teamA.id, subjectUserId: owner.id, details: { outcome: 'keep', decision: 'Nagekeken: geen dubbel bericht.', reports: 3 } })

    const queue = await teamAClient.get(`/beheer/wijken/${wijkA.id}/meldingen`)
    expect(queue.body).not.toContain('wie heeft mijn kat gezien')
    const record = await teamAClient.get(at)
    expect(record.body).toContain('publiceerde het opnieuw: Gepubliceerd laten (of weer publiceren) — Nagekeken: geen dubbel bericht.')
    expect(record.body).not.toContain('name="explanation"')
  })
})
