/**
 * A run of 500 debits through HTTP and the real database (issue 14, P09): 500 organisations with a
 * mandate each and an invoice due, one run made by the admin, and a file the official XSD accepts
 * with the right NbOfTxs and CtrlSum, every invoice collected exactly once, and nothing left for a
 * second run. Not timed: the time is printed, for reading on both engines.
 *
 * The customers, mandates and invoices go into the same tables the application and the invoicing
 * job write, in bulk (500 sign-ups through the forms would take minutes), with the same helpers
 * for what matters to the run: the sealed IBAN, the mandate reference, the ledger's numbers and totals.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { composeIBAN } from 'ibantools'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, login, type BuiltUser } from '../../../test/factories.js'
import { PAIN_008_XSD, cents, readPain008 } from '../../../test/pain008.js'
import { validateAgainstXsd } from '../../../test/xml-schema.js'
import { users } from '../accounts/accounts.tables.js'
import { billingKeyring, sealIban } from './billing.crypto.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { maskIban } from './billing.iban.js'
import { ledgerNumber, ledgerTotals, retainUntil } from './billing.ledger.js'
import { invoiceLines, invoiceSeries, invoices } from './billing.ledger.tables.js'
import { newMandateReference } from './billing.mandate-rules.js'
import { billedCustomer, testSeller } from './billing.test-helpers.js'
import { directDebitCollections, directDebitRuns } from './billing.debit-runs.tables.js'
import { mandateOwner } from './billing.debit-runs.service.js'

const COUNT = 500
const ISSUED_ON = '2026-03-02'

let t: TestPlatform
let admin: BuiltUser
/** Invoice number → amount in cents, as issued. */
const issued = new Map<string, number>()

/** A different valid Dutch IBAN per customer (check digits computed, as a bank's are). */
const ibanOf = (i: number) => composeIBAN({ countryCode: 'NL', bban: `INGB${String(1_000_000 + i).padStart(10, '0')}` })!

async function insertCustomers() {
  const { db, clock } = t.deps
  const now = clock.now()
  const [template] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, admin.id))
  const accounts = await db
    .insert(users)
    .values(Array.from({ length: COUNT }, (_, i) => ({ email: `klant-${i}@bulk.test`, firstName: `Klant ${i}`, passwordHash: template!.passwordHash, emailVerifiedAt: now, createdAt: now, updatedAt: now })))
    .returning({ id: users.id })
  const customers = await db
    .insert(billingCustomers)
    .values(accounts.map((a, i) => ({ userId: a.id, organisationName: `Organisatie ${i}`, street: 'Dorpsstraat', houseNumber: String(i + 1), postalCode: '1234 AB', place: 'Voorbeeldstad', billingEmail: `klant-${i}@bulk.test`, contactName: `Klant ${i}`, createdAt: now, updatedAt: now })))
    .returning({ id: billingCustomers.id, userId: billingCustomers.userId })
  const keyring = billingKeyring(t.config)
  const rows = customers.map((c, i) => {
    const reference = newMandateReference(c.id)
    return {
      customerId: c.id,
      userId: c.userId!,
      reference,
      // Both schemes, so the file has more than one payment block.
      scheme: i % 5 === 0 ? ('B2B' as const) : ('CORE' as const),
      signedOn: ISSUED_ON,
      signedPlace: 'Voorbeeldstad',
      signerName: `Klant ${i}`,
      ibanSealed: sealIban(keyring, ibanOf(i), mandateOwner(reference)),
      ibanMasked: maskIban(ibanOf(i)),
      accountHolderName: `Organisatie ${i}`,
      status: 'active' as const,
      createdAt: now,
    }
  })
  return db.insert(mandates).values(rows).returning({ id: mandates.id, reference: mandates.reference, userId: mandates.userId, ibanMasked: mandates.ibanMasked })
}

/** One invoice per mandate, numbered from the year's series as issueToLedger would, due on two days. */
async function insertInvoices(debtors: Awaited<ReturnType<typeof insertCustomers>>) {
  const { db, clock } = t.deps
  const now = clock.now()
  const year = Number(ISSUED_ON.slice(0, 4))
  const [series] = await db
    .insert(invoiceSeries)
    .values({ kind: 'invoice', year, last: COUNT })
    .onConflictDoUpdate({ target: [invoiceSeries.kind, invoiceSeries.year], set: { last: sql`${invoiceSeries.last} + ${COUNT}` } })
    .returning({ last: invoiceSeries.last })
  const first = series!.last - COUNT + 1
  const drafts = debtors.map((m, i) => {
    const collectionOn = i % 2 === 0 ? '2026-03-12' : '2026-03-16'
    const totals = ledgerTotals([{ description: `Pakket, maart 2026 (${i})`, quantity: 1, unitPriceCents: 1_000 + ((i * 7_919) % 25_000), vatRate: i % 3 === 0 ? 900 : 2100 }])
    const number = ledgerNumber('invoice', year, first + i)
    issued.set(number, totals.totalCents)
    return {
      row: {
        kind: 'invoice' as const,
        year,
        sequence: first + i,
        number,
        accountId: m.userId,
        customer: { ...billedCustomer, organisation: `Organisatie ${i}` },
        seller: testSeller,
        lang: 'nl' as const,
        issuedOn: ISSUED_ON,
        dueOn: collectionOn,
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        paymentMethod: 'direct-debit' as const,
        mandateReference: m.reference,
        debtorIbanMasked: m.ibanMasked,
        collectionOn,
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
        retainUntil: retainUntil(year),
        createdAt: now,
      },
      lines: totals.lines,
    }
  })
  const rows = await db
    .insert(invoices)
    .values(drafts.map((d) => d.row))
    .returning({ id: invoices.id })
  await db.insert(invoiceLines).values(rows.flatMap((r, i) => drafts[i]!.lines.map((l, n) => ({ invoiceId: r.id, position: n + 1, ...l }))))
  return rows.map((r) => r.id)
}

