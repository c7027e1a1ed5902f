/**
 * Direct debit runs through HTTP and the real database (issue 14, P09): the admin makes a file of
 * the invoices due, which the official XSD accepts, with the right counts and sums; an expired
 * mandate is left out with its reason shown; no invoice is collected twice (the unique constraint
 * too); the next run sends RCUR after a FRST (also after a return, as the rulebook says) and FRST
 * again after a reject; the IBAN is in the file and nowhere in a page or the logs; nobody but the
 * admin gets in.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login, type BuiltUser } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { buildSubscription } from '../../../test/billing.js'
import { PAIN_008_XSD, cents, readPain008 } from '../../../test/pain008.js'
import { validateAgainstXsd } from '../../../test/xml-schema.js'
import { mandates } from './billing.customers.tables.js'
import { invoicePayments, invoices } from './billing.ledger.tables.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { directDebitCollections, directDebitRuns } from './billing.debit-runs.tables.js'
import { SENTINEL_IBAN, buildPackage } from './billing.apply.test-helpers.js'

let t: TestPlatform
let adminUser: BuiltUser
let customerUser: BuiltUser
let wijkbeheerderUser: BuiltUser
let packageId: number

/** Four direct-debit customers: a, b (whose first debit comes back), c (expired mandate), d (rejected). */
const customers: Record<'a' | 'b' | 'c' | 'd', { subscriptionId: number; mandateId: number }> = {} as never
const OTHER_IBANS = { b: 'NL02ABNA0123456789', c: 'NL18RABO0123459876', d: 'DE89370400440532013000' }

beforeAll(async () => {
  t = await createTestPlatform()
  packageId = (await buildPackage(t, { slug: 'incasso-maand', nameNl: 'Etalage maand', nameEn: 'Shop window month', period: 'maand', priceCents: 2_500, vatRate: 2100 })).id
  adminUser = await buildUser(t, { role: 'admin' })
  wijkbeheerderUser = await buildUser(t, { role: 'wijkbeheerder', wijkId: (await buildWijk(t)).id })
  for (const [key, iban] of [['a', SENTINEL_IBAN], ['b', OTHER_IBANS.b], ['c', OTHER_IBANS.c], ['d', OTHER_IBANS.d]] as const) {
    const user = await buildUser(t)
    if (key === 'a') customerUser = user
    const built = await buildSubscription(t, { userId: user.id, packageId, adminId: adminUser.id, iban, organisationName: `Klant ${key.toUpperCase()}` })
    customers[key] = { subscriptionId: built.subscriptionId, mandateId: built.mandateId }
  }
  // C signed three years ago and was never collected: expired by the collection day.
  await t.deps.db.update(mandates).set({ signedOn: '2023-03-01' }).where(eq(mandates.id, customers.c.mandateId))
  await t.drain()
})
afterAll(() => t.stop())

async function loggedIn(user: BuiltUser): Promise<TestClient> {
  const client = t.client()
  await login(client, user)
  return client
}

const invoiceOf = async (key: keyof typeof customers, periodStart: string) => {
  const rows = await t.deps.db.select().from(invoices).where(eq(invoices.subscriptionId, customers[key].subscriptionId))
  return rows.find((r) => r.periodStart === periodStart)!
}
const collectionsOf = (invoiceIds: number[]) => t.deps.db.select().from(directDebitCollections).where(inArray(directDebitCollections.invoiceId, invoiceIds))

/** Makes a run as the admin; returns its page, its file and the run's id. */
async function makeRun(admin: TestClient) {
  await admin.get('/beheer/incasso')
  const made = await admin.post('/beheer/incasso', { dagen: '7' })
  expect(made.status, made.text.slice(0, 400)).toBe(303)
  const location = made.location!
  const id = Number(/\/beheer\/incasso\/(\d+)/.exec(location)![1])
  const page = await admin.get(location)
  const file = await admin.get(`/beheer/incasso/${id}/pain008.xml`)
  return { id, page, file }
}

const htmlSeen: string[] = []

