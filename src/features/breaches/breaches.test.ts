import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, like } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { jobs } from '../../kernel/jobs/jobs.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { breaches, breachNotifications } from './breaches.tables.js'
import { localDateTimeValue } from './breaches.schema.js'
import { NOTIFY_BATCH, NOTIFY_JOB } from './breaches.service.js'
import { LANG_COOKIE } from '../../kernel/i18n/i18n.js'

let t: TestPlatform
let admin: TestClient
let adminUser: BuiltUser

beforeAll(async () => {
  t = await createTestPlatform()
  adminUser = await buildUser(t, { role: 'admin', email: 'beheer@example.test' })
  admin = t.client()
  await login(admin, adminUser)
})
afterAll(() => t.stop())

/** A complete, valid breach form, discovered now unless told otherwise. */
function breachFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Verkeerde bijlage in nieuwsbrief',
    discoveredAt: localDateTimeValue(t.clock.now()),
    occurredAt: '',
    whatHappened: 'Een wijkbeheerder stuurde per ongeluk de ledenlijst als bijlage mee.',
    nature_read: 'on',
    nature_copied: 'on',
    dataKinds: 'Voornamen en e-mailadressen',
    dataEncrypted: 'no',
    peopleKinds: 'Abonnees van de wijknieuwsbrief',
    approxPeople: '120',
    approxRecords: '130',
    likelyConsequences: 'Kans op phishing gericht aan de abonnees.',
    measuresTaken: 'Ontvangers gevraagd de bijlage te verwijderen.',
    measuresProposed: 'Bijlagen uitzetten in de nieuwsbriefmodule.',
    advice: 'Open geen onverwachte bijlagen.',
    authorityDecision: 'undecided',
    authorityNotifiedAt: '',
    authorityReference: '',
    informDecision: 'inform',
    informReason: '',
    contactPerson: 'Sanne de Wit, privacycoördinator, 020-1234567',
    status: 'open',
    ...overrides,
  }
}

async function createBreach(overrides: Record<string, string> = {}): Promise<number> {
  await admin.get('/beheer/datalekken/nieuw')
  const res = await admin.post('/beheer/datalekken/nieuw', breachFields(overrides))
  expect(res.status, res.text.slice(0, 500)).toBe(303)
  return Number(/\/beheer\/datalekken\/(\d+)/.exec(res.location ?? '')![1])
}

/** The mails about breach `id` (its reference D-<id> is in each). */
function breachMails(id: number) {
  const reference = new RegExp(`(kenmerk|reference) D-${id}(?!\\d)`)
  return t.smtp.messages.filter((m) => /datalek|data breach/.test(m.subject) && reference.test(m.text))
}

/** Step one (who) and step two (send), as an admin clicks through them. */
async function notify(id: number, fields: Record<string, string>) {
  await admin.get(`/beheer/datalekken/${id}/informeren`)
  const check = await admin.post(`/beheer/datalekken/${id}/informeren`, fields)
  expect(check.status).toBe(200)
  const start = await admin.post(`/beheer/datalekken/${id}/informeren/starten`, fields)
  expect(start.status).toBe(303)
  await t.drain()
  return check
}

