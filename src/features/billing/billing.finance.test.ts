import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { parse } from 'csv-parse/sync'
import { createTestPlatform, type TestPlatform } from '../../../test/platform.js'
import { buildUser, buildWijk, login } from '../../../test/factories.js'
import type { TestClient } from '../../../test/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { issueToLedger, type InvoiceDraft } from './billing.ledger.js'
import { invoiceDraft } from './billing.test-helpers.js'
import { invoices } from './billing.ledger.tables.js'

let t: TestPlatform
let admin: TestClient
let ambassadeur: TestClient

const customer = { organisation: 'Buurtwinkel De Hoek', contactName: 'Sem Bakker', street: 'Hoekstraat', houseNumber: '3', postcode: '1092 CD', place: 'Amsterdam', country: 'NL', email: 'sem@dehoek.test', kvk: '87654321', vatNumber: 'NL123456789B01' }

const draft = (over: Partial<InvoiceDraft> = {}) => invoiceDraft({ customer, lines: [{ description: 'Pakket Wijkpartner, maart 2026', quantity: 1, unitPriceCents: 10_000, vatRate: 2100 }], ...over })

const status = async (id: number) => (await t.deps.db.select().from(invoices).where(eq(invoices.id, id)))[0]!.status

beforeAll(async () => {
  // 2 March 2026: the first invoices are due on the 16th.
  t = await createTestPlatform({}, '2026-03-10T09:00:00Z')
  const wijk = await buildWijk(t)
  admin = t.client()
  await login(admin, await buildUser(t, { role: 'admin' }))
  ambassadeur = t.client()
  await login(ambassadeur, await buildUser(t, { role: 'ambassadeur', wijkId: wijk.id }))
})
afterAll(() => t.stop())

