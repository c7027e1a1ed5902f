/**
 * Becoming ambassadeur of a new wijk through HTTP (issue 14): /ambassadeur-worden explains itself
 * to a visitor and refuses politely without an ambassadeur fee; bad input is refused beside each
 * field with everything typed kept; the ambassadeur agreement is signed by version; the admin's
 * approval creates the city, the wijk unlaunched with its postcodes, the ambassadeur role and the
 * fee's subscription in one transaction, whose first invoice the invoicing job issues; a second
 * approval makes nothing; declining mails and makes nothing; the new ambassadeur launches the wijk.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { findCurrentVersion } from '../documents/documents.queries.js'
import { cities, wijken, wijkPostcodes } from '../places/places.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { collectExport } from '../my-data/my-data.export.js'
import { packages } from './billing.packages.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { wijkProposals } from './billing.ambassadeur.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { invoices } from './billing.ledger.tables.js'
import { applicationFields, buildPackage } from './billing.apply.test-helpers.js'

let t: TestPlatform
let admin: TestClient
let fee: typeof packages.$inferSelect
let existingCity: { id: number; slug: string }
let taken: { slug: string; name: string }
let applicants = 0

beforeAll(async () => {
  t = await createTestPlatform()
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
  const wijk = await buildWijk(t, { slug: 'de-pijp', name: 'De Pijp' })
  existingCity = { id: wijk.cityId, slug: wijk.citySlug }
  taken = { slug: 'de-pijp', name: 'De Pijp' }
})
afterAll(() => t.stop())

/** The fields of a good application; the agreement is the ambassadeur agreement's current version. */
async function ambassadeurFields(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const agreement = await findCurrentVersion(t.deps.db, 'ambassadeur')
  return {
    ...(await applicationFields(t, { organisationName: 'Stichting Buurtkracht' })),
    wijkName: 'Indische Buurt',
    cityId: String(existingCity.id),
    newCity: '',
    postcodes: '1094, 1093 1094',
    motivation: 'Wij organiseren al jaren de buurtmaaltijd.\n\nNu willen we een eigen wijksite.',
    documentId: String(agreement!.id),
    ...overrides,
  }
}

async function applyAsAmbassadeur(client: TestClient, fields: Record<string, string>) {
  await client.get('/ambassadeur-worden')
  return client.post('/ambassadeur-worden', fields)
}

async function newApplicant(lang: 'nl' | 'en' = 'nl'): Promise<{ user: BuiltUser; client: TestClient }> {
  const user = await buildUser(t, { firstName: `Noor${++applicants}`, lang })
  const client = t.client()
  await login(client, user)
  return { user, client }
}

/** Applies for a wijk as a new account holder and returns the application's id. */
async function applied(overrides: Record<string, string> = {}) {
  const { user, client } = await newApplicant()
  const res = await applyAsAmbassadeur(client, await ambassadeurFields(overrides))
  expect(res.status, res.text.slice(0, 600)).toBe(303)
  const [row] = await t.deps.db.select({ id: packageApplications.id }).from(packageApplications).where(eq(packageApplications.userId, user.id))
  return { user, client, applicationId: row!.id }
}

async function decide(id: number, action: 'goedkeuren' | 'afwijzen', fields: Record<string, string> = {}) {
  await admin.get(`/beheer/aanvragen/${id}`)
  return admin.post(`/beheer/aanvragen/${id}/${action}`, fields)
}

const mailsTo = (email: string) => t.deps.db.select().from(outbox).where(eq(outbox.toAddress, email))
const wijkNamed = (name: string) => t.deps.db.select().from(wijken).where(eq(wijken.name, name))

describe('/ambassadeur-worden without an ambassadeur fee', () => {
  it('says politely that no wijk can be applied for, and stores nothing that is sent anyway', async () => {
    const visitor = await t.client().get('/ambassadeur-worden')
    expect(visitor.status).toBe(200)
    expect(visitor.text).toContain('de ambassadeursbijdrage is nog niet vastgesteld')
    const { user, client } = await newApplicant()
    const page = await client.get('/ambassadeur-worden')
    expect(page.body).not.toContain('<form method="post" action="/ambassadeur-worden"')
    const res = await client.post('/ambassadeur-worden', await ambassadeurFields())
    expect(res.status).toBe(409)
    expect(await t.deps.db.select().from(packageApplications).where(eq(packageApplications.userId, user.id))).toEqual([])
  })
})