describe('the first run', () => {
  it('lists what is due, makes a file the XSD accepts with FRST, counts and sums right, and leaves the expired mandate out with its reason', async () => {
    t.clock.set('2026-03-10T09:00:00Z')
    const admin = await loggedIn(adminUser)
    const [a, b, c, d] = await Promise.all((['a', 'b', 'c', 'd'] as const).map((k) => invoiceOf(k, '2026-03-02')))
    expect(a!.collectionOn).toBe('2026-03-16')

    const list = await admin.get('/beheer/incasso')
    expect(list.status).toBe(200)
    htmlSeen.push(list.body)
    for (const inv of [a!, b!, c!, d!]) expect(list.text).toContain(inv.number)
    // A week ahead is the default; nothing is due yet when looking only 2 days ahead.
    expect((await admin.get('/beheer/incasso?dagen=2')).text).toContain('Er zijn nu geen facturen te incasseren.')

    const { id, page, file } = await makeRun(admin)
    htmlSeen.push(page.body)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Het incassobestand is gemaakt.')
    expect(page.text).toContain(c!.number)
    expect(page.text).toContain('De machtiging is verlopen: 36 maanden niet gebruikt.')

    expect(file.status).toBe(200)
    expect(file.res.headers.get('content-disposition')).toMatch(/^attachment; filename="incasso-WC-\d{14}-[0-9A-Z]{6}\.xml"$/)
    expect(file.res.headers.get('cache-control')).toBe('no-store')
    const xml = file.body
    expect(await validateAgainstXsd(xml, PAIN_008_XSD)).toEqual({ valid: true, errors: [] })
    const read = readPain008(xml)
    expect(read.header.nbOfTxs).toBe('3')
    expect(cents(read.header.ctrlSum)).toBe(a!.totalCents + b!.totalCents + d!.totalCents)
    expect(read.blocks.map((blk) => [blk.seqTp, blk.date, blk.nbOfTxs])).toEqual([['FRST', '2026-03-16', '3']])
    const debits = read.blocks[0]!.debits
    expect(debits.map((x) => x.endToEndId).sort()).toEqual([a!.number, b!.number, d!.number].sort())
    expect(debits.find((x) => x.endToEndId === a!.number)).toMatchObject({ debtorIban: SENTINEL_IBAN, amount: '30.25', mandateId: a!.mandateReference })
    expect(xml).not.toContain(c!.number)

    const [run] = await t.deps.db.select().from(directDebitRuns).where(eq(directDebitRuns.id, id))
    expect(run).toMatchObject({ count: 3, totalCents: 3 * 3_025, firstCollectionOn: '2026-03-16', lastCollectionOn: '2026-03-16' })
    expect(run!.leftOut).toEqual([{ invoiceId: c!.id, invoiceNumber: c!.number, reason: 'expired' }])
    // Booked as collected on the collection day; the expired one stays open.
    const statuses = await t.deps.db.select({ id: invoices.id, status: invoices.status, paidOn: invoices.paidOn }).from(invoices).where(inArray(invoices.id, [a!.id, c!.id]))
    expect(statuses.find((s) => s.id === a!.id)).toMatchObject({ status: 'paid', paidOn: '2026-03-16' })
    expect(statuses.find((s) => s.id === c!.id)).toMatchObject({ status: 'open' })
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.id, customers.a.mandateId))
    expect(mandate!.lastCollectionAt?.toISOString().slice(0, 10)).toBe('2026-03-16')
    htmlSeen.push((await admin.get(`/beheer/facturen/${a!.id}`)).body)
  })

  it('collects no invoice twice: a second run has nothing left, and the database refuses a second collection', async () => {
    const admin = await loggedIn(adminUser)
    const a = await invoiceOf('a', '2026-03-02')
    await admin.get('/beheer/incasso')
    const again = await admin.post('/beheer/incasso', { dagen: '7' })
    expect(again.status).toBe(409)
    expect(again.text).toContain('Er is geen incassobestand gemaakt')
    expect(again.text).toContain('De machtiging is verlopen')
    htmlSeen.push(again.body)
    expect(await collectionsOf([a.id])).toHaveLength(1)

    const [first] = await collectionsOf([a.id])
    const { id: _id, ...copy } = first!
    await expect(t.deps.db.insert(directDebitCollections).values(copy)).rejects.toMatchObject({ cause: { code: '23505' } })
  })

  it('gives the same run as pain.008.001.08 when the operator configures that version', async () => {
    const admin = await loggedIn(adminUser)
    const [run] = await t.deps.db.select().from(directDebitRuns).limit(1)
    const v02 = (await admin.get(`/beheer/incasso/${run!.id}/pain008.xml`)).body
    expect((await admin.get(`/beheer/incasso/${run!.id}`)).text).toContain('Incassobestand downloaden (pain.008.001.02, XML)')
    t.config.billing.pain008Version = '08'
    try {
      expect((await admin.get(`/beheer/incasso/${run!.id}`)).text).toContain('Incassobestand downloaden (pain.008.001.08, XML)')
      const v08 = (await admin.get(`/beheer/incasso/${run!.id}/pain008.xml`)).body
      expect(v08).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"')
      expect(v08).toMatch(/<BICFI>[A-Z0-9]{8,11}<\/BICFI>/)
      expect(v08).not.toMatch(/<BIC>/)
      const { version, ...read08 } = readPain008(v08)
      expect(version).toBe('08')
      const { version: _02, ...read02 } = readPain008(v02)
      expect(JSON.stringify(read08)).toBe(JSON.stringify(read02))
    } finally {
      t.config.billing.pain008Version = '02'
    }
  })

  it('asks for a number of days beside the field, without a 500', async () => {
    const admin = await loggedIn(adminUser)
    const bad = await admin.get('/beheer/incasso?dagen=veel')
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="dagen-error"')
    expect(bad.text).toContain('Vul een aantal dagen in van 0 tot 60.')
    const post = await admin.post('/beheer/incasso', { dagen: '999' })
    expect(post.status).toBe(422)
  })
})