describe('the finance pages', () => {
  it('show what is open, what is overdue and what is paid, and only to the admin', async () => {
    const open = await issueToLedger(t.deps.db, draft(), t.clock.now())
    const late = await issueToLedger(t.deps.db, draft({ issuedOn: '2026-02-01', dueOn: '2026-02-15', periodStart: '2026-02-01', periodEnd: '2026-02-28' }), t.clock.now())
    const page = await admin.get('/beheer/facturen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('1 factuur openstaand')
    expect(page.text).toContain('1 factuur achterstallig')
    expect(page.body).toContain(`/beheer/facturen/${open.id}`)
    const overdue = await admin.get('/beheer/facturen?weergave=achterstallig')
    expect(overdue.body).toContain(late.number)
    expect(overdue.body).not.toContain(`>${open.number}<`)
    expect((await ambassadeur.get('/beheer/facturen')).status).toBe(403)
    expect((await ambassadeur.get(`/beheer/facturen/${open.id}`)).status).toBe(403)
    expect((await t.client().get('/beheer/facturen/journaal.csv?jaar=2026')).status).not.toBe(200)
  })

  it('record a payment in euros: a part leaves it open, the rest makes it paid, each audited', async () => {
    const inv = await issueToLedger(t.deps.db, draft(), t.clock.now())
    const path = `/beheer/facturen/${inv.id}`
    await admin.get(path)
    const bad = await admin.post(`${path}/betaling`, { amount: 'twaalf', receivedOn: '2026-03-11', method: 'transfer' })
    expect(bad.status).toBe(422)
    expect(bad.body).toContain('id="amount-error"')
    expect(bad.body).toContain('value="twaalf"')
    expect((await admin.post(`${path}/betaling`, { amount: '100,00', receivedOn: '2026-03-11', method: 'transfer' })).status).toBe(303)
    expect(await status(inv.id)).toBe('open')
    expect((await admin.post(`${path}/betaling`, { amount: '21', receivedOn: '2026-03-12', method: 'transfer' })).status).toBe(303)
    expect((await t.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)))[0]).toMatchObject({ status: 'paid', paidOn: '2026-03-12' })
    const audits = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'invoice'), eq(auditLog.targetId, String(inv.id))))
    expect(audits.map((a) => a.action)).toEqual(['invoice.payment', 'invoice.payment'])
    // Paid: no second payment.
    const again = await admin.post(`${path}/betaling`, { amount: '1', receivedOn: '2026-03-12', method: 'transfer' })
    expect(again.status).toBe(409)
    expect(again.body).toContain('al betaald')
  })

  it('record a returned collection with the bank’s code, which opens a paid direct debit again; a transfer cannot come back', async () => {
    const debit = await issueToLedger(t.deps.db, draft({ paymentMethod: 'direct-debit', mandateReference: 'WC-7-Q2W3E4R5T6', collectionOn: '2026-03-20' }), t.clock.now())
    const path = `/beheer/facturen/${debit.id}`
    await admin.get(path)
    expect((await admin.post(`${path}/betaling`, { amount: '121', receivedOn: '2026-03-20', method: 'direct-debit' })).status).toBe(303)
    const page = await admin.get(path)
    expect(page.body).toContain('name="reason"')
    const unknown = await admin.post(`${path}/storno`, { kind: 'returned', reason: 'XX99', receivedOn: '2026-03-24' })
    expect(unknown.status).toBe(422)
    expect(unknown.body).toContain('id="reason-error"')
    // Booked by hand, in no run: the bank cannot have rejected it, only returned it.
    const notInRun = await admin.post(`${path}/storno`, { kind: 'rejected', reason: 'AC04', receivedOn: '2026-03-24' })
    expect(notInRun.status).toBe(409)
    expect(notInRun.body).toContain('id="kind-error"')
    expect(await status(debit.id)).toBe('paid')
    expect((await admin.post(`${path}/storno`, { kind: 'returned', reason: ' md06 ', receivedOn: '2026-03-24' })).status).toBe(303)
    expect(await status(debit.id)).toBe('returned')
    expect((await admin.get(path)).text).toContain('MD06')

    const transfer = await issueToLedger(t.deps.db, draft(), t.clock.now())
    await admin.get(`/beheer/facturen/${transfer.id}`)
    const refused = await admin.post(`/beheer/facturen/${transfer.id}/storno`, { kind: 'returned', reason: 'AM04', receivedOn: '2026-03-24' })
    expect(refused.status).toBe(409)
    expect(await status(transfer.id)).toBe('open')
  })

  it('give the bookkeeper a journal per year: amounts per VAT rate, credit notes negative, formulas disarmed', async () => {
    const mixed = await issueToLedger(
      t.deps.db,
      draft({
        issuedOn: '2025-06-01',
        dueOn: '2025-06-15',
        customer: { ...customer, organisation: '=HYPERLINK("http://evil.test")' },
        lines: [
          { description: 'Pakket', quantity: 1, unitPriceCents: 10_000, vatRate: 2100 },
          { description: 'Drukwerk', quantity: 2, unitPriceCents: 2_500, vatRate: 900 },
        ],
      }),
      t.clock.now(),
    )
    await issueToLedger(t.deps.db, draft({ kind: 'credit-note', correctsId: mixed.id, issuedOn: '2025-06-20', dueOn: '2025-06-20', lines: [{ description: 'Correctie drukwerk', quantity: 1, unitPriceCents: 2_500, vatRate: 900 }] }), t.clock.now())
    const res = await admin.get('/beheer/facturen/journaal.csv?jaar=2025')
    expect(res.status).toBe(200)
    expect(res.res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ nummer: '2025-00001', soort: 'factuur', klant: `'=HYPERLINK("http://evil.test")`, 'omzet 21%': '100.00', 'btw 21%': '21.00', 'omzet 9%': '50.00', 'btw 9%': '4.50', totaal: '175.50', betaalwijze: 'overmaking', status: 'open' })
    expect(rows[1]).toMatchObject({ nummer: 'C2025-00001', soort: 'creditnota', corrigeert: '2025-00001', 'omzet 9%': '-25.00', 'btw 9%': '-2.25', totaal: '-27.25' })
    expect((await admin.get('/beheer/facturen/journaal.csv?jaar=twintig')).status).toBe(400)
  })
})