describe('the ambassadeur fee', () => {
  it('is one package the admin flags: flagging another moves the flag, and it is not on /pakketten', async () => {
    const first = await buildPackage(t, { slug: 'oude-bijdrage', nameNl: 'Oude bijdrage', ambassadeurFee: true })
    await admin.get('/beheer/pakketten/nieuw')
    const res = await admin.post('/beheer/pakketten/nieuw', {
      slug: 'ambassadeursbijdrage',
      nameNl: 'Ambassadeursbijdrage',
      nameEn: 'Ambassadeur fee',
      descriptionNl: 'Voor het starten en onderhouden van een wijk.',
      descriptionEn: 'For starting and keeping a wijk.',
      price: '100,00',
      vatRate: '2100',
      period: 'jaar',
      active: 'on',
      ambassadeurFee: 'on',
    })
    expect(res.status, res.text.slice(0, 400)).toBe(303)
    const flagged = await t.deps.db.select({ slug: packages.slug }).from(packages).where(eq(packages.ambassadeurFee, true))
    expect(flagged).toEqual([{ slug: 'ambassadeursbijdrage' }])
    fee = (await t.deps.db.select().from(packages).where(eq(packages.slug, 'ambassadeursbijdrage')))[0]!
    const list = await t.client().get('/pakketten')
    expect(list.text).not.toContain('Ambassadeursbijdrage')
    const { client } = await newApplicant()
    expect((await client.get('/pakketten/ambassadeursbijdrage/aanvragen')).status).toBe(404)
    // The database holds at most one, whatever writes it.
    await expect(t.deps.db.update(packages).set({ ambassadeurFee: true }).where(eq(packages.id, first.id))).rejects.toThrow()
  })
})

