import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { appMeta, auditLog } from '../../kernel/audit/audit.tables.js'
import { processingActivities, processors } from './register.tables.js'
import { DEFAULT_ACTIVITIES, DEFAULT_PROCESSORS, MAILCHIMP_PROCESSOR_KEY } from './register.defaults.js'
import { ensureDefaultRegister, processorAgreementInPlace } from './register.service.js'

let t: TestPlatform
let admin: TestClient

beforeAll(async () => {
  t = await createTestPlatform()
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
})
afterAll(() => t.stop())

async function activityByKey(key: string) {
  const [row] = await t.deps.db.select().from(processingActivities).where(eq(processingActivities.key, key))
  return row!
}

async function processorByKey(key: string) {
  const [row] = await t.deps.db.select().from(processors).where(eq(processors.key, key))
  return row!
}

function activityFields(a: typeof processingActivities.$inferSelect, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    nameNl: a.nameNl,
    nameEn: a.nameEn,
    purposeNl: a.purposeNl,
    purposeEn: a.purposeEn,
    dataNl: a.dataNl,
    dataEn: a.dataEn,
    subjectsNl: a.subjectsNl,
    subjectsEn: a.subjectsEn,
    legalBasis: a.legalBasis,
    retentionNl: a.retentionNl,
    retentionEn: a.retentionEn,
    processorNames: a.processorNames,
    position: String(a.position),
    ...overrides,
  }
}

