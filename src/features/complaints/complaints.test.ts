import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { mailTo } from '../accounts/accounts.test-helpers.js'
import { complaints } from './complaints.tables.js'
import { complaintsRetentionRules } from './complaints.retention.js'
import { COMPLAINT_LIMITS } from './complaints.routes.js'

let t: TestPlatform
let admin: TestClient
let adminUser: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform()
  adminUser = await buildUser(t, { role: 'admin' })
  admin = t.client()
  await login(admin, adminUser)
})
afterAll(() => t.stop())

async function complaintByRef(reference: string) {
  const [row] = await t.deps.db.select().from(complaints).where(eq(complaints.reference, reference))
  return row!
}

function referenceOf(location: string | null): string {
  const ref = new URL(location ?? '', 'http://localhost').searchParams.get('kenmerk')
  if (!ref) throw new Error(`no reference in ${location}`)
  return ref
}

describe('privacy complaints (P29)', () => {
  it('names the Autoriteit Persoonsgegevens with a link, and says one may complain there at any time', async () => {
    const page = await t.client().get('/klacht')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Autoriteit Persoonsgegevens')
    expect(page.body).toContain('href="https://autoriteitpersoonsgegevens.nl"')
    expect(page.text).toContain('Je mag altijd een klacht indienen bij de toezichthouder')
    const en = await t.client().get('/klacht', { 'accept-language': 'en' })
    expect(en.text).toContain('You may always file a complaint with the supervisory authority')
  })

  it('keeps what a visitor typed and says what is wrong', async () => {
    const client = t.client()
    await client.get('/klacht')
    const res = await client.post('/klacht', { name: 'Bea Visser', email: 'geen-adres', body: '' })
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="email-error"')
    expect(res.body).toContain('id="body-error"')
    expect(res.body).toContain('value="Bea Visser"')
    expect(res.body).toContain('value="geen-adres"')
    expect(await t.deps.db.select().from(complaints)).toHaveLength(0)
  })

  it('records a visitor’s complaint with a reference like K-2026-0001 and mails a confirmation with it', async () => {
    const client = t.client()
    await client.get('/klacht')
    const res = await client.post('/klacht', { name: 'Bea Visser', email: 'Bea@Example.test', body: 'Mijn telefoonnummer stond openbaar terwijl ik dat niet had aangezet.' })
    expect(res.status).toBe(303)
    const reference = referenceOf(res.location)
    expect(reference).toBe('K-2026-0001')
    const shown = await client.follow(res)
    expect(shown.text).toContain('K-2026-0001')
    expect(shown.text).toContain('Autoriteit Persoonsgegevens')

    const row = await complaintByRef(reference)
    expect(row).toMatchObject({ name: 'Bea Visser', email: 'bea@example.test', userId: null, status: 'received', lang: 'nl' })
    const mail = await mailTo(t, 'bea@example.test', 'K-2026-0001')
    expect(mail.subject).toBe('Je klacht is ontvangen (K-2026-0001)')
    expect(mail.text).toContain('K-2026-0001')
    expect(mail.text).toContain('https://autoriteitpersoonsgegevens.nl')
    // The confirmation goes to whatever address was typed: it carries none of the complaint's text.
    expect(mail.text).not.toContain('telefoonnummer')
  })

  it('shows the thanks page without a reference for a malformed ?kenmerk=, never a 400 or 500', async () => {
    // The page only echoes the query; a value that is not shaped like a reference is not shown.
    for (const query of ['?kenmerk=%3Cb%3EK-2026-0001%3C%2Fb%3E', '?kenmerk=K-2026-1', '?kenmerk=', '?kenmerk=x&kenmerk=K-2026-0007']) {
      const page = await t.client().get(`/klacht/ontvangen${query}`)
      expect(page.status, query).toBe(200)
      expect(page.text, query).toContain('We hebben je klacht ontvangen.')
      expect(page.text, query).not.toMatch(/K-2026/)
    }
    // The first of a repeated parameter counts, as everywhere the query string is read.
    const first = await t.client().get('/klacht/ontvangen?kenmerk=K-2026-0007&kenmerk=x')
    expect(first.text).toContain('K-2026-0007')
    expect(first.text).not.toContain('We hebben je klacht ontvangen.')
  })

  it('prefills name and email for a logged-in user and links the complaint to the account', async () => {
    const user = await buildUser(t, { firstName: 'Karim', lastName: 'Haddou', email: 'karim@example.test', lang: 'en' })
    const client = t.client()
    await login(client, user)
    const form = await client.get('/klacht')
    expect(form.body).toContain('value="Karim Haddou"')
    expect(form.body).toContain('value="karim@example.test"')
    const res = await client.post('/klacht', { name: 'Karim Haddou', email: 'karim@example.test', body: 'My newsletter subscription was not removed.' })
    expect(res.status).toBe(303)
    const reference = referenceOf(res.location)
    expect(reference).toBe('K-2026-0002')
    const row = await complaintByRef(reference)
    expect(row.userId).toBe(user.id)
    expect(row.lang).toBe('en')
    const mail = await mailTo(t, 'karim@example.test', reference)
    expect(mail.subject).toBe(`Your complaint has been received (${reference})`)
  })

  it('lists complaints by status for the admin, without personal data in the list', async () => {
    const list = await admin.get('/beheer/klachten')
    expect(list.status).toBe(200)
    expect(list.text).toContain('K-2026-0001')
    expect(list.text).toContain('K-2026-0002')
    expect(list.text).not.toContain('Bea Visser')
    expect((await admin.get('/beheer/klachten?status=answered')).text).not.toContain('K-2026-0001')
    // A filter that does not exist shows the default list, as without one.
    const unknown = await admin.get('/beheer/klachten?status=onzin&status=answered')
    expect(unknown.status).toBe(200)
    expect(unknown.text).toContain('K-2026-0001')
  })

  it('records the admin reading a complaint in the complainant’s access log', async () => {
    const row = await complaintByRef('K-2026-0002')
    const page = await admin.get(`/beheer/klachten/${row.id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('My newsletter subscription was not removed.')
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'complaint.view'), eq(auditLog.subjectUserId, row.userId!)))
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actorUserId: adminUser.id, targetType: 'complaint', targetId: String(row.id) })
  })

  it('changes the status, and an answer is mailed to the complainant in their language and marks it answered', async () => {
    const row = await complaintByRef('K-2026-0002')
    await admin.get(`/beheer/klachten/${row.id}`)
    expect((await admin.post(`/beheer/klachten/${row.id}/status`, { status: 'in-progress' })).status).toBe(303)
    expect((await complaintByRef('K-2026-0002')).status).toBe('in-progress')

    const empty = await admin.post(`/beheer/klachten/${row.id}/antwoord`, { answer: '  ' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="answer-error"')

    t.clock.advance({ days: 3 })
    const res = await admin.post(`/beheer/klachten/${row.id}/antwoord`, { answer: 'We removed your subscription and fixed the cause.\n\nSorry for the trouble.' })
    expect(res.status).toBe(303)
    const answered = await complaintByRef('K-2026-0002')
    expect(answered).toMatchObject({ status: 'answered', answeredBy: adminUser.id, answer: 'We removed your subscription and fixed the cause.\n\nSorry for the trouble.' })
    const mail = await mailTo(t, 'karim@example.test', 'Answer to your complaint')
    expect(mail.subject).toBe('Answer to your complaint (K-2026-0002)')
    expect(mail.text).toContain('We removed your subscription and fixed the cause.')
    expect(mail.text).toContain('https://autoriteitpersoonsgegevens.nl')
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.answer'), eq(auditLog.subjectUserId, row.userId!)))
    expect(audit).toHaveLength(1)
  })

  it('rate-limits filing per client', async () => {
    const client = t.client()
    await client.get('/klacht')
    for (let i = 0; i < COMPLAINT_LIMITS.perClient.max; i++) {
      const ok = await client.post('/klacht', { name: 'Rob', email: `rob${i}@example.test`, body: `Klacht ${i}` })
      expect(ok.status).toBe(303)
    }
    const refused = await client.post('/klacht', { name: 'Rob', email: 'rob-extra@example.test', body: 'Nog een klacht' })
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('Nog een klacht')
  })

  it('deletes a complaint 2 years after it was answered, and keeps open ones', async () => {
    const [rule] = complaintsRetentionRules
    const answered = await complaintByRef('K-2026-0002')
    const open = await complaintByRef('K-2026-0001')
    // Answered on 5 March 2026: still there on 5 March 2028, gone a day later.
    t.clock.advance({ days: 365 + 366 })
    expect(await runRetentionRule(t.deps, rule!)).toBe(0)
    t.clock.advance({ days: 1 })
    expect(await runRetentionRule(t.deps, rule!)).toBe(1)
    expect(await t.deps.db.select().from(complaints).where(eq(complaints.id, answered.id))).toHaveLength(0)
    expect(await t.deps.db.select().from(complaints).where(eq(complaints.id, open.id))).toHaveLength(1)
  })

  it('is managed by platform admins only: a wijkbeheerder gets 403', async () => {
    const wijk = await buildWijk(t)
    const beheerder = t.client()
    await login(beheerder, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const row = await complaintByRef('K-2026-0001')
    expect((await beheerder.get('/beheer/klachten')).status).toBe(403)
    expect((await beheerder.get(`/beheer/klachten/${row.id}`)).status).toBe(403)
    expect((await beheerder.post(`/beheer/klachten/${row.id}/antwoord`, { answer: 'Niet van jou' })).status).toBe(403)
    expect((await t.client().get('/beheer/klachten')).status).toBe(303)
  })
})
