/**
 * Deciding on applications and Mijn pakket, through HTTP (issue 14): approving starts one
 * subscription and mails the applicant in their language, a second decision is a 409, declining
 * mails the reason and destroys the IBAN; the customer cancels at the end of the period and takes
 * it back; nobody else sees their package or mandate; and the account's erasure.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, like } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { cancelAccount, eraseAccount } from '../cancellation/cancellation.service.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { SENTINEL_IBAN, SENTINEL_TYPED, apply, applicationFields, buildPackage } from './billing.apply.test-helpers.js'

let t: TestPlatform
let admin: TestClient
let ambassadeur: TestClient
let slug: string

beforeAll(async () => {
  t = await createTestPlatform()
  slug = (await buildPackage(t, { slug: 'cultuur', nameNl: 'Cultuurpakket', nameEn: 'Culture package', period: 'kwartaal' })).slug
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
  const wijk = await buildWijk(t)
  ambassadeur = t.client()
  await login(ambassadeur, await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))
})
afterAll(() => t.stop())

async function applicant(opts: { lang?: 'nl' | 'en'; directDebit?: boolean } = {}): Promise<{ user: BuiltUser; client: TestClient; applicationId: number }> {
  const user = await buildUser(t, { lang: opts.lang ?? 'nl', firstName: 'Joost' })
  const client = t.client()
  await login(client, user)
  const extra: Record<string, string> = opts.directDebit ? { paymentMethod: 'direct-debit', iban: SENTINEL_TYPED, accountHolder: 'Stichting Podium' } : {}
  const res = await apply(client, slug, await applicationFields(t, { organisationName: 'Stichting Podium', ...extra }))
  expect(res.status, res.text.slice(0, 300)).toBe(303)
  const [row] = await t.deps.db.select({ id: packageApplications.id }).from(packageApplications).where(eq(packageApplications.userId, user.id))
  return { user, client, applicationId: row!.id }
}

const mailsTo = (email: string) => t.deps.db.select().from(outbox).where(eq(outbox.toAddress, email))
const subscriptionsOf = (applicationId: number) => t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))

async function post(client: TestClient, path: string, fields: Record<string, string> = {}) {
  await client.get(path.replace(/\/(goedkeuren|afwijzen)$/, ''))
  return client.post(path, fields)
}

describe('deciding on an application', () => {
  it('lists pending applications first and shows the admin everything given, the IBAN only masked', async () => {
    const first = await applicant()
    const second = await applicant({ directDebit: true })
    await post(admin, `/beheer/aanvragen/${first.applicationId}/afwijzen`, { reason: 'Eerst een gesprek.' })
    const list = await admin.get('/beheer/aanvragen')
    expect(list.status).toBe(200)
    expect(list.body.indexOf(`/beheer/aanvragen/${second.applicationId}"`)).toBeLessThan(list.body.indexOf(`/beheer/aanvragen/${first.applicationId}"`))
    const detail = await admin.get(`/beheer/aanvragen/${second.applicationId}`)
    for (const shown of ['Stichting Podium', '12345678', 'NL123456789B01', '1093 BS', 'facturen@korenaar.example', 'Fatima el Amrani', 'NL•• •••• •••• ••43 00', 'Versie 1, ondertekend door Fatima el Amrani']) expect(detail.text).toContain(shown)
    expect(detail.body.replace(/\s/g, '').toLowerCase()).not.toContain(SENTINEL_IBAN.toLowerCase())
    const [viewed] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'billing.application.view'), eq(auditLog.targetId, String(second.applicationId))))
    expect(viewed!.subjectUserId).toBe(second.user.id)
  })

  it('approval starts one subscription today for the package period, activates the mandate and mails the applicant in their language', async () => {
    const { user, applicationId } = await applicant({ lang: 'en', directDebit: true })
    const res = await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)
    expect(res.status).toBe(303)
    const [sub] = await subscriptionsOf(applicationId)
    // The platform's clock stands at 2 March 2026; a quarter runs to 2 June.
    expect(sub).toMatchObject({ status: 'active', startedOn: '2026-03-02', currentPeriodStart: '2026-03-02', currentPeriodEnd: '2026-06-02', paymentMethod: 'direct-debit', cancelAtPeriodEnd: false })
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.id, sub!.mandateId!))
    expect(mandate!.status).toBe('active')
    const [mail] = await mailsTo(user.email)
    expect(mail!.subject).toBe('Your application for Culture package has been approved')
    expect(mail!.textBody).toContain('NL•• •••• •••• ••43 00')
    expect(mail!.textBody).toContain(mandate!.reference)
    expect(mail!.textBody.replace(/\s/g, '')).not.toContain(SENTINEL_IBAN)
    expect(mail!.htmlBody!.replace(/\s/g, '')).not.toContain(SENTINEL_IBAN)
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'billing.application.approve'), eq(auditLog.targetId, String(applicationId))))
    expect(audits).toHaveLength(1)

    // A second approval, or a decline after it, is a 409 and never a second subscription.
    expect((await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)).status).toBe(409)
    expect((await post(admin, `/beheer/aanvragen/${applicationId}/afwijzen`, { reason: 'Toch niet' })).status).toBe(409)
    expect(await subscriptionsOf(applicationId)).toHaveLength(1)
    expect(await mailsTo(user.email)).toHaveLength(1)
  })

  it('the database itself refuses a second subscription for one application', async () => {
    const { applicationId } = await applicant()
    await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)
    const [sub] = await subscriptionsOf(applicationId)
    const { id: _id, ...copy } = sub!
    await expect(t.deps.db.insert(subscriptions).values(copy)).rejects.toThrow()
  })

  it('declining needs a reason, mails it, ends the mandate and destroys its IBAN', async () => {
    const { user, applicationId } = await applicant({ directDebit: true })
    const empty = await post(admin, `/beheer/aanvragen/${applicationId}/afwijzen`, { reason: ' ' })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="reason-error"')
    const res = await post(admin, `/beheer/aanvragen/${applicationId}/afwijzen`, { reason: 'Uw organisatie valt buiten ons werkgebied.' })
    expect(res.status).toBe(303)
    const [application] = await t.deps.db.select().from(packageApplications).where(eq(packageApplications.id, applicationId))
    expect(application).toMatchObject({ status: 'declined', declineReason: 'Uw organisatie valt buiten ons werkgebied.' })
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.id, application!.mandateId!))
    expect(mandate).toMatchObject({ status: 'ended', ibanSealed: null })
    const [mail] = await mailsTo(user.email)
    expect(mail!.subject).toBe('Je aanvraag voor Cultuurpakket is afgewezen')
    expect(mail!.textBody).toContain('Uw organisatie valt buiten ons werkgebied.')
    expect(await subscriptionsOf(applicationId)).toEqual([])
  })

  it('is for platform admins only: a wijk team sees no applications', async () => {
    const { applicationId, client } = await applicant()
    expect((await ambassadeur.get('/beheer/aanvragen')).status).toBe(403)
    expect((await admin.get('/beheer')).body).toContain('href="/beheer/aanvragen"')
    expect((await ambassadeur.get('/beheer')).body).not.toContain('href="/beheer/aanvragen"')
    expect((await ambassadeur.get(`/beheer/aanvragen/${applicationId}`)).status).toBe(403)
    expect((await client.get(`/beheer/aanvragen/${applicationId}`)).status).toBe(403)
    expect((await post(client, `/beheer/aanvragen/${applicationId}/goedkeuren`)).status).toBe(403)
  })
})

describe('Mijn pakket', () => {
  it('shows the package, period, next invoice date and direct debit masked, with the mandate page', async () => {
    const { client, applicationId } = await applicant({ directDebit: true })
    await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)
    const page = await client.get('/mijn-pakket')
    expect(page.status).toBe(200)
    const text = page.text.replace(/\u00a0/g, ' ')
    expect(text).toContain('Cultuurpakket voor Stichting Podium')
    expect(text).toContain('2 maart 2026 tot 2 juni 2026')
    expect(text).toMatch(/Volgende factuur\s+2 juni 2026/)
    expect(text).toContain('NL•• •••• •••• ••43 00')
    expect(text).toContain('Je facturen verschijnen hier')
    const myData = await client.get('/mijn-gegevens')
    expect(myData.text).toContain('Cultuurpakket voor Stichting Podium: Actief')
    expect(myData.body).toContain('href="/mijn-pakket"')
    const [sub] = await subscriptionsOf(applicationId)
    const mandatePage = await client.get(`/mijn-pakket/machtiging/${sub!.mandateId}`)
    expect(mandatePage.status).toBe(200)
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.id, sub!.mandateId!))
    for (const shown of [mandate!.reference, 'Doorlopende machtiging (SEPA Core)', t.config.operator.name, 'Door Fatima el Amrani in Amsterdam op 2 maart 2026']) expect(mandatePage.text).toContain(shown)
    expect(mandatePage.body.replace(/\s/g, '')).not.toContain(SENTINEL_IBAN)
  })

  it('cancels at the end of the period and takes the cancellation back', async () => {
    const { client, applicationId } = await applicant()
    await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)
    const [sub] = await subscriptionsOf(applicationId)
    await client.get('/mijn-pakket')
    const cancel = await client.post(`/mijn-pakket/${sub!.id}/opzeggen`, {})
    expect(cancel.status).toBe(303)
    expect((await subscriptionsOf(applicationId))[0]).toMatchObject({ status: 'ending', cancelAtPeriodEnd: true })
    const page = await client.get('/mijn-pakket')
    expect(page.text).toContain('Opzegging intrekken')
    expect(page.text).toContain('Geen: het pakket is opgezegd')
    expect((await client.post(`/mijn-pakket/${sub!.id}/opzegging-intrekken`, {})).status).toBe(303)
    expect((await subscriptionsOf(applicationId))[0]).toMatchObject({ status: 'active', cancelAtPeriodEnd: false })
    const audits = await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(and(like(auditLog.action, 'billing.subscription.%'), eq(auditLog.targetId, String(sub!.id))))
    expect(audits.map((a) => a.action)).toEqual(['billing.subscription.cancel', 'billing.subscription.resume'])
    // Without the form's token nothing changes.
    expect((await client.post(`/mijn-pakket/${sub!.id}/opzeggen`, {}, { csrf: null })).status).toBe(403)
    expect((await subscriptionsOf(applicationId))[0]!.status).toBe('active')
  })

  it('is nobody else’s: another account holder gets 404 for my subscription and mandate and sees none of it', async () => {
    const mine = await applicant({ directDebit: true })
    await post(admin, `/beheer/aanvragen/${mine.applicationId}/goedkeuren`)
    const [sub] = await subscriptionsOf(mine.applicationId)
    const other = t.client()
    await login(other, await buildUser(t))
    expect((await other.get(`/mijn-pakket/machtiging/${sub!.mandateId}`)).status).toBe(404)
    await other.get('/mijn-pakket')
    expect((await other.post(`/mijn-pakket/${sub!.id}/opzeggen`, {})).status).toBe(404)
    expect((await subscriptionsOf(mine.applicationId))[0]!.status).toBe('active')
    const page = await other.get('/mijn-pakket')
    expect(page.text).toContain('Je hebt nog geen pakket.')
    expect(page.text).not.toContain('Stichting Podium')
    expect((await admin.get(`/mijn-pakket/machtiging/${sub!.mandateId}`)).status).toBe(404)
  })
})

describe('cancelling the account', () => {
  it('ends the subscription and mandate at once; erasing deletes applications and mandates and detaches the billing details', async () => {
    const { user, applicationId } = await applicant({ directDebit: true })
    await post(admin, `/beheer/aanvragen/${applicationId}/goedkeuren`)
    const [before] = await subscriptionsOf(applicationId)
    expect((await cancelAccount(t.deps, user.id, { kind: 'self' })).ok).toBe(true)
    const [ended] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, before!.id))
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-03-02' })
    expect((await t.deps.db.select().from(mandates).where(eq(mandates.id, before!.mandateId!)))[0]!.status).toBe('ended')

    expect(await eraseAccount(t.deps, user.id)).toBe(true)
    expect(await t.deps.db.select().from(mandates).where(eq(mandates.userId, user.id))).toEqual([])
    expect(await t.deps.db.select().from(packageApplications).where(eq(packageApplications.id, applicationId))).toEqual([])
    const [kept] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, before!.id))
    expect(kept).toMatchObject({ status: 'ended', applicationId: null, mandateId: null })
    const [customer] = await t.deps.db.select().from(billingCustomers).where(eq(billingCustomers.id, kept!.customerId))
    expect(customer).toMatchObject({ userId: null, organisationName: 'Stichting Podium' })
  })
})
