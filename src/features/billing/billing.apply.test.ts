/**
 * Applying for a package through HTTP (issue 14): transfer stores no bank account at all, direct
 * debit stores it only sealed and shows it only masked, a refused form keeps every value but the
 * IBAN, and the agreement must be signed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { APPLY_LIMIT } from './billing.apply.form.js'
import { collectExport } from '../my-data/my-data.export.js'
import { renderSummary } from '../my-data/my-data.summary.js'
import { SENTINEL_IBAN, SENTINEL_TYPED, apply, applicationFields, buildPackage, columnsContaining } from './billing.apply.test-helpers.js'

let t: TestPlatform
let slug: string
let applicant: TestClient
let applicantId: string

beforeAll(async () => {
  t = await createTestPlatform()
  slug = (await buildPackage(t, { slug: 'wijkpartner' })).slug
  const user = await buildUser(t, { firstName: 'Fatima' })
  applicantId = user.id
  applicant = t.client()
  await login(applicant, user)
})
afterAll(() => t.stop())

const applicationsOf = (userId: string) => t.deps.db.select().from(packageApplications).where(eq(packageApplications.userId, userId))

describe('the application form', () => {
  it('asks a visitor to log in, and answers 404 for a package that is not on offer', async () => {
    const visitor = await t.client().get(`/pakketten/${slug}/aanvragen`)
    expect(visitor.status).toBe(303)
    expect(visitor.location).toContain('/account/inloggen')
    expect((await applicant.get('/pakketten/bestaat-niet/aanvragen')).status).toBe(404)
    const withdrawn = await buildPackage(t, { active: false })
    expect((await applicant.get(`/pakketten/${withdrawn.slug}/aanvragen`)).status).toBe(404)
  })

  it('shows the current package agreement to read and sign, and /pakketten links to the form for everyone alike', async () => {
    const form = await applicant.get(`/pakketten/${slug}/aanvragen`)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Pakketovereenkomst')
    expect(form.body).toContain('href="/pakketovereenkomst/versie/1"')
    expect(form.text).toContain('Alleen bij automatische incasso')
    const list = await t.client().get('/pakketten')
    expect(list.body).toContain(`href="/pakketten/${slug}/aanvragen"`)
    expect((await applicant.get('/pakketten')).body).toContain(`href="/pakketten/${slug}/aanvragen"`)
  })

  it('with transfer stores the organisation and the signature, and no bank account anywhere, even when one was typed', async () => {
    const res = await apply(applicant, slug, await applicationFields(t, { iban: SENTINEL_TYPED, accountHolder: 'Bakkerij De Korenaar' }))
    expect(res.status, res.text.slice(0, 500)).toBe(303)
    expect(res.location).toContain('/mijn-pakket')
    const [application] = await applicationsOf(applicantId)
    expect(application).toMatchObject({ status: 'pending', paymentMethod: 'transfer', mandateId: null, documentVersion: 1, signerName: 'Fatima el Amrani' })
    expect(application!.acceptedAt.toISOString()).toBe(t.clock.now().toISOString())
    const [customer] = await t.deps.db.select().from(billingCustomers).where(eq(billingCustomers.id, application!.customerId))
    expect(customer).toMatchObject({ kvkNumber: '12345678', vatNumber: 'NL123456789B01', postalCode: '1093 BS', billingEmail: 'facturen@korenaar.example', contactName: 'Fatima el Amrani', userId: applicantId })
    expect(await t.deps.db.select().from(mandates)).toEqual([])
    expect(await columnsContaining(t, SENTINEL_IBAN)).toEqual([])
  })

  it('with direct debit seals the IBAN: nowhere in the database in the clear, masked on the page, full only in the person’s own export', async () => {
    const res = await apply(applicant, slug, await applicationFields(t, { paymentMethod: 'direct-debit', iban: SENTINEL_TYPED, accountHolder: 'Bakkerij De Korenaar', organisationName: 'Incasso BV' }))
    expect(res.status, res.text.slice(0, 500)).toBe(303)
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.userId, applicantId))
    expect(mandate).toMatchObject({ status: 'pending', scheme: 'CORE', ibanMasked: 'NL•• •••• •••• ••43 00', accountHolderName: 'Bakkerij De Korenaar', signedPlace: 'Amsterdam' })
    expect(mandate!.reference.length).toBeLessThanOrEqual(35)
    expect(mandate!.ibanSealed?.ciphertext).toBeTruthy()
    expect(await columnsContaining(t, SENTINEL_IBAN)).toEqual([])
    expect(t.logs().replace(/\s/g, '').toLowerCase()).not.toContain(SENTINEL_IBAN.toLowerCase())
    // The check can fail: the masked form is found where it is stored.
    expect(await columnsContaining(t, '••43 00')).toContain('billing_mandates.iban_masked')

    const page = await applicant.get('/mijn-pakket')
    expect(page.text).toContain('In behandeling')
    expect(page.body).not.toMatch(/NL91\s?ABNA/i)

    const own = await collectExport(t.deps, applicantId, t.clock.now())
    expect(own!.data.billing.mandates.map((m) => m.iban)).toEqual([SENTINEL_IBAN])
    expect(own!.data.billing.applications.map((a) => a.paymentMethod)).toEqual(['transfer', 'direct-debit'])
    const readable = renderSummary(own!.data, 'nl')
    expect(readable).toContain('Machtigingen voor automatische incasso')
    expect(readable).toContain(SENTINEL_IBAN)
    expect(readable).toContain('Incasso BV')
    const other = await buildUser(t)
    const theirs = await collectExport(t.deps, other.id, t.clock.now())
    expect(JSON.stringify(theirs!.data)).not.toContain(SENTINEL_IBAN)
    expect(theirs!.data.billing).toEqual({ customers: [], applications: [], subscriptions: [], mandates: [] })
  })

  it('refuses bad input with 422, the error beside each field, everything typed kept except the IBAN', async () => {
    const before = (await applicationsOf(applicantId)).length
    const fields = await applicationFields(t, {
      organisationName: 'De <b>Korenaar</b>',
      kvkNumber: '1234567',
      vatNumber: 'BE0123456789',
      postalCode: '0123 AB',
      billingEmail: 'geen-adres',
      contactName: '',
      paymentMethod: 'direct-debit',
      iban: 'NL91ABNA0417164301',
      accountHolder: '',
    })
    const res = await apply(applicant, slug, fields)
    expect(res.status).toBe(422)
    for (const field of ['kvkNumber', 'vatNumber', 'postalCode', 'billingEmail', 'contactName', 'iban', 'accountHolder']) expect(res.body, field).toContain(`id="${field}-error"`)
    expect(res.body).toContain('value="De &lt;b&gt;Korenaar&lt;/b&gt;"')
    expect(res.body).toContain('value="1234567"')
    expect(res.body).toContain('value="BE0123456789"')
    expect(res.body).toContain('value="geen-adres"')
    expect(res.text).toContain('Dit IBAN bestaat niet')
    expect(res.body).not.toContain('NL91ABNA0417164301')
    expect(res.body).toMatch(/id="paymentMethod-direct-debit"[^>]*checked/)
    expect(await applicationsOf(applicantId)).toHaveLength(before)
  })

  it('never writes a valid IBAN back after another mistake: it is asked again, named only masked', async () => {
    const res = await apply(applicant, slug, await applicationFields(t, { paymentMethod: 'direct-debit', iban: SENTINEL_TYPED, accountHolder: 'Korenaar', place: '' }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="place-error"')
    expect(res.body).toContain('id="iban-error"')
    expect(res.text).toContain('Vul je IBAN (NL•• •••• •••• ••43 00) opnieuw in')
    expect(res.body.replace(/\s/g, '').toLowerCase()).not.toContain(SENTINEL_IBAN.toLowerCase())
    expect(res.body).toContain('value="Korenaar"')
  })

  it('refuses an application whose agreement was not accepted or not signed', async () => {
    const before = (await applicationsOf(applicantId)).length
    const res = await apply(applicant, slug, await applicationFields(t, { accept: '', signerName: '' }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="accept-error"')
    const tampered = await apply(applicant, slug, await applicationFields(t, { documentId: 'x' }))
    expect(tampered.status).toBe(422)
    expect(tampered.body).toContain('id="accept-error"')
    expect(tampered.body).not.toContain('href="#documentId"')
    expect(res.body).toContain('id="signerName-error"')
    expect(res.body).toContain('value="Bakkerij De Korenaar"')
    expect(await applicationsOf(applicantId)).toHaveLength(before)
  })

  it('asks to read and tick again when a new version of the agreement was published while the form was open', async () => {
    const fields = await applicationFields(t, { organisationName: 'Later BV' })
    const admin = t.client()
    await login(admin, await buildUser(t, { role: 'admin' }))
    await admin.get('/beheer/documenten')
    const draft = await admin.post('/beheer/documenten/pakketovereenkomst/nieuw', {})
    const id = Number(draft.location!.split('/')[3])
    await admin.post(`/beheer/documenten/${id}/bewerken`, { bodyNl: '## Nieuw\n\nOpzeggen per maand.', bodyEn: '## New\n\nCancel monthly.', changeNote: 'Opzeggen per maand.' })
    expect((await admin.post(`/beheer/documenten/${id}/publiceren`, {})).status).toBe(303)

    const res = await apply(applicant, slug, fields)
    expect(res.status).toBe(422)
    expect(res.text).toContain('verscheen versie 2 van de pakketovereenkomst')
    expect(res.body).toMatch(/<input type="checkbox" id="accept" name="accept"(?![^>]*checked)/)
    expect(res.body).toContain(`name="documentId" value="${id}"`)
    expect(res.body).toContain('value="Later BV"')
    const again = await applicant.post(`/pakketten/${slug}/aanvragen`, { ...fields, documentId: String(id) })
    expect(again.status).toBe(303)
    const [latest] = (await applicationsOf(applicantId)).sort((a, b) => b.id - a.id)
    expect(latest).toMatchObject({ documentId: id, documentVersion: 2 })
  })

  it('is rate limited per account', async () => {
    const user = await buildUser(t)
    const c = t.client()
    await login(c, user)
    const bad = await applicationFields(t, { organisationName: '' })
    for (let i = 0; i < APPLY_LIMIT.max; i++) expect((await apply(c, slug, bad)).status).toBe(422)
    const limited = await apply(c, slug, bad)
    expect(limited.status).toBe(429)
    expect(limited.res.headers.get('retry-after')).toBeTruthy()
  })
})
