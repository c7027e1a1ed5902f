/**
 * The invoicing run through the real platform (issue 14, P10): an approval mails the first invoice
 * over SMTP with its PDF and e-invoice attached; another run issues nothing twice; the next period
 * is invoiced when it starts; a cancelled package ends without a new invoice; a direct debit's
 * invoice announces its collection; two runs at once give one invoice per period; and the
 * customer (only they) and the admin download both renditions; an ended mandate's IBAN is
 * destroyed after the 13 months of the dispute period.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildSubscription } from '../../../test/billing.js'
import { xsdErrors } from '../../../test/ubl-validation.js'
import { outbox } from '../../kernel/mail/outbox.tables.js'
import { invoiceLines, invoices } from './billing.ledger.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { packageApplications } from './billing.applications.tables.js'
import { PRE_NOTIFICATION_DAYS, runInvoicing } from './billing.invoicing.js'
import { addDays } from './billing.dates.js'
import { SENTINEL_IBAN, SENTINEL_TYPED, apply, applicationFields, buildPackage, columnsContaining } from './billing.apply.test-helpers.js'
import { mandates } from './billing.customers.tables.js'

let t: TestPlatform
let adminUser: BuiltUser
let ambassadeurUser: BuiltUser
let monthly: Awaited<ReturnType<typeof buildPackage>>
let applicants = 0

beforeAll(async () => {
  t = await createTestPlatform()
  monthly = await buildPackage(t, { slug: 'etalage-plus', nameNl: 'Etalage Plus', nameEn: 'Shop window plus', period: 'maand', priceCents: 2_500, vatRate: 2100 })
  adminUser = await buildUser(t, { role: 'admin' })
  ambassadeurUser = await buildUser(t, { role: 'ambassadeur', wijkId: (await buildWijk(t)).id })
})
afterAll(() => t.stop())

/** Logged in now: a test that moves the clock months on outlives any earlier session. */
async function loggedIn(user: BuiltUser): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  return client
}

/** A new organisation applies (its own billing address, so its mails are told apart) and is approved. */
async function approvedCustomer(opts: { directDebit?: boolean; lang?: 'nl' | 'en' } = {}) {
  const n = ++applicants
  const billingEmail = `facturen${n}@podium.example`
  const user = await buildUser(t, { lang: opts.lang ?? 'nl' })
  const client = t.client()
  await login(client, user)
  const extra: Record<string, string> = opts.directDebit ? { paymentMethod: 'direct-debit', iban: SENTINEL_TYPED, accountHolder: 'Stichting Podium' } : {}
  const res = await apply(client, monthly.slug, await applicationFields(t, { organisationName: `Stichting Podium ${n}`, billingEmail, ...extra }))
  expect(res.status, res.text.slice(0, 300)).toBe(303)
  const [application] = await t.deps.db.select({ id: packageApplications.id }).from(packageApplications).where(eq(packageApplications.userId, user.id))
  const admin = await loggedIn(adminUser)
  await admin.get(`/beheer/aanvragen/${application!.id}`)
  expect((await admin.post(`/beheer/aanvragen/${application!.id}/goedkeuren`, {})).status).toBe(303)
  const [subscription] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.applicationId, application!.id))
  return { user, client, billingEmail, subscription: subscription! }
}

const invoicesOf = (subscriptionId: number) => t.deps.db.select().from(invoices).where(eq(invoices.subscriptionId, subscriptionId)).orderBy(invoices.periodStart)
const queuedMailsTo = (email: string) => t.deps.db.select().from(outbox).where(eq(outbox.toAddress, email))
const deliveredTo = (email: string) => t.smtp.messages.filter((m) => m.to === email)
const pdfText = async (pdf: Uint8Array) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text

