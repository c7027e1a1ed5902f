import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawn } from 'node:child_process'
import { eq, sql } from 'drizzle-orm'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser } from '../../../test/factories.js'
import { testEngine } from '../../../test/db.js'
import { ROOT } from '../../../test/spawn.js'
import { runRetentionRule } from '../../kernel/retention/retention.js'
import { RETENTION_RULES } from '../../retention.js'
import { exportSchema } from '../my-data/export.schema.js'
import { users } from '../accounts/accounts.tables.js'
import { AlreadyIssued, issueToLedger, ledgerNumber, ledgerTotals, recordPayment, recordReturn } from './billing.ledger.js'
import { billedCustomer, invoiceDraft } from './billing.test-helpers.js'
import { billingLedgerPrivacy } from './billing.ledger.privacy.js'
import { invoiceLines, invoicePayments, invoices } from './billing.ledger.tables.js'

const customer = billedCustomer
const draft = invoiceDraft

describe('ledger totals', () => {
  it('takes VAT per rate on that rate’s total, not per line', () => {
    // Five lines of 2 cents at 21 %: per line the VAT rounds to 0, on the total (10 cents) to 2.
    const lines = Array.from({ length: 5 }, () => ({ description: 'x', quantity: 1, unitPriceCents: 2, vatRate: 2100 }))
    expect(ledgerTotals(lines)).toMatchObject({ netCents: 10, vatCents: 2, totalCents: 12 })
  })

  it('keeps each rate apart and adds them up', () => {
    const t = ledgerTotals([
      { description: 'a', quantity: 2, unitPriceCents: 1000, vatRate: 2100 },
      { description: 'b', quantity: 1, unitPriceCents: 999, vatRate: 900 },
      { description: 'c', quantity: 1, unitPriceCents: 500, vatRate: 0 },
    ])
    expect(t.rates).toEqual([
      { vatRate: 2100, netCents: 2000, vatCents: 420 },
      { vatRate: 900, netCents: 999, vatCents: 90 },
      { vatRate: 0, netCents: 500, vatCents: 0 },
    ])
    expect(t).toMatchObject({ netCents: 3499, vatCents: 510, totalCents: 4009 })
  })

  it('numbers invoices 2026-00001 and credit notes C2026-00001', () => {
    expect(ledgerNumber('invoice', 2026, 1)).toBe('2026-00001')
    expect(ledgerNumber('credit-note', 2027, 123)).toBe('C2027-00123')
  })
})