describe('a collection that comes back', () => {
  it('asks whether it was returned or rejected, beside the field, keeping the rest typed', async () => {
    const admin = await loggedIn(adminUser)
    const d1 = await invoiceOf('d', '2026-03-02')
    const path = `/beheer/facturen/${d1.id}`
    const page = await admin.get(path)
    htmlSeen.push(page.body)
    expect(page.body).toContain('name="kind"')
    const missing = await admin.post(`${path}/storno`, { reason: 'AC04', receivedOn: '2026-03-16' })
    expect(missing.status).toBe(422)
    expect(missing.body).toContain('id="kind-error"')
    expect(missing.text).toContain('Kies of de incasso is teruggeboekt of geweigerd.')
    expect(missing.body).toMatch(/<option value="AC04" selected/)
    expect(missing.body).toContain('value="2026-03-16"')
    const odd = await admin.post(`${path}/storno`, { kind: 'lost', reason: 'AC04', receivedOn: '2026-03-16' })
    expect(odd.status).toBe(422)
    expect(odd.body).toContain('id="kind-error"')
    expect((await collectionsOf([d1.id]))[0]!.outcome).toBe('sent')
  })

  it('a reject takes the collection back: the invoice is open (not paid, not returned), the collection rejected, once only', async () => {
    const admin = await loggedIn(adminUser)
    const d1 = await invoiceOf('d', '2026-03-02')
    const path = `/beheer/facturen/${d1.id}`
    await admin.get(path)
    const made = await admin.post(`${path}/storno`, { kind: 'rejected', reason: 'ac04', receivedOn: '2026-03-16' })
    expect(made.status, made.text.slice(0, 400)).toBe(303)
    expect(made.location).toContain('melding=flash.billing.rejectRecorded')
    const [rejected] = await collectionsOf([d1.id])
    expect(rejected).toMatchObject({ outcome: 'rejected', returnReason: 'AC04', outcomeOn: '2026-03-16' })
    const [inv] = await t.deps.db.select().from(invoices).where(eq(invoices.id, d1.id))
    expect(inv).toMatchObject({ status: 'open', paidOn: null })
    const payments = await t.deps.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, d1.id))
    expect(payments.map((p) => [p.amountCents, p.returnReason])).toEqual([
      [d1.totalCents, null],
      [-d1.totalCents, 'AC04'],
    ])
    // Not a use of the mandate: its last use is gone again (it had no other collection).
    const [mandate] = await t.deps.db.select().from(mandates).where(eq(mandates.id, customers.d.mandateId))
    expect(mandate!.lastCollectionAt).toBeNull()
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'invoice'), eq(auditLog.targetId, String(d1.id))))
    expect(audits.map((a) => a.action)).toEqual(['invoice.reject'])
    const after = await admin.get(made.location!)
    htmlSeen.push(after.body)
    expect(after.text).toContain('De weigering is vastgelegd')
    // Open again: the form to record a payment (e.g. by transfer) is there, the return form is not.
    expect(after.body).toContain('/betaling"')
    expect(after.body).not.toContain('name="kind"')

    // Once only: neither a second reject nor a return afterwards.
    for (const kind of ['rejected', 'returned']) {
      const again = await admin.post(`${path}/storno`, { kind, reason: 'AM04', receivedOn: '2026-03-17' })
      expect(again.status).toBe(409)
      expect(again.body).toContain('id="kind-error"')
      expect(again.text).toContain('al een storno of weigering vastgelegd')
    }
    expect(await collectionsOf([d1.id])).toMatchObject([{ outcome: 'rejected', returnReason: 'AC04' }])
    expect(await t.deps.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, d1.id))).toHaveLength(2)
  })

  it('a return opens the invoice as returned, once only', async () => {
    const admin = await loggedIn(adminUser)
    // B's first debit comes back (insufficient funds): recorded on the invoice, as the bank reports it.
    const b1 = await invoiceOf('b', '2026-03-02')
    const path = `/beheer/facturen/${b1.id}`
    htmlSeen.push((await admin.get(path)).body)
    expect((await admin.post(`${path}/storno`, { kind: 'returned', reason: 'AM04', receivedOn: '2026-03-20' })).status).toBe(303)
    const [returned] = await collectionsOf([b1.id])
    expect(returned).toMatchObject({ outcome: 'returned', returnReason: 'AM04', outcomeOn: '2026-03-20' })
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, b1.id)))[0]!.status).toBe('returned')
    const again = await admin.post(`${path}/storno`, { kind: 'rejected', reason: 'AM04', receivedOn: '2026-03-21' })
    expect(again.status).toBe(409)
    expect((await collectionsOf([b1.id]))[0]).toMatchObject({ outcome: 'returned' })
  })
})