let invoiceIds: number[] = []

beforeAll(async () => {
  t = await createTestPlatform()
  admin = await buildUser(t, { role: 'admin' })
  const started = performance.now()
  invoiceIds = await insertInvoices(await insertCustomers())
  console.info(`[500 debits] ${COUNT} customers, mandates and invoices inserted in ${Math.round(performance.now() - started)} ms`)
}, 120_000)
afterAll(() => t.stop())

describe('a run of 500 debits', () => {
  it('collects each invoice once in a file the XSD accepts, with the right counts and sums, and leaves nothing for a second run', async () => {
    t.clock.set('2026-03-10T09:00:00Z')
    const client = t.client()
    await login(client, admin)
    await client.get('/beheer/incasso')

    let started = performance.now()
    const made = await client.post('/beheer/incasso', { dagen: '7' })
    const runMs = performance.now() - started
    expect(made.status, made.text.slice(0, 400)).toBe(303)
    const runId = Number(/\/beheer\/incasso\/(\d+)/.exec(made.location!)![1])
    started = performance.now()
    const file = await client.get(`/beheer/incasso/${runId}/pain008.xml`)
    const fileMs = performance.now() - started
    expect(file.status).toBe(200)
    started = performance.now()
    expect(await validateAgainstXsd(file.body, PAIN_008_XSD)).toEqual({ valid: true, errors: [] })
    const xsdMs = performance.now() - started

    // The file: 500 debits, each invoice once, header and blocks adding up to what was issued.
    const read = readPain008(file.body)
    const total = [...issued.values()].reduce((sum, c) => sum + c, 0)
    expect(read.header.nbOfTxs).toBe(String(COUNT))
    expect(cents(read.header.ctrlSum)).toBe(total)
    const debits = read.blocks.flatMap((b) => b.debits)
    expect(debits).toHaveLength(COUNT)
    expect(new Set(debits.map((d) => d.endToEndId))).toEqual(new Set(issued.keys()))
    for (const d of debits) expect(cents(d.amount)).toBe(issued.get(d.endToEndId!))
    expect(read.blocks.map((b) => [b.date, b.scheme, b.seqTp]).sort()).toEqual([
      ['2026-03-12', 'B2B', 'FRST'],
      ['2026-03-12', 'CORE', 'FRST'],
      ['2026-03-16', 'B2B', 'FRST'],
      ['2026-03-16', 'CORE', 'FRST'],
    ])
    for (const b of read.blocks) {
      expect(Number(b.nbOfTxs)).toBe(b.debits.length)
      expect(cents(b.ctrlSum)).toBe(b.debits.reduce((sum, d) => sum + cents(d.amount), 0))
    }
    expect(new Set(debits.map((d) => d.debtorIban)).size).toBe(COUNT)

    // The database: one run of 500, one collection per invoice, every invoice paid.
    const [run] = await t.deps.db.select().from(directDebitRuns).where(eq(directDebitRuns.id, runId))
    expect(run).toMatchObject({ count: COUNT, totalCents: total, leftOut: [] })
    const collections = await t.deps.db.select({ invoiceId: directDebitCollections.invoiceId }).from(directDebitCollections)
    expect(collections).toHaveLength(COUNT)
    expect(new Set(collections.map((c) => c.invoiceId))).toEqual(new Set(invoiceIds))
    const statuses = await t.deps.db.select({ status: invoices.status, n: sql<number>`count(*)::int` }).from(invoices).groupBy(invoices.status)
    expect(statuses).toEqual([{ status: 'paid', n: COUNT }])

    // A second run finds nothing to collect and collects nothing.
    const again = await client.post('/beheer/incasso', { dagen: '60' })
    expect(again.status).toBe(409)
    expect(again.text).toContain('Er is geen incassobestand gemaakt')
    expect(await t.deps.db.select({ id: directDebitCollections.id }).from(directDebitCollections)).toHaveLength(COUNT)
    expect(await t.deps.db.select({ id: directDebitRuns.id }).from(directDebitRuns)).toHaveLength(1)

    console.info(`[500 debits] run made in ${Math.round(runMs)} ms, file rendered in ${Math.round(fileMs)} ms, XSD check ${Math.round(xsdMs)} ms`)
  }, 120_000)
})