describe('the fiscal ledger', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await createTestPlatform()
  })
  afterAll(() => t?.stop())
  const now = () => t.clock.now()

  it('numbers each kind per year from 1, without gaps, and a new year starts again', async () => {
    const a = await issueToLedger(t.deps.db, draft(), now())
    const b = await issueToLedger(t.deps.db, draft(), now())
    const credit = await issueToLedger(t.deps.db, draft({ kind: 'credit-note', correctsId: a.id }), now())
    const next = await issueToLedger(t.deps.db, draft({ issuedOn: '2027-01-02' }), now())
    expect([a.number, b.number, credit.number, next.number]).toEqual(['2026-00001', '2026-00002', 'C2026-00001', '2027-00001'])
    expect(a).toMatchObject({ netCents: 1250, vatCents: 263, totalCents: 1513, status: 'open', retainUntil: '2033-12-31' })
  })

  it('issues one invoice per subscription and period; a second attempt uses no number', async () => {
    const first = await issueToLedger(t.deps.db, draft({ subscriptionId: 41, periodStart: '2026-04-01', periodEnd: '2026-04-30' }), now())
    await expect(issueToLedger(t.deps.db, draft({ subscriptionId: 41, periodStart: '2026-04-01', periodEnd: '2026-04-30' }), now())).rejects.toBeInstanceOf(AlreadyIssued)
    const after = await issueToLedger(t.deps.db, draft(), now())
    expect(after.sequence).toBe(first.sequence + 1)
  })

  it('never changes what was issued: amounts, customer and lines are refused, the payment state moves', async () => {
    const inv = await issueToLedger(t.deps.db, draft(), now())
    await expect(t.deps.db.update(invoices).set({ totalCents: 1 }).where(eq(invoices.id, inv.id))).rejects.toThrow()
    await expect(t.deps.db.update(invoices).set({ customer: { ...customer, organisation: 'Anders' } }).where(eq(invoices.id, inv.id))).rejects.toThrow()
    await expect(t.deps.db.update(invoiceLines).set({ unitPriceCents: 1 }).where(eq(invoiceLines.invoiceId, inv.id))).rejects.toThrow()
    await recordPayment(t.deps.db, inv.id, { amountCents: 1000, receivedOn: '2026-03-05', method: 'transfer' }, now())
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)))[0]!.status).toBe('open')
    await recordPayment(t.deps.db, inv.id, { amountCents: 513, receivedOn: '2026-03-06', method: 'transfer' }, now())
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)))[0]).toMatchObject({ status: 'paid', paidOn: '2026-03-06', totalCents: 1513 })
  })

  it('a returned collection is recorded with its reason and opens the invoice again', async () => {
    const inv = await issueToLedger(t.deps.db, draft({ paymentMethod: 'direct-debit', mandateReference: 'WC-1-ABCDEF', collectionOn: '2026-03-20' }), now())
    await recordPayment(t.deps.db, inv.id, { amountCents: inv.totalCents, receivedOn: '2026-03-20', method: 'direct-debit' }, now())
    await recordReturn(t.deps.db, inv.id, { amountCents: inv.totalCents, receivedOn: '2026-03-24', reason: 'MD06', outcome: 'returned' }, now())
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)))[0]).toMatchObject({ status: 'returned', paidOn: null })
    const payments = await t.deps.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))
    expect(payments.map((p) => [p.amountCents, p.returnReason])).toEqual([
      [inv.totalCents, null],
      [-inv.totalCents, 'MD06'],
    ])
  })

  it('the person exports their invoices; erasing the account keeps them, detached', async () => {
    const person = await buildUser(t)
    const inv = await issueToLedger(t.deps.db, draft({ accountId: person.id, lines: [{ description: 'Pakket Buurtpartner, 2026', quantity: 1, unitPriceCents: 12000, vatRate: 900 }] }), now())
    const ctx = { db: t.deps.db, config: t.config, now: now(), person: { id: person.id, email: person.email, lang: 'nl' as const }, t: (k: string) => k }
    const part = await billingLedgerPrivacy.exportFor!(ctx as never)
    const exported = exportSchema.shape.invoices.parse(part.sections.invoices)
    expect(exported).toEqual([expect.objectContaining({ number: inv.number, totalCents: 13080, customer: expect.objectContaining({ contactName: 'Fenna de Vries', vatNumber: null }), lines: [expect.objectContaining({ vatRate: 900, netCents: 12000 })] })])
    await t.deps.db.delete(users).where(eq(users.id, person.id))
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)))[0]).toMatchObject({ accountId: null, number: inv.number, customer })
  })

  it('keeps the ledger 7 years after the end of the year, then destroys it with its lines', async () => {
    const inv = await issueToLedger(t.deps.db, draft({ issuedOn: '2026-12-31' }), now())
    const rule = RETENTION_RULES.find((r) => r.name === 'billing.ledger')!
    const exists = async () => (await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id))).length
    t.clock.set(new Date('2033-12-31T12:00:00Z'))
    await runRetentionRule(t.deps, rule)
    expect(await exists()).toBe(1)
    t.clock.set(new Date('2034-01-01T12:00:00Z'))
    expect(await runRetentionRule(t.deps, rule)).toBeGreaterThan(0)
    expect(await exists()).toBe(0)
    expect(await t.deps.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id))).toEqual([])
  })
})

describe.runIf(testEngine() === 'postgres')('gapless numbers with two processes', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await createTestPlatform()
  })
  afterAll(() => t?.stop())

  it('two processes issuing at once give 1..N with no gap and no double', async () => {
    const perProcess = 25
    const url = (t.database as { url?: string }).url!
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/issue-invoices.ts'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, DATABASE_URL: url, COUNT: String(perProcess) },
          stdio: 'inherit',
        })
        child.on('exit', resolve)
      })
    expect(await Promise.all([run(), run()])).toEqual([0, 0])
    const rows = await t.deps.db.execute(sql`select sequence from invoices where kind = 'invoice' and year = 2026 order by sequence`)
    const seqs = (rows as unknown as { rows: Array<{ sequence: number }> }).rows.map((r) => Number(r.sequence))
    expect(seqs).toEqual(Array.from({ length: perProcess * 2 }, (_, i) => i + 1))
  }, 60_000)
})