describe('the first invoice', () => {
  it('is mailed over SMTP on approval, with the PDF and the e-invoice attached, and listed in Mijn pakket', async () => {
    const { client, billingEmail, subscription } = await approvedCustomer()
    await t.drain()
    const [invoice] = await invoicesOf(subscription.id)
    expect(invoice).toMatchObject({ kind: 'invoice', periodStart: '2026-03-02', periodEnd: '2026-04-01', issuedOn: '2026-03-02', dueOn: addDays('2026-03-02', t.config.billing.paymentTermDays), paymentMethod: 'transfer', netCents: 2_500, vatCents: 525, totalCents: 3_025, status: 'open' })
    expect(invoice!.number).toMatch(/^2026-\d{5}$/)
    const [line] = await t.deps.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id))
    expect(line!.description).toBe('Etalage Plus, 2 maart 2026 t/m 1 april 2026')

    const mail = await t.smtp.waitFor((m) => m.to === billingEmail)
    expect(mail.subject).toBe(`Factuur ${invoice!.number} van ${t.config.billing.operator.name}`)
    expect(mail.text).toContain(`uiterlijk ${'16 maart 2026'}`)
    const names = mail.attachments.map((a) => [a.filename, a.contentType.split(';')[0]])
    expect(names).toEqual([
      [`factuur-${invoice!.number}.pdf`, 'application/pdf'],
      [`factuur-${invoice!.number}.xml`, 'application/xml'],
    ])
    const text = await pdfText(mail.attachments[0]!.content)
    for (const shown of [invoice!.number, 'Stichting Podium 1', 'Etalage Plus, 2 maart 2026 t/m 1 april 2026', '€ 30,25']) expect(text).toContain(shown)
    const ubl = mail.attachments[1]!.content.toString('utf8')
    expect(await xsdErrors(ubl)).toEqual([])
    expect(ubl).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`)

    const page = await client.get('/mijn-pakket')
    expect(page.text).toContain(invoice!.number)
    expect(page.body).toContain(`href="/mijn-pakket/facturen/${invoice!.id}/pdf"`)
    expect(page.body).toContain(`href="/mijn-pakket/facturen/${invoice!.id}/ubl"`)
    expect(page.text).not.toContain('Je facturen verschijnen hier')
  })

  it('is issued once: a later run, or the hourly schedule, issues and mails nothing twice', async () => {
    const { billingEmail, subscription } = await approvedCustomer()
    await t.drain()
    // The hourly schedule ran in the test before: the approval's own job issued this one.
    expect(await invoicesOf(subscription.id)).toHaveLength(1)
    t.clock.advance({ hours: 2 })
    await t.drain()
    expect(await runInvoicing(t.deps)).toBe(0)
    expect(await invoicesOf(subscription.id)).toHaveLength(1)
    expect(await queuedMailsTo(billingEmail)).toHaveLength(1)
  })
})

describe('the next periods', () => {
  it('invoices each period when it starts, in its own number, and a cancelled package ends without one', async () => {
    t.clock.set('2026-03-02T09:00:00Z')
    const { user, billingEmail, subscription } = await approvedCustomer()
    await t.drain()

    t.clock.set('2026-04-02T05:00:00Z')
    await t.drain()
    const afterOne = await invoicesOf(subscription.id)
    expect(afterOne.map((i) => [i.periodStart, i.periodEnd])).toEqual([
      ['2026-03-02', '2026-04-01'],
      ['2026-04-02', '2026-05-01'],
    ])
    expect(afterOne[1]!.number).not.toBe(afterOne[0]!.number)
    const [moved] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id))
    expect(moved).toMatchObject({ currentPeriodStart: '2026-04-02', currentPeriodEnd: '2026-05-02', status: 'active' })
    expect(deliveredTo(billingEmail).map((m) => m.subject).filter((s) => s.startsWith('Factuur'))).toEqual(afterOne.map((i) => `Factuur ${i.number} van ${t.config.billing.operator.name}`))

    const client = await loggedIn(user)
    await client.get('/mijn-pakket')
    expect((await client.post(`/mijn-pakket/${subscription.id}/opzeggen`, {})).status).toBe(303)
    t.clock.set('2026-05-02T05:00:00Z')
    await t.drain()
    const [ended] = await t.deps.db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id))
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-05-02' })
    expect(await invoicesOf(subscription.id)).toHaveLength(2)
    t.clock.set('2026-06-03T05:00:00Z')
    await t.drain()
    expect(await invoicesOf(subscription.id)).toHaveLength(2)
    t.clock.set('2026-03-02T09:00:00Z')
  })
})

describe('direct debit', () => {
  it('the invoice is the pre-notification: mandate, masked account and a collection date at least 14 days on', async () => {
    t.clock.set('2026-03-02T09:00:00Z')
    const { billingEmail, subscription } = await approvedCustomer({ directDebit: true, lang: 'en' })
    await t.drain()
    const [invoice] = await invoicesOf(subscription.id)
    expect(invoice).toMatchObject({ paymentMethod: 'direct-debit', debtorIbanMasked: 'NL•• •••• •••• ••43 00', lang: 'en' })
    expect(invoice!.mandateReference).toBeTruthy()
    expect(invoice!.collectionOn! >= addDays(invoice!.issuedOn, PRE_NOTIFICATION_DAYS)).toBe(true)
    expect(invoice!.dueOn).toBe(invoice!.collectionOn)
    const mail = await t.smtp.waitFor((m) => m.to === billingEmail)
    expect(mail.subject).toBe(`Invoice ${invoice!.number} from ${t.config.billing.operator.name}`)
    expect(mail.text).toContain(invoice!.mandateReference!)
    expect(mail.text).toContain('NL•• •••• •••• ••43 00')
    expect(mail.attachments.map((a) => a.filename)).toEqual([`invoice-${invoice!.number}.pdf`, `invoice-${invoice!.number}.xml`])
    for (const part of [mail.raw, mail.text, await pdfText(mail.attachments[0]!.content), mail.attachments[1]!.content.toString('utf8')]) expect(part.replace(/\s/g, '')).not.toContain(SENTINEL_IBAN)
  })
})

describe('two runs at once', () => {
  it('give each subscription one invoice, consecutive numbers and one mail', async () => {
    const pkgIds = { packageId: monthly.id, adminId: adminUser.id }
    const ids: number[] = []
    for (let i = 0; i < 4; i++) {
      const user = await buildUser(t)
      ids.push((await buildSubscription(t, { ...pkgIds, userId: user.id, organisationName: `Gelijktijdig ${i}` })).subscriptionId)
    }
    const issued = await Promise.all([runInvoicing(t.deps), runInvoicing(t.deps)])
    expect(issued[0] + issued[1]).toBe(4)
    const rows = await t.deps.db.select().from(invoices).where(inArray(invoices.subscriptionId, ids))
    expect(rows).toHaveLength(4)
    const sequences = rows.map((r) => r.sequence).sort((a, b) => a - b)
    expect(sequences).toEqual([0, 1, 2, 3].map((i) => sequences[0]! + i))
    const mails = await t.deps.db.select().from(outbox).where(inArray(outbox.key, rows.map((r) => `billing.invoice:${r.id}`)))
    expect(mails).toHaveLength(4)
  })
})

describe('downloads', () => {
  it('give the customer and the admin the PDF and the e-invoice; anyone else gets nothing', async () => {
    const { client, subscription } = await approvedCustomer()
    await t.drain()
    const [invoice] = await invoicesOf(subscription.id)
    const pdf = await client.request(`/mijn-pakket/facturen/${invoice!.id}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="factuur-${invoice!.number}.pdf"`)
    expect(pdf.headers.get('cache-control')).toBe('no-store')
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(invoice!.number)
    const ubl = await client.get(`/mijn-pakket/facturen/${invoice!.id}/ubl`)
    expect(ubl.status).toBe(200)
    expect(ubl.res.headers.get('content-type')).toBe('application/xml')
    expect(ubl.body).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`)

    const admin = await loggedIn(adminUser)
    const ambassadeur = await loggedIn(ambassadeurUser)
    const adminPdf = await admin.request(`/beheer/facturen/${invoice!.id}/pdf`)
    expect(adminPdf.status).toBe(200)
    expect(Buffer.from(await adminPdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    expect((await admin.get(`/beheer/facturen/${invoice!.id}`)).body).toContain(`href="/beheer/facturen/${invoice!.id}/ubl"`)

    const stranger = t.client()
    await login(stranger, await buildUser(t))
    expect((await stranger.get(`/mijn-pakket/facturen/${invoice!.id}/pdf`)).status).toBe(404)
    expect((await stranger.get(`/beheer/facturen/${invoice!.id}/pdf`)).status).toBe(403)
    expect((await ambassadeur.get(`/beheer/facturen/${invoice!.id}/ubl`)).status).toBe(403)
    expect((await t.client().get(`/mijn-pakket/facturen/${invoice!.id}/pdf`)).status).not.toBe(200)
    expect((await client.get(`/mijn-pakket/facturen/${invoice!.id}/docx`)).status).toBe(404)
    const [still] = await t.deps.db.select().from(invoices).where(and(eq(invoices.id, invoice!.id), eq(invoices.status, 'open')))
    expect(still).toBeTruthy()
  })
})

