/**
 * "Hulp nodig" and /beheer/hulpvragen through HTTP: questions and content problems become
 * support requests with a notice to the right managers over SMTP; a wijk team sees only the
 * content problems of its own wijk; opening a request is in the requester's access log; the
 * answer reaches the requester in their language.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildItem } from '../contact-form/items.test-helpers.js'
import { mailTo } from '../accounts/accounts.test-helpers.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { supportRequests } from './help.tables.js'

let t: TestPlatform
let wijkA: { id: number; slug: string }
let wijkB: { id: number; slug: string }
let hosted: { id: number; slug: string }
let resident: BuiltUser
let english: BuiltUser
let admin: BuiltUser
let teamA: BuiltUser
let teamB: BuiltUser
let itemA: { id: number; slug: string }
let itemB: { id: number; slug: string }
let itemHosted: { id: number; slug: string }
let draftA: { id: number; slug: string }
let residentClient: TestClient

async function clientFor(user: BuiltUser, first = '/hulp'): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  await client.get(first)
  return client
}

async function newest(kind: 'question' | 'content-problem') {
  const rows = await t.deps.db.select().from(supportRequests).where(eq(supportRequests.kind, kind))
  return rows.sort((a, b) => b.id - a.id)[0]!
}

beforeAll(async () => {
  t = await createTestPlatform()
  wijkA = await buildWijk(t, { name: 'Appelwijk' })
  wijkB = await buildWijk(t, { name: 'Berenwijk' })
  hosted = await buildWijk(t, { name: 'Eigenhost', hostName: 'www.eigenhost.example' })
  await t.hostMap.reload(t.deps.db)
  resident = await buildUser(t, { email: 'rosa.bewoner@example.test', firstName: 'Rosa', lastName: 'Bewoner', homeWijkId: wijkA.id })
  english = await buildUser(t, { email: 'emma.english@example.test', firstName: 'Emma', lang: 'en', homeWijkId: wijkB.id })
  admin = await buildUser(t, { email: 'admin.hulp@example.test', role: 'admin', firstName: 'Adri' })
  teamA = await buildUser(t, { email: 'beheer.a@example.test', role: 'wijkbeheerder', wijkId: wijkA.id, firstName: 'Wim' })
  teamB = await buildUser(t, { email: 'beheer.b@example.test', role: 'ambassadeur', wijkId: wijkB.id, firstName: 'Bea' })
  const owner = await buildUser(t)
  itemA = await buildItem(t, { wijkId: wijkA.id, type: 'offer', title: 'Fietsen repareren in Appelwijk', ownerId: owner.id })
  itemB = await buildItem(t, { wijkId: wijkB.id, type: 'news', title: 'Nieuws uit Berenwijk', ownerId: owner.id })
  itemHosted = await buildItem(t, { wijkId: hosted.id, type: 'offer', title: 'Aanbod op eigen host', ownerId: owner.id })
  draftA = await buildItem(t, { wijkId: wijkA.id, type: 'offer', title: 'Concept in Appelwijk', status: 'draft', ownerId: owner.id })
  residentClient = await clientFor(resident)
}, 60_000)
afterAll(() => t.stop())

describe('Hulp nodig', () => {
  it('is for logged-in users only and offers a question, a content problem and cancellation', async () => {
    const visitor = await t.client().get('/hulp')
    expect(visitor.status).toBe(303)
    expect(visitor.location).toMatch(/^\/account\/inloggen/)
    const page = await residentClient.get('/hulp')
    expect(page.status).toBe(200)
    for (const href of ['/hulp/vraag', '/hulp/probleem', '/hulp/opzeggen']) expect(page.body).toContain(`href="${href}"`)
  })

  it('turns a question into a support request and a notice to the platform admins only, without the message or the address, and confirms it', async () => {
    await residentClient.get('/hulp/vraag')
    const empty = await residentClient.post('/hulp/vraag', { message: '   ' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="message-error"')
    const res = await residentClient.post('/hulp/vraag', { message: 'Hoe verander ik mijn e-mailadres? Groet, Rosa' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/hulp/verstuurd')
    expect((await residentClient.follow(res)).text).toContain('Je bericht is verstuurd')

    const row = await newest('question')
    expect(row).toMatchObject({ userId: resident.id, wijkId: null, contentItemId: null, status: 'open' })
    const mail = await mailTo(t, admin.email, `Nieuwe hulpvraag ${row.id}`)
    expect(mail.text).toContain(`/beheer/hulpvragen/${row.id}`)
    expect(mail.text).not.toContain('Hoe verander ik')
    expect(mail.text).not.toContain(resident.email)
    expect(t.smtp.messages.filter((m) => m.subject.includes(`hulpvraag ${row.id}`) && m.to !== admin.email)).toEqual([])
  })

  it('resolves a pasted page address to the item and its wijk, and tells the admins and that wijk team (not another wijk)', async () => {
    await residentClient.get('/hulp/probleem')
    const address = `http://localhost/${wijkA.slug}/prikbord/${itemA.id}-${itemA.slug}`
    const res = await residentClient.post('/hulp/probleem', { address, message: 'De prijs klopt niet.' })
    expect(res.status).toBe(303)
    const row = await newest('content-problem')
    expect(row).toMatchObject({ wijkId: wijkA.id, contentItemId: itemA.id, message: 'De prijs klopt niet.' })
    const toTeam = await mailTo(t, teamA.email, `Nieuwe hulpvraag ${row.id}`)
    expect(toTeam.text).toContain('Fietsen repareren in Appelwijk')
    await mailTo(t, admin.email, `Nieuwe hulpvraag ${row.id}`)
    expect(t.smtp.messages.filter((m) => m.to === teamB.email)).toEqual([])
  })

  it('accepts an item chosen from a wijk list and an address on a wijk’s own host name', async () => {
    const list = await residentClient.get(`/hulp/probleem?wijk=${wijkB.id}`)
    expect(list.body).toContain(`<option value="${itemB.id}">`)
    expect(list.body).not.toContain('Concept in Appelwijk')
    expect((await residentClient.post('/hulp/probleem', { wijk: String(wijkB.id), itemId: String(itemB.id), message: 'Dit bericht is oud.' })).status).toBe(303)
    expect(await newest('content-problem')).toMatchObject({ wijkId: wijkB.id, contentItemId: itemB.id })
    const onHost = `https://www.eigenhost.example/prikbord/${itemHosted.id}-${itemHosted.slug}`
    expect((await residentClient.post('/hulp/probleem', { address: onHost, message: 'Hoort hier niet.' })).status).toBe(303)
    expect(await newest('content-problem')).toMatchObject({ wijkId: hosted.id, contentItemId: itemHosted.id })
  })

  it('refuses a problem without a page, with an unknown address or a non-public item: 422, the text kept', async () => {
    await residentClient.get('/hulp/probleem')
    const none = await residentClient.post('/hulp/probleem', { message: 'Iets klopt niet' })
    expect(none.status).toBe(422)
    expect(none.body).toContain('id="address-error"')
    expect(none.body).toContain('Iets klopt niet')
    const unknown = await residentClient.post('/hulp/probleem', { address: `http://localhost/${wijkA.slug}/prikbord/999999-niets`, message: 'Iets klopt niet' })
    expect(unknown.status).toBe(422)
    expect(unknown.body).toContain('value="http://localhost/')
    const draft = await residentClient.post('/hulp/probleem', { address: `http://localhost/${wijkA.slug}/prikbord/${draftA.id}-${draftA.slug}`, message: 'x' })
    expect(draft.status).toBe(422)
    const wrongWijk = await residentClient.post('/hulp/probleem', { address: `http://localhost/${wijkB.slug}/prikbord/${itemA.id}-${itemA.slug}`, message: 'x' })
    expect(wrongWijk.status).toBe(422)
    const chosen = await residentClient.post('/hulp/probleem', { itemId: String(draftA.id), message: 'x' })
    expect(chosen.status).toBe(422)
    expect(chosen.body).toContain('id="itemId-error"')
    const garbage = await residentClient.post('/hulp/probleem', { itemId: 'abc', message: 'x' })
    expect(garbage.status).toBe(422)
  })
})

describe('/beheer/hulpvragen', () => {
  it('shows a wijkbeheerder of wijk A the content problems of A, but not those of B nor questions (404 on those)', async () => {
    const problemA = (await t.deps.db.select().from(supportRequests).where(and(eq(supportRequests.kind, 'content-problem'), eq(supportRequests.wijkId, wijkA.id))))[0]!
    const problemB = (await t.deps.db.select().from(supportRequests).where(and(eq(supportRequests.kind, 'content-problem'), eq(supportRequests.wijkId, wijkB.id))))[0]!
    const question = await newest('question')
    const a = await clientFor(teamA, '/beheer/hulpvragen')
    const list = await a.get('/beheer/hulpvragen')
    expect(list.status).toBe(200)
    expect(list.body).toContain(`href="/beheer/hulpvragen/${problemA.id}"`)
    expect(list.body).not.toContain(`href="/beheer/hulpvragen/${problemB.id}"`)
    expect(list.body).not.toContain(`href="/beheer/hulpvragen/${question.id}"`)
    expect((await a.get(`/beheer/hulpvragen/${problemA.id}`)).status).toBe(200)
    for (const id of [problemB.id, question.id, 999_999]) {
      expect((await a.get(`/beheer/hulpvragen/${id}`)).status, String(id)).toBe(404)
      expect((await a.post(`/beheer/hulpvragen/${id}/antwoord`, { answer: 'Hallo' })).status).toBe(404)
      expect((await a.post(`/beheer/hulpvragen/${id}/sluiten`, {})).status).toBe(404)
    }
    const b = await clientFor(teamB, '/beheer/hulpvragen')
    expect((await b.get(`/beheer/hulpvragen/${problemB.id}`)).status).toBe(200)
    expect((await b.get(`/beheer/hulpvragen/${problemA.id}`)).status).toBe(404)
    // A resident is no manager at all.
    expect((await residentClient.get('/beheer/hulpvragen')).status).toBe(403)
  })

  it("shows an admin every request; opening one shows the requester's name and email and records it in their access log", async () => {
    const question = await newest('question')
    const client = await clientFor(admin, '/beheer/hulpvragen')
    const list = await client.get('/beheer/hulpvragen')
    const all = await t.deps.db.select({ id: supportRequests.id }).from(supportRequests)
    for (const r of all) expect(list.body).toContain(`href="/beheer/hulpvragen/${r.id}"`)
    const before = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'support.view'), eq(auditLog.subjectUserId, resident.id)))
    const page = await client.get(`/beheer/hulpvragen/${question.id}`)
    expect(page.text).toContain('Rosa Bewoner')
    expect(page.text).toContain(resident.email)
    expect(page.text).toContain('Hoe verander ik mijn e-mailadres?')
    const after = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'support.view'), eq(auditLog.subjectUserId, resident.id)))
    expect(after.length).toBe(before.length + 1)
    expect(after.at(-1)).toMatchObject({ actorUserId: admin.id, targetType: 'support_request', targetId: String(question.id) })
    expect(JSON.stringify(after.at(-1)!.details)).not.toContain(resident.email)
  })

  it('mails the answer to the requester in their language, then closes the request', async () => {
    const emma = await clientFor(english, '/hulp/vraag')
    expect((await emma.post('/hulp/vraag', { message: 'How do I add a photo?' })).status).toBe(303)
    const request = await newest('question')
    const client = await clientFor(admin, `/beheer/hulpvragen/${request.id}`)
    const empty = await client.post(`/beheer/hulpvragen/${request.id}/antwoord`, { answer: '' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="answer-error"')
    const res = await client.post(`/beheer/hulpvragen/${request.id}/antwoord`, { answer: 'Open the item in My content and choose Images.' })
    expect(res.status).toBe(303)
    const mail = await mailTo(t, english.email, 'Answer to your help request')
    expect(mail.text).toContain('Hello Emma')
    expect(mail.text).toContain('How do I add a photo?')
    expect(mail.text).toContain('Open the item in My content and choose Images.')
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'support.answer'), eq(auditLog.subjectUserId, english.id)))
    expect(audit!.actorUserId).toBe(admin.id)

    expect((await client.post(`/beheer/hulpvragen/${request.id}/sluiten`, {})).status).toBe(303)
    const [row] = await t.deps.db.select().from(supportRequests).where(eq(supportRequests.id, request.id))
    expect(row).toMatchObject({ status: 'closed', answer: 'Open the item in My content and choose Images.', handledBy: admin.id })
    expect((await client.get('/beheer/hulpvragen')).body).not.toContain(`href="/beheer/hulpvragen/${request.id}"`)
    expect((await client.get('/beheer/hulpvragen?status=gesloten')).body).toContain(`href="/beheer/hulpvragen/${request.id}"`)
  })

  it('limits how many requests one account sends per hour (429, text kept)', async () => {
    const spammer = await buildUser(t)
    const client = await clientFor(spammer, '/hulp/vraag')
    for (let i = 0; i < 10; i++) expect((await client.post('/hulp/vraag', { message: `vraag ${i}` })).status).toBe(303)
    const limited = await client.post('/hulp/vraag', { message: 'nog een vraag' })
    expect(limited.status).toBe(429)
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body).toContain('nog een vraag')
  })
})

describe('retention of support requests', () => {
  it('deletes a closed request a year after it was closed, and keeps open ones (rule support.closed)', async () => {
    const asker = await buildUser(t)
    const client = await clientFor(asker, '/hulp/vraag')
    expect((await client.post('/hulp/vraag', { message: 'Blijft deze vraag open?' })).status).toBe(303)
    const open = await newest('question')
    expect((await client.post('/hulp/vraag', { message: 'Deze vraag wordt gesloten.' })).status).toBe(303)
    const closed = await newest('question')
    const adminClient = await clientFor(admin, `/beheer/hulpvragen/${closed.id}`)
    expect((await adminClient.post(`/beheer/hulpvragen/${closed.id}/sluiten`, {})).status).toBe(303)

    const exists = async (id: number) => (await t.deps.db.select({ id: supportRequests.id }).from(supportRequests).where(eq(supportRequests.id, id))).length === 1
    t.clock.advance({ days: 364 })
    await t.drain()
    expect(await exists(closed.id)).toBe(true)
    t.clock.advance({ days: 2 })
    await t.drain()
    expect(await exists(closed.id)).toBe(false)
    expect(await exists(open.id)).toBe(true)
  })
})