describe('applying', () => {
  it('explains itself to a visitor, with the fee with and without VAT, and a way to log in or sign up', async () => {
    const res = await t.client().get('/ambassadeur-worden')
    expect(res.status).toBe(200)
    const text = res.text.replace(/\u00a0/g, ' ')
    expect(text).toContain('Ambassadeur worden')
    expect(text).toContain('€ 100,00 per jaar')
    expect(text).toContain('€ 121,00 per jaar')
    expect(res.body).toContain('href="/account/inloggen?volgende=%2Fambassadeur-worden"')
    expect(res.body).toContain('href="/account/registreren?volgende=%2Fambassadeur-worden"')
    expect(res.body).not.toContain('name="wijkName"')
    // Sending without logging in leads to the login page.
    const post = await t.client().post('/ambassadeur-worden', {})
    expect(post.status).toBe(303)
    expect(post.location).toContain('/account/inloggen')
  })

  it('shows an account holder the form with the cities and the current ambassadeur agreement', async () => {
    const { client } = await newApplicant()
    const res = await client.get('/ambassadeur-worden')
    expect(res.status).toBe(200)
    expect(res.body).toContain(`<option value="${existingCity.id}"`)
    expect(res.body).toContain('<option value="nieuw"')
    expect(res.text).toContain('Ambassadeursovereenkomst')
    expect(res.body).toContain('href="/ambassadeursovereenkomst/versie/1"')
    expect(res.body).toContain('id="accept"')
  })

  it('refuses bad input with 422, the error beside each field and everything typed kept', async () => {
    const { user, client } = await newApplicant()
    const res = await applyAsAmbassadeur(
      client,
      await ambassadeurFields({ wijkName: '', cityId: 'nieuw', newCity: '', postcodes: '1094 0123 12345', motivation: '', billingEmail: 'geen-adres', paymentMethod: 'direct-debit', iban: 'NL91ABNA0417164301' }),
    )
    expect(res.status).toBe(422)
    for (const field of ['wijkName', 'newCity', 'postcodes', 'motivation', 'billingEmail', 'iban', 'accountHolder']) expect(res.body, field).toContain(`id="${field}-error"`)
    expect(res.body).toContain('value="1094 0123 12345"')
    expect(res.body).toContain('value="geen-adres"')
    expect(res.body).toContain('value="Stichting Buurtkracht"')
    expect(res.body).toMatch(/<option value="nieuw" selected/)
    expect(res.body).not.toContain('NL91ABNA0417164301')
    // The summary names the wijk's problems first, in the order of the form.
    expect(res.body.indexOf('href="#wijkName"')).toBeLessThan(res.body.indexOf('href="#billingEmail"'))

    const noCity = await applyAsAmbassadeur(client, await ambassadeurFields({ cityId: '', postcodes: '' }))
    expect(noCity.status).toBe(422)
    expect(noCity.body).toContain('id="cityId-error"')
    expect(noCity.text).toContain('Vul ten minste één postcode van vier cijfers in.')
    const unknownCity = await applyAsAmbassadeur(client, await ambassadeurFields({ cityId: '99999' }))
    expect(unknownCity.status).toBe(422)
    expect(unknownCity.body).toContain('id="cityId-error"')
    expect(await t.deps.db.select().from(packageApplications).where(eq(packageApplications.userId, user.id))).toEqual([])
  })

  it('refuses a wijk whose name or address is taken, and a new city that already exists, with a clear error', async () => {
    const { client } = await newApplicant()
    for (const wijkName of [taken.name, 'de pijp ', 'De-Pijp']) {
      const res = await applyAsAmbassadeur(client, await ambassadeurFields({ wijkName }))
      expect(res.status, wijkName).toBe(422)
      expect(res.body).toContain('id="wijkName-error"')
      expect(res.text).toContain('Er is al een wijk of stad met deze naam of dit adres.')
      expect(res.body).toContain(`value="${wijkName}"`)
    }
    // Told together with any other mistake, not only once the rest is right.
    const withOthers = await applyAsAmbassadeur(client, await ambassadeurFields({ wijkName: taken.name, motivation: '', postcodes: '12' }))
    expect(withOthers.status).toBe(422)
    for (const field of ['wijkName', 'motivation', 'postcodes']) expect(withOthers.body, field).toContain(`id="${field}-error"`)
    const city = await t.deps.db.select().from(cities).where(eq(cities.id, existingCity.id))
    const res = await applyAsAmbassadeur(client, await ambassadeurFields({ cityId: 'nieuw', newCity: city[0]!.name }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="newCity-error"')
    // A reserved word is no wijk address either.
    const reserved = await applyAsAmbassadeur(client, await ambassadeurFields({ wijkName: 'Beheer' }))
    expect(reserved.status).toBe(422)
    expect(reserved.body).toContain('id="wijkName-error"')
  })

  it('refuses an application whose ambassadeur agreement was not accepted', async () => {
    const { user, client } = await newApplicant()
    const res = await applyAsAmbassadeur(client, await ambassadeurFields({ accept: '' }))
    expect(res.status).toBe(422)
    expect(res.body).toContain('id="accept-error"')
    expect(res.text).toContain('Vink aan dat je de ambassadeursovereenkomst hebt gelezen')
    // The package agreement's id is not the ambassadeur agreement.
    const pkgAgreement = await findCurrentVersion(t.deps.db, 'package')
    const wrong = await applyAsAmbassadeur(client, await ambassadeurFields({ documentId: String(pkgAgreement!.id) }))
    expect(wrong.status).toBe(422)
    expect(wrong.body).toContain('id="accept-error"')
    expect(await t.deps.db.select().from(packageApplications).where(eq(packageApplications.userId, user.id))).toEqual([])
  })

  it('stores the application on the fee, the signed agreement by version, time and name, and the proposal normalised', async () => {
    const { user, applicationId } = await applied()
    const [application] = await t.deps.db.select().from(packageApplications).where(eq(packageApplications.id, applicationId))
    const agreement = await findCurrentVersion(t.deps.db, 'ambassadeur')
    expect(application).toMatchObject({ kind: 'ambassadeur', packageId: fee.id, status: 'pending', documentId: agreement!.id, documentVersion: 1, signerName: 'Fatima el Amrani', userId: user.id })
    expect(application!.acceptedAt.toISOString()).toBe(t.clock.now().toISOString())
    const [proposal] = await t.deps.db.select().from(wijkProposals).where(eq(wijkProposals.applicationId, applicationId))
    expect(proposal).toMatchObject({ wijkName: 'Indische Buurt', cityId: existingCity.id, newCityName: null, postcodes: ['1093', '1094'], wijkId: null })

    // The applicant's own export holds the proposal; nobody else's does.
    const own = await collectExport(t.deps, user.id, t.clock.now())
    expect(own!.data.billing.applications).toMatchObject([{ kind: 'ambassadeur', wijk: { name: 'Indische Buurt', postcodes: ['1093', '1094'] } }])
    expect(own!.data.billing.applications[0]!.wijk!.motivation).toContain('buurtmaaltijd')
  })
})

describe('the admin’s decision', () => {
  it('lists ambassadeur applications with their kind and shows the proposed wijk', async () => {
    const { applicationId } = await applied({ wijkName: 'Transvaalbuurt', cityId: 'nieuw', newCity: 'Lindeburg aan Zee' })
    const list = await admin.get('/beheer/aanvragen')
    expect(list.text).toContain('Ambassadeur, nieuwe wijk')
    expect(list.text).toContain('Transvaalbuurt')
    const detail = await admin.get(`/beheer/aanvragen/${applicationId}`)
    for (const shown of ['Transvaalbuurt', 'Lindeburg aan Zee (nieuwe stad, wordt aangemaakt)', '1093, 1094', 'buurtmaaltijd', 'Ambassadeursovereenkomst', 'Fatima el Amrani']) expect(detail.text).toContain(shown)
    expect(detail.body).toContain('href="/ambassadeursovereenkomst/versie/1"')
    expect(detail.body).toContain('value="transvaalbuurt"')
  })

  it('approval creates the new city and the wijk unlaunched, appoints the applicant, starts the fee and its first invoice, and mails', async () => {
    const { user, client, applicationId } = await applied({ wijkName: 'Oosterparkbuurt', cityId: 'nieuw', newCity: 'Havenstad' })
    const res = await decide(applicationId, 'goedkeuren', { wijkName: 'Oosterpark', wijkSlug: 'oosterpark-havenstad' })
    expect(res.status, res.text.slice(0, 500)).toBe(303)

    const [wijk] = await wijkNamed('Oosterpark')
    expect(wijk).toMatchObject({ slug: 'oosterpark-havenstad', launchedAt: null })
    const [city] = await t.deps.db.select().from(cities).where(eq(cities.id, wijk!.cityId))
    expect(city).toMatchObject({ name: 'Havenstad', slug: 'havenstad' })
    const postcodes = await t.deps.db.select({ pc4: wijkPostcodes.pc4 }).from(wijkPostcodes).where(eq(wijkPostcodes.wijkId, wijk!.id))
    expect(postcodes.map((p) => p.pc4).sort()).toEqual(['1093', '1094'])
    const roles = await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id))
    expect(roles).toMatchObject([{ role: 'ambassadeur', wijkId: wijk!.id }])
    expect((await t.deps.db.select().from(wijkProposals).where(eq(wijkProposals.applicationId, applicationId)))[0]!.wijkId).toBe(wijk!.id)

    const [sub] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))
    expect(sub).toMatchObject({ packageId: fee.id, status: 'active', startedOn: '2026-03-02', currentPeriodEnd: '2027-03-02', paymentMethod: 'transfer' })
    await t.drain()
    const [invoice] = await t.deps.db.select().from(invoices).where(eq(invoices.subscriptionId, sub!.id))
    expect(invoice).toMatchObject({ kind: 'invoice', netCents: 10_000, totalCents: 12_100, status: 'open' })

    const subjects = (await mailsTo(user.email)).map((m) => m.subject)
    expect(subjects).toContain('Je bent ambassadeur van Oosterpark')
    expect(subjects.some((s) => /ambassadeur/i.test(s) && s !== 'Je bent ambassadeur van Oosterpark')).toBe(true)
    const [approved] = (await mailsTo(user.email)).filter((m) => m.subject === 'Je bent ambassadeur van Oosterpark')
    expect(approved!.textBody).toContain(`/beheer/wijken/${wijk!.id}`)
    expect((await mailsTo('facturen@korenaar.example')).some((m) => m.subject.startsWith('Factuur '))).toBe(true)

    // The public sees nothing yet; the new ambassadeur previews the wijk and launches it.
    expect((await t.client().get('/oosterpark-havenstad/')).status).toBe(404)
    const preview = await client.get('/oosterpark-havenstad/')
    expect(preview.status).toBe(200)
    await client.get(`/beheer/wijken/${wijk!.id}`)
    const launch = await client.post(`/beheer/wijken/${wijk!.id}/lanceren`, {})
    expect(launch.status).toBe(303)
    expect((await wijkNamed('Oosterpark'))[0]!.launchedAt).not.toBeNull()
    expect((await t.client().get('/oosterpark-havenstad/')).status).toBe(200)
  })

  it('a second approval is a 409 and makes no second wijk, role or subscription', async () => {
    const { user, applicationId } = await applied({ wijkName: 'Dapperbuurt' })
    const approvals = await Promise.all([decide(applicationId, 'goedkeuren', { wijkName: 'Dapperbuurt', wijkSlug: 'dapperbuurt' }), decide(applicationId, 'goedkeuren', { wijkName: 'Dapperbuurt', wijkSlug: 'dapperbuurt-2' })])
    expect(approvals.map((r) => r.status).sort()).toEqual([303, 409])
    const again = await decide(applicationId, 'goedkeuren', { wijkName: 'Dapperbuurt 3', wijkSlug: 'dapperbuurt-3' })
    expect(again.status).toBe(409)
    const made = await t.deps.db.select().from(wijken).where(eq(wijken.cityId, existingCity.id))
    expect(made.filter((w) => w.name.startsWith('Dapperbuurt'))).toHaveLength(1)
    expect(await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id))).toHaveLength(1)
    expect(await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))).toHaveLength(1)
  })

  it('an address taken meanwhile refuses the approval beside its field, and nothing is made', async () => {
    const { user, applicationId } = await applied({ wijkName: 'Spaarndammerbuurt' })
    const res = await decide(applicationId, 'goedkeuren', { wijkName: 'Spaarndammerbuurt', wijkSlug: taken.slug })
    expect(res.status).toBe(409)
    expect(res.body).toContain('id="wijkSlug-error"')
    expect(res.body).toContain(`value="${taken.slug}"`)
    const badSlug = await decide(applicationId, 'goedkeuren', { wijkName: 'Spaarndammerbuurt', wijkSlug: 'Met Spaties' })
    expect(badSlug.status).toBe(422)
    expect(badSlug.body).toContain('id="wijkSlug-error"')
    const [application] = await t.deps.db.select().from(packageApplications).where(eq(packageApplications.id, applicationId))
    expect(application!.status).toBe('pending')
    expect(await wijkNamed('Spaarndammerbuurt')).toEqual([])
    expect(await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id))).toEqual([])
    expect(await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))).toEqual([])
    expect(await mailsTo(user.email)).toEqual([])
  })

  it('declining mails the reason and makes no wijk', async () => {
    const { user, applicationId } = await applied({ wijkName: 'Kattenburg', cityId: 'nieuw', newCity: 'Eilandstad' })
    const res = await decide(applicationId, 'afwijzen', { reason: 'Deze wijk valt buiten ons werkgebied.' })
    expect(res.status).toBe(303)
    const [mail] = await mailsTo(user.email)
    expect(mail!.subject).toBe('Je aanvraag voor de wijk Kattenburg is afgewezen')
    expect(mail!.textBody).toContain('Deze wijk valt buiten ons werkgebied.')
    expect(mail!.textBody).toContain('/ambassadeur-worden')
    expect(await wijkNamed('Kattenburg')).toEqual([])
    expect(await t.deps.db.select().from(cities).where(eq(cities.name, 'Eilandstad'))).toEqual([])
    expect(await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, applicationId))).toEqual([])
    expect(await t.deps.db.select().from(roleAssignments).where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.role, 'ambassadeur')))).toEqual([])
  })
})