describe('the bank account number after the end', () => {
  it('is kept 13 months after the mandate ended with its package (the dispute period), then destroyed; the masked number stays', async () => {
    t.clock.set('2026-03-02T09:00:00Z')
    const { user, subscription } = await approvedCustomer({ directDebit: true })
    await t.drain()
    const client = await loggedIn(user)
    await client.get('/mijn-pakket')
    expect((await client.post(`/mijn-pakket/${subscription.id}/opzeggen`, {})).status).toBe(303)
    const mandate = async () => (await t.deps.db.select().from(mandates).where(eq(mandates.id, subscription.mandateId!)))[0]!

    // Earlier tests ran the hourly schedules months ahead of this clock, so the run is called here.
    t.clock.set('2026-04-02T05:00:00Z')
    await runInvoicing(t.deps)
    expect(await mandate()).toMatchObject({ status: 'ended', endedAt: new Date('2026-04-02T05:00:00Z') })
    expect((await mandate()).ibanSealed).not.toBeNull()

    t.clock.set('2027-05-01T05:00:00Z')
    await t.drain()
    expect((await mandate()).ibanSealed).not.toBeNull()

    t.clock.set('2027-05-03T05:00:00Z')
    await t.drain()
    expect(await mandate()).toMatchObject({ ibanSealed: null, ibanMasked: 'NL•• •••• •••• ••43 00' })
    expect(await columnsContaining(t, SENTINEL_IBAN)).toEqual([])

    const admin = await loggedIn(adminUser)
    expect((await admin.get('/beheer/bewaartermijnen')).text).toContain('13 maanden na het einde van de machtiging')
    t.clock.set('2026-03-02T09:00:00Z')
  })
})