describe('breach register (P22)', () => {
  it('refuses an incomplete breach with an error next to each field and everything typed kept', async () => {
    await admin.get('/beheer/datalekken/nieuw')
    const future = localDateTimeValue(new Date(t.clock.now().getTime() + 2 * 86_400_000))
    const res = await admin.post(
      '/beheer/datalekken/nieuw',
      breachFields({ title: '', discoveredAt: future, approxPeople: 'veel', informDecision: 'not-required', whatHappened: 'Laptop in de trein laten liggen' }),
    )
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="title-error"')
    expect(res.body).toContain('id="approxPeople-error"')
    expect(res.body).toContain('Laptop in de trein laten liggen')
    expect(res.body).toContain('value="veel"')
    expect(res.body).toContain(`value="${future}"`)
    expect(res.body).toMatch(/id="nature_copied"[^>]*checked/)
    expect(await t.deps.db.select().from(breaches)).toHaveLength(0)

    // With the field errors fixed, the checks across fields speak up.
    const cross = await admin.post('/beheer/datalekken/nieuw', breachFields({ discoveredAt: future, informDecision: 'not-required', authorityNotifiedAt: localDateTimeValue(t.clock.now()) }))
    expect(cross.status).toBe(422)
    expect(cross.body).toContain('id="discoveredAt-error"')
    expect(cross.body).toContain('id="informReason-error"')
    expect(cross.body).toContain('id="authorityDecision-error"')
  })

  it('records, shows and edits a breach, audited', async () => {
    const id = await createBreach({ title: 'Lek A' })
    const detail = await admin.get(`/beheer/datalekken/${id}`)
    expect(detail.status).toBe(200)
    expect(detail.text).toContain('Lek A')
    expect(detail.text).toContain('Voornamen en e-mailadressen')
    expect(detail.text).toContain('Gelezen of ingezien, Gekopieerd')

    const edit = await admin.get(`/beheer/datalekken/${id}/bewerken`)
    expect(edit.body).toContain('value="Lek A"')
    expect(edit.body).toMatch(/id="nature_read"[^>]*checked/)
    const bad = await admin.post(`/beheer/datalekken/${id}/bewerken`, breachFields({ title: 'Lek A', dataKinds: '' }))
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="dataKinds-error"')
    const saved = await admin.post(`/beheer/datalekken/${id}/bewerken`, breachFields({ title: 'Lek A', status: 'closed', approxPeople: '140' }))
    expect(saved.status).toBe(303)
    const [row] = await t.deps.db.select().from(breaches).where(eq(breaches.id, id))
    expect(row).toMatchObject({ status: 'closed', approxPeople: 140, nature: ['read', 'copied'], createdBy: adminUser.id })

    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, 'breach'), eq(auditLog.targetId, String(id))))
    expect(audits.map((a) => a.action).sort()).toEqual(['breach.create', 'breach.edit'])
  })

  it('counts down to the 72-hour deadline after discovery: 10 h, 71 h, 73 h, and reported', async () => {
    const id = await createBreach({ title: 'Lek met termijn' })
    t.clock.advance({ hours: 10 })
    expect((await admin.get(`/beheer/datalekken/${id}`)).text).toContain('nog 62 uur 0 minuten')
    t.clock.advance({ hours: 61 })
    const at71 = await admin.get(`/beheer/datalekken/${id}`)
    expect(at71.text).toContain('nog 1 uur 0 minuten')
    expect(at71.body).toContain('deadline-soon')
    const list = await admin.get('/beheer/datalekken')
    expect(list.text).toContain('nog 1 uur 0 minuten')
    t.clock.advance({ hours: 2 })
    const at73 = await admin.get(`/beheer/datalekken/${id}`)
    expect(at73.text).toContain('termijn verstreken')
    expect(at73.body).toContain('deadline-passed')

    const reportedAt = localDateTimeValue(t.clock.now())
    expect((await admin.post(`/beheer/datalekken/${id}/bewerken`, breachFields({ title: 'Lek met termijn', discoveredAt: localDateTimeValue(new Date(t.clock.now().getTime() - 73 * 3_600_000)), authorityDecision: 'notify', authorityNotifiedAt: reportedAt }))).status).toBe(303)
    expect((await admin.get(`/beheer/datalekken/${id}`)).text).toMatch(/gemeld op \d+ maart 2026/)
  })

  it('shows the time left in English as well', async () => {
    const id = await createBreach({ title: 'Lek in het Engels' })
    t.clock.advance({ hours: 71, minutes: 1 })
    admin.cookies.set(LANG_COOKIE, 'en')
    const en = await admin.get(`/beheer/datalekken/${id}`)
    admin.cookies.delete(LANG_COOKIE)
    expect(en.text).toContain('59 minutes left')
    expect(en.text).toContain('Deadline to report to the AP')
  })

  it('drafts the AP report with every fact its notification form asks for', async () => {
    const id = await createBreach({ title: 'Lek voor de AP', occurredAt: localDateTimeValue(new Date(t.clock.now().getTime() - 86_400_000)), crossBorder: 'on', ongoing: 'on', nature_stolen: 'on' })
    const page = await admin.get(`/beheer/datalekken/${id}/melding-ap`)
    expect(page.status).toBe(200)
    const text = page.text
    const { operator } = t.config
    for (const fact of [
      operator.name,
      operator.address,
      operator.kvk,
      operator.email,
      'Sanne de Wit, privacycoördinator, 020-1234567',
      'Begonnen op',
      'Ontdekt op',
      'nog 72 uur 0 minuten',
      'Een wijkbeheerder stuurde per ongeluk de ledenlijst als bijlage mee.',
      'Gelezen of ingezien, Gekopieerd, Gestolen',
      'Voornamen en e-mailadressen',
      'Waren de gegevens versleuteld? Nee',
      'Abonnees van de wijknieuwsbrief',
      'ongeveer 120',
      'ongeveer 130',
      'Kans op phishing gericht aan de abonnees.',
      'Ontvangers gevraagd de bijlage te verwijderen.',
      'Bijlagen uitzetten in de nieuwsbriefmodule.',
      'Ja, betrokkenen worden geïnformeerd',
      'Nog niemand',
      'Ja: er zijn ook mensen in andere EU-landen bij betrokken.',
      'Het lek is nog gaande Ja',
    ]) {
      expect(text, fact).toContain(fact)
    }
    expect(page.body).toContain('class="report"')
  })

  it('informs every active account holder exactly once over SMTP, shows who and when, and reaches 100%', async () => {
    const wijk = await buildWijk(t)
    const people = [
      await buildUser(t, { email: 'anna@example.test', firstName: 'Anna', homeWijkId: wijk.id }),
      await buildUser(t, { email: 'bob@example.test', firstName: 'Bob', lang: 'en' }),
      await buildUser(t, { email: 'chris@example.test', firstName: 'Chris', verified: false }),
    ]
    const gone = await buildUser(t, { email: 'opgezegd@example.test' })
    await t.deps.db.update(users).set({ status: 'cancelled', cancelledAt: t.clock.now() }).where(eq(users.id, gone.id))
    const active = await t.deps.db.select({ email: users.email }).from(users).where(eq(users.status, 'active'))
    expect(active.length).toBeGreaterThanOrEqual(4)

    const id = await createBreach({ title: 'Lek voor iedereen' })
    const check = await notify(id, { audience: 'all', emails: '' })
    expect(check.text).toContain(`${active.length} accounthouders krijgen een e-mail.`)

    const mails = breachMails(id)
    expect(mails.map((m) => m.to).sort()).toEqual(active.map((a) => a.email).sort())
    expect(mails.find((m) => m.to === 'opgezegd@example.test')).toBeUndefined()
    const anna = mails.find((m) => m.to === 'anna@example.test')!
    expect(anna.subject).toBe('Belangrijk: datalek bij WijkConnect')
    for (const part of ['Hallo Anna,', 'Wat er gebeurde:', 'Een wijkbeheerder stuurde per ongeluk', 'Om welke gegevens het gaat:', 'Voornamen en e-mailadressen', 'Wat we hebben gedaan:', 'Ontvangers gevraagd', 'Wat je zelf kunt doen:', 'Open geen onverwachte bijlagen.', t.config.operator.email]) {
      expect(anna.text, part).toContain(part)
    }
    const bob = mails.find((m) => m.to === 'bob@example.test')!
    expect(bob.subject).toBe('Important: a data breach at WijkConnect')
    expect(bob.text).toContain('What you can do yourself:')

    const page = await admin.get(`/beheer/datalekken/${id}/informeren`)
    expect(page.body).toMatch(new RegExp(`<progress[^>]*max="${active.length}"[^>]*value="${active.length}"`))
    expect(page.text).toContain(`${active.length} van ${active.length} e-mails klaargezet (100%)`)
    expect(page.body).not.toContain('http-equiv')
    for (const p of people) expect(page.text).toContain(p.email)
    const rows = await t.deps.db.select().from(breachNotifications).where(eq(breachNotifications.breachId, id))
    expect(rows).toHaveLength(active.length)
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true)
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.type, NOTIFY_JOB))
    expect(job).toMatchObject({ status: 'done', progress: 100 })

    // Starting again mails nobody a second time; a newcomer is told once.
    await buildUser(t, { email: 'nieuw@example.test' })
    const again = await notify(id, { audience: 'all', emails: '' })
    expect(again.text).toContain('1 accounthouder krijgt een e-mail.')
    expect(again.text).toContain(`${active.length} van de gekozen accounthouders kregen al een e-mail`)
    const after = breachMails(id)
    expect(after).toHaveLength(active.length + 1)
    const perPerson = new Map<string, number>()
    for (const m of after) perPerson.set(m.to, (perPerson.get(m.to) ?? 0) + 1)
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true)
    expect((await admin.get(`/beheer/datalekken/${id}/melding-ap`)).text).toContain(`${active.length + 1} van ${active.length + 1} e-mails verstuurd.`)
  })

  it('never mails twice, even when a batch runs again after its rows went back to queued', async () => {
    const id = await createBreach({ title: 'Lek met herhaling' })
    await notify(id, { audience: 'affected', emails: 'anna@example.test' })
    expect(breachMails(id)).toHaveLength(1)
    await t.deps.db.update(breachNotifications).set({ status: 'queued', sentAt: null }).where(eq(breachNotifications.breachId, id))
    await notify(id, { audience: 'affected', emails: 'anna@example.test' })
    const { enqueue } = await import('../../kernel/jobs/queue.js')
    await enqueue(t.deps.db, t.clock.now(), { type: NOTIFY_JOB, payload: { breachId: id } })
    await t.drain()
    expect(breachMails(id)).toHaveLength(1)
    const [row] = await t.deps.db.select().from(breachNotifications).where(eq(breachNotifications.breachId, id))
    expect(row!.status).toBe('sent')
  })

  it('informs only the affected: by home wijk and pasted addresses, reporting unknown addresses back', async () => {
    const oost = await buildWijk(t, { name: 'Oost' })
    const west = await buildWijk(t, { name: 'West' })
    const inOost = [await buildUser(t, { email: 'oost1@example.test', homeWijkId: oost.id }), await buildUser(t, { email: 'oost2@example.test', homeWijkId: oost.id })]
    await buildUser(t, { email: 'west1@example.test', homeWijkId: west.id })
    const pasted = await buildUser(t, { email: 'west2@example.test', homeWijkId: west.id })

    const id = await createBreach({ title: 'Lek in Oost' })
    await admin.get(`/beheer/datalekken/${id}/informeren`)
    const nobody = await admin.post(`/beheer/datalekken/${id}/informeren`, { audience: 'affected', emails: '' })
    expect(nobody.status).toBe(422)
    expect(nobody.body).toContain('Kies een of meer wijken, of plak e-mailadressen.')
    expect((await admin.post(`/beheer/datalekken/${id}/informeren`, { emails: '' })).status).toBe(422)

    const check = await notify(id, { audience: 'affected', [`wijk-${oost.id}`]: 'on', emails: 'West2@example.test\nonbekend@example.test, geen-adres' })
    expect(check.text).toContain('3 accounthouders krijgen een e-mail.')
    expect(check.text).toContain('Bij deze 2 adressen hoort geen actief account:')
    expect(check.text).toContain('onbekend@example.test')
    expect(check.text).toContain('geen-adres')

    const to = breachMails(id).map((m) => m.to).sort()
    expect(to).toEqual([...inOost.map((u) => u.email), pasted.email].sort())
    const record = await admin.get(`/beheer/datalekken/${id}/informeren`)
    expect(record.text).toContain('oost1@example.test')
    expect(record.text).not.toContain('west1@example.test')
    expect(record.text).toContain('(100%)')
  })

  it('sends to many people in batches, showing progress on the page while it runs', async () => {
    const wijk = await buildWijk(t, { name: 'Groot' })
    const [hash] = await t.deps.db.select({ h: users.passwordHash }).from(users).limit(1)
    const now = t.clock.now()
    const many = Array.from({ length: NOTIFY_BATCH * 2 + 30 }, (_, i) => ({
      email: `groot-${i}@example.test`,
      firstName: `Buur ${i}`,
      passwordHash: hash!.h,
      emailVerifiedAt: now,
      homeWijkId: wijk.id,
      createdAt: now,
      updatedAt: now,
    }))
    await t.deps.db.insert(users).values(many)
    const id = await createBreach({ title: 'Groot lek' })
    const fields = { audience: 'affected', [`wijk-${wijk.id}`]: 'on', emails: '' }
    await admin.get(`/beheer/datalekken/${id}/informeren`)
    expect((await admin.post(`/beheer/datalekken/${id}/informeren/starten`, fields)).status).toBe(303)
    const waiting = await admin.get(`/beheer/datalekken/${id}/informeren`)
    expect(waiting.body).toMatch(new RegExp(`<progress[^>]*max="${many.length}"[^>]*value="0"`))
    expect(waiting.text).toContain('Het versturen loopt nog.')
    expect(waiting.body).toContain(`href="/beheer/datalekken/${id}/informeren"`)

    // Only the notification job itself: the mails it queues are delivered like any other (see above).
    expect(await t.runner.runOne()).toBe(true)
    const queued = await t.deps.db.select({ key: outbox.key }).from(outbox).where(like(outbox.key, `breach:${id}:%`))
    expect(queued).toHaveLength(many.length)
    const done = await admin.get(`/beheer/datalekken/${id}/informeren`)
    expect(done.text).toContain(`${many.length} van ${many.length} e-mails klaargezet (100%)`)
    // The record pages through everyone.
    expect(done.body).toContain(`href="/beheer/datalekken/${id}/informeren?pagina=2"`)
    const last = await admin.get(`/beheer/datalekken/${id}/informeren?pagina=3`)
    expect(last.text).toContain(`groot-${many.length - 1}@example.test`)
  })

  it('is for platform admins only: a wijkbeheerder gets 403', async () => {
    const wijk = await buildWijk(t)
    const beheerder = t.client()
    await login(beheerder, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const [any] = await t.deps.db.select({ id: breaches.id }).from(breaches).limit(1)
    for (const path of ['/beheer/datalekken', '/beheer/datalekken/nieuw', `/beheer/datalekken/${any!.id}`, `/beheer/datalekken/${any!.id}/melding-ap`, `/beheer/datalekken/${any!.id}/informeren`]) {
      expect((await beheerder.get(path)).status, path).toBe(403)
      expect((await t.client().get(path)).status, path).toBe(303)
    }
    expect((await beheerder.post(`/beheer/datalekken/${any!.id}/informeren/starten`, { audience: 'all' })).status).toBe(403)
  })
})