describe('register of processing activities and processors (P12)', () => {
  it('holds every default activity and processor after start, including the 5-year archive with its own key', async () => {
    const activities = await t.deps.db.select().from(processingActivities)
    const keys = activities.map((a) => a.key)
    for (const d of DEFAULT_ACTIVITIES) expect(keys).toContain(d.key)
    for (const key of ['accounts', 'content', 'contact-form', 'newsletters', 'alerts', 'statistics', 'support', 'complaints', 'breaches', 'backups', 'archive', 'invoices', 'mail']) {
      expect(keys).toContain(key)
    }
    const archive = await activityByKey('archive')
    expect(archive.retentionNl).toContain('5 jaar')
    expect(archive.purposeNl).toContain('weer activeren')
    expect((await activityByKey('invoices')).retentionNl).toContain('7 jaar')
    expect((await activityByKey('contact-form')).retentionNl).toContain('30 dagen')
    const procs = (await t.deps.db.select().from(processors)).map((p) => p.key)
    for (const d of DEFAULT_PROCESSORS) expect(procs).toContain(d.key)
  })

  it('shows every activity and processor publicly in Dutch and in English', async () => {
    const nl = await t.client().get('/verwerkingen', { 'accept-language': 'nl' })
    expect(nl.status).toBe(200)
    expect(nl.text).toContain('Register van verwerkingen')
    for (const d of DEFAULT_ACTIVITIES) {
      expect(nl.text).toContain(d.nameNl)
      expect(nl.text).toContain(d.retentionNl)
    }
    for (const d of DEFAULT_PROCESSORS) expect(nl.text).toContain(d.name)
    expect(nl.text).toContain('Gerechtvaardigd belang')
    expect(nl.text).toContain('Nee, nog niet vastgelegd')

    const en = await t.client().get('/verwerkingen', { 'accept-language': 'en' })
    expect(en.body).toContain('<html lang="en"')
    for (const d of DEFAULT_ACTIVITIES) {
      expect(en.text).toContain(d.nameEn)
      expect(en.text).toContain(d.purposeEn)
    }
    expect(en.text).toContain('Legitimate interest')
  })

  it('registers alerts and digests: what is followed and how often, on consent, kept until unfollowed or the account is cancelled, in nl and en', async () => {
    const alerts = await activityByKey('alerts')
    expect(alerts).toMatchObject({ nameNl: 'Meldingen over nieuwe berichten', nameEn: 'Alerts about new posts', legalBasis: 'consent' })
    expect(alerts.dataNl).toContain('frequentie')
    expect(alerts.dataEn).toContain('frequency')
    expect(alerts.retentionNl).toContain('account opzegt')
    expect(alerts.retentionEn).toContain('cancels the account')
    const nl = await t.client().get('/verwerkingen', { 'accept-language': 'nl' })
    for (const text of [alerts.nameNl, alerts.purposeNl, alerts.dataNl, alerts.retentionNl]) expect(nl.text).toContain(text)
    const en = await t.client().get('/verwerkingen', { 'accept-language': 'en' })
    for (const text of [alerts.nameEn, alerts.purposeEn, alerts.dataEn, alerts.retentionEn]) expect(en.text).toContain(text)
  })

  it('adds the alerts activity once to an installation from before it existed, leaving the rest alone', async () => {
    // An installation that started before this release: neither the row nor its seeded key exist.
    await t.deps.db.delete(processingActivities).where(eq(processingActivities.key, 'alerts'))
    const [meta] = await t.deps.db.select().from(appMeta).where(eq(appMeta.key, 'register.seeded-keys'))
    const older = (JSON.parse(meta!.value) as string[]).filter((k) => k !== 'activity:alerts')
    await t.deps.db.update(appMeta).set({ value: JSON.stringify(older) }).where(eq(appMeta.key, 'register.seeded-keys'))
    const before = await t.deps.db.select().from(processingActivities)

    await ensureDefaultRegister(t.deps)
    const after = await t.deps.db.select().from(processingActivities)
    expect(after).toHaveLength(before.length + 1)
    expect((await activityByKey('alerts')).position).toBe(45)
    await ensureDefaultRegister(t.deps)
    expect(await t.deps.db.select().from(processingActivities)).toHaveLength(after.length)
  })

  it('is linked from the privacy statement', async () => {
    const page = await t.client().get('/privacy')
    expect(page.body).toContain('href="/verwerkingen"')
  })

  it('lets the admin edit an activity, audited, and the cached public page shows the edit at once', async () => {
    const first = await t.client().get('/verwerkingen')
    const cached = await t.client().get('/verwerkingen')
    expect(cached.res.headers.get('x-page-cache')).toBe('hit')
    expect(first.text).not.toContain('Nieuwe uitleg over accounts')

    const accounts = await activityByKey('accounts')
    const form = await admin.get(`/beheer/verwerkingen/activiteiten/${accounts.id}`)
    expect(form.status).toBe(200)
    const res = await admin.post(`/beheer/verwerkingen/activiteiten/${accounts.id}`, activityFields(accounts, { purposeNl: 'Nieuwe uitleg over accounts.', purposeEn: 'New explanation of accounts.' }))
    expect(res.status).toBe(303)
    expect(res.location).toBe('/beheer/verwerkingen?melding=flash.register.saved')

    const after = await t.client().get('/verwerkingen')
    expect(after.res.headers.get('x-page-cache')).toBe('miss')
    expect(after.text).toContain('Nieuwe uitleg over accounts.')
    const en = await t.client().get('/verwerkingen', { 'accept-language': 'en' })
    expect(en.text).toContain('New explanation of accounts.')

    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'register.activity.edit'), eq(auditLog.targetId, String(accounts.id))))
    expect(audits).toHaveLength(1)
  })

  it('never overwrites an edit or brings back a deleted default at the next start', async () => {
    const backups = await activityByKey('backups')
    const page = await admin.get(`/beheer/verwerkingen/activiteiten/${backups.id}/verwijderen`)
    expect(page.status).toBe(200)
    expect((await admin.post(`/beheer/verwerkingen/activiteiten/${backups.id}/verwijderen`, {})).status).toBe(303)
    await ensureDefaultRegister(t.deps)
    const rows = await t.deps.db.select().from(processingActivities).where(eq(processingActivities.key, 'backups'))
    expect(rows).toHaveLength(0)
    expect((await activityByKey('accounts')).purposeNl).toBe('Nieuwe uitleg over accounts.')
    const gone = await t.client().get('/verwerkingen')
    expect(gone.text).not.toContain('Back-ups')
  })

  it('adds an activity with field errors and kept values first, then saved', async () => {
    const bad = await admin.post('/beheer/verwerkingen/activiteiten/nieuw', { nameNl: 'Fotowedstrijd', nameEn: '', purposeNl: 'Winnaars kiezen', legalBasis: 'whatever', position: 'tien' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="nameEn-error"')
    expect(bad.body).toContain('id="legalBasis-error"')
    expect(bad.text).toContain('Vul een heel getal in')
    expect(bad.body).toContain('value="Fotowedstrijd"')
    expect(bad.body).toContain('Winnaars kiezen')

    const fields = {
      nameNl: 'Fotowedstrijd',
      nameEn: 'Photo contest',
      purposeNl: 'Winnaars kiezen',
      purposeEn: 'Choosing winners',
      dataNl: 'Naam en foto',
      dataEn: 'Name and photo',
      subjectsNl: 'Deelnemers',
      subjectsEn: 'Participants',
      legalBasis: 'consent',
      retentionNl: 'Tot 1 maand na de wedstrijd',
      retentionEn: 'Until 1 month after the contest',
      processorNames: 'Hosting',
      position: '200',
    }
    expect((await admin.post('/beheer/verwerkingen/activiteiten/nieuw', fields)).status).toBe(303)
    const page = await t.client().get('/verwerkingen')
    expect(page.text).toContain('Fotowedstrijd')
    expect(page.text).toContain('Toestemming')
  })

  it('flags every processor without an agreement on the beheer page, and records an agreement', async () => {
    const page = await admin.get('/beheer/verwerkingen')
    expect(page.status).toBe(200)
    expect(page.body).toContain('register-warning')
    expect(page.text).toContain('Verwerkers zonder verwerkersovereenkomst: 3')
    const mail = await processorByKey('mail')
    // An agreement without a date is refused, with what was typed kept.
    const bad = await admin.post(`/beheer/verwerkingen/verwerkers/${mail.id}`, { name: 'Mailbedrijf BV', serviceNl: mail.serviceNl, serviceEn: mail.serviceEn, location: 'Nederland', agreementInPlace: 'on' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="agreementDate-error"')
    expect(bad.body).toContain('value="Mailbedrijf BV"')
    const ok = await admin.post(`/beheer/verwerkingen/verwerkers/${mail.id}`, {
      name: 'Mailbedrijf BV',
      serviceNl: mail.serviceNl,
      serviceEn: mail.serviceEn,
      location: 'Nederland',
      agreementInPlace: 'on',
      agreementDate: '2026-02-01',
      agreementReference: 'VWO-2026-01',
    })
    expect(ok.status).toBe(303)
    const after = await admin.get('/beheer/verwerkingen')
    expect(after.text).toContain('Verwerkers zonder verwerkersovereenkomst: 2')
    const pub = await t.client().get('/verwerkingen')
    expect(pub.text).toContain('Mailbedrijf BV')
    expect(pub.text).toContain('Ja, gesloten op 1 februari 2026')
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'register.processor.edit'))
    expect(audits.length).toBe(1)
  })

  it('refuses data to Mailchimp until its processor agreement is recorded (processorAgreementInPlace)', async () => {
    const { db } = t.deps
    expect(await processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY)).toBe(false)
    expect(await processorAgreementInPlace(db, 'no-such-processor')).toBe(false)
    const mailchimp = await processorByKey(MAILCHIMP_PROCESSOR_KEY)
    const fields = { name: 'Mailchimp', serviceNl: mailchimp.serviceNl, serviceEn: mailchimp.serviceEn, location: 'VS / US', agreementInPlace: 'on', agreementDate: '2026-03-01' }
    expect((await admin.post(`/beheer/verwerkingen/verwerkers/${mailchimp.id}`, fields)).status).toBe(303)
    expect(await processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY)).toBe(true)
    // Withdrawn agreement (the box unticked): refused again.
    const { agreementInPlace: _dropped, ...withdrawn } = fields
    expect((await admin.post(`/beheer/verwerkingen/verwerkers/${mailchimp.id}`, withdrawn)).status).toBe(303)
    expect(await processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY)).toBe(false)
    // Deleted from the register: refused.
    expect((await admin.post(`/beheer/verwerkingen/verwerkers/${mailchimp.id}/verwijderen`, {})).status).toBe(303)
    expect(await processorAgreementInPlace(db, MAILCHIMP_PROCESSOR_KEY)).toBe(false)
  })

  it('is for platform admins only: a wijkbeheerder gets 403, a visitor the login page', async () => {
    const wijk = await buildWijk(t)
    const beheerder = t.client()
    await login(beheerder, await buildUser(t, { role: 'wijkbeheerder', wijkId: wijk.id }))
    const accounts = await activityByKey('accounts')
    for (const path of ['/beheer/verwerkingen', '/beheer/verwerkingen/activiteiten/nieuw', `/beheer/verwerkingen/activiteiten/${accounts.id}`, '/beheer/verwerkingen/verwerkers/nieuw']) {
      expect((await beheerder.get(path)).status, path).toBe(403)
      expect((await t.client().get(path)).status, path).toBe(303)
    }
    const before = await activityByKey('accounts')
    expect((await beheerder.post(`/beheer/verwerkingen/activiteiten/${accounts.id}`, activityFields(accounts, { nameNl: 'Gekaapt' }))).status).toBe(403)
    expect((await activityByKey('accounts')).nameNl).toBe(before.nameNl)
  })
})