describe('the next run', () => {
  it('sends RCUR after a FRST, also after a return, and FRST again after a reject', async () => {
    const b1 = await invoiceOf('b', '2026-03-02')
    const d1 = await invoiceOf('d', '2026-03-02')
    t.clock.set('2026-04-03T09:00:00Z')
    await t.drain()
    t.clock.set('2026-04-14T09:00:00Z')
    const next = await loggedIn(adminUser)
    const [a2, b2, c2, d2] = await Promise.all((['a', 'b', 'c', 'd'] as const).map((k) => invoiceOf(k, '2026-04-02')))
    const { id, page, file } = await makeRun(next)
    htmlSeen.push(page.body)
    expect(await validateAgainstXsd(file.body, PAIN_008_XSD)).toEqual({ valid: true, errors: [] })
    const read = readPain008(file.body)
    const seq = Object.fromEntries(read.blocks.flatMap((blk) => blk.debits.map((x) => [x.endToEndId, blk.seqTp])))
    expect(seq).toEqual({ [a2!.number]: 'RCUR', [b2!.number]: 'RCUR', [d2!.number]: 'FRST' })
    expect(read.header.nbOfTxs).toBe('3')
    expect(read.blocks.reduce((sum, blk) => sum + cents(blk.ctrlSum), 0)).toBe(cents(read.header.ctrlSum))
    // The returned and the rejected invoice are not collected again by a run; the expired mandate stays out.
    for (const back of [b1, d1]) expect(file.body).not.toContain(`<EndToEndId>${back.number}</EndToEndId>`)
    expect(page.text).toContain(c2!.number)
    const collections = await t.deps.db.select().from(directDebitCollections).where(eq(directDebitCollections.runId, id))
    expect(collections.map((c) => c.sequenceType).sort()).toEqual(['FRST', 'RCUR', 'RCUR'])
    // The run page tells each outcome of the first run.
    const first = await next.get(`/beheer/incasso/${(await collectionsOf([d1.id]))[0]!.runId}`)
    expect(first.text).toContain('Geweigerd (AC04)')
    expect(first.text).toContain('Gestorneerd (AM04)')
  })
})

describe('who sees it', () => {
  it('refuses a wijk team member and a customer, and the visitor too', async () => {
    const [run] = await t.deps.db.select().from(directDebitRuns).limit(1)
    for (const client of [await loggedIn(wijkbeheerderUser), await loggedIn(customerUser)]) {
      expect((await client.get('/beheer/incasso')).status).toBe(403)
      expect((await client.get(`/beheer/incasso/${run!.id}`)).status).toBe(403)
      expect((await client.get(`/beheer/incasso/${run!.id}/pain008.xml`)).status).toBe(403)
      await client.get('/mijn-pakket')
      expect((await client.post('/beheer/incasso', { dagen: '7' })).status).toBe(403)
    }
    expect((await t.client().get(`/beheer/incasso/${run!.id}/pain008.xml`)).status).not.toBe(200)
  })

  it('shows the IBAN in no page and no log line: only in the file', async () => {
    expect(htmlSeen).toHaveLength(8)
    const compact = (s: string) => s.replace(/\s/g, '')
    for (const html of htmlSeen) expect(compact(html)).not.toContain(SENTINEL_IBAN)
    expect(compact(t.logs())).not.toContain(SENTINEL_IBAN)
  })
})
