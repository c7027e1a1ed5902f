import { describe, expect, it } from 'vitest'
import { dueDateOf, invoiceTotals, printedDate, transferPayment } from './billing.invoice-document.js'
import { addDays as daysAfter } from './billing.dates.js'
import { directDebit, invoiceFixture, line, seller } from '../../../test/invoice-documents.js'

describe('invoiceTotals', () => {
  it('multiplies each line and adds up the totals, in whole cents', () => {
    const totals = invoiceTotals([line(2100, 2500), line(2100, 105, 3)])
    expect(totals.lines.map((l) => l.lineTotalCents)).toEqual([2500, 315])
    expect(totals.vatBreakdown).toEqual([{ vatRateBasisPoints: 2100, taxableCents: 2815, vatCents: 591 }]) // 591.15
    expect(totals).toMatchObject({ totalExclVatCents: 2815, totalVatCents: 591, totalInclVatCents: 3406 })
  })

  it('computes VAT on the total per rate, not per line: two € 2,50 lines at 9 % give € 0,45, not 2 × € 0,23', () => {
    // Per line: 22.5 cents → 23, twice → 46. On the rate's total: 500 × 9 % = 45.
    const totals = invoiceTotals([line(900, 250, 1, 'Uitgelicht, week 1'), line(900, 250, 1, 'Uitgelicht, week 2')])
    expect(totals.vatBreakdown).toEqual([{ vatRateBasisPoints: 900, taxableCents: 500, vatCents: 45 }])
    expect(totals.totalInclVatCents).toBe(545)
  })

  it('keeps one breakdown row per rate, highest rate first, and rounds each half up', () => {
    const totals = invoiceTotals([line(900, 1250), line(0, 12_000), line(2100, 4999), line(900, 1995, 2), line(2100, 50)])
    expect(totals.vatBreakdown).toEqual([
      { vatRateBasisPoints: 2100, taxableCents: 5049, vatCents: 1060 }, // 1060.29
      { vatRateBasisPoints: 900, taxableCents: 5240, vatCents: 472 }, // 471.6
      { vatRateBasisPoints: 0, taxableCents: 12_000, vatCents: 0 },
    ])
    expect(totals).toMatchObject({ totalExclVatCents: 22_289, totalVatCents: 1532, totalInclVatCents: 23_821 })
  })

  it('refuses what cannot be on an invoice: no lines, fractions of a cent or a unit, negative prices', () => {
    expect(() => invoiceTotals([])).toThrow(RangeError)
    expect(() => invoiceTotals([line(2100, 12.5)])).toThrow(RangeError)
    expect(() => invoiceTotals([line(2100, -100)])).toThrow(RangeError)
    expect(() => invoiceTotals([line(2100, 100, 0)])).toThrow(RangeError)
    expect(() => invoiceTotals([line(2100, 100, 1.5)])).toThrow(RangeError)
    expect(() => invoiceTotals([line(21.5, 100)])).toThrow(RangeError)
  })
})

describe('printedDate', () => {
  it('prints a calendar date as that day in both languages, whatever the time zone of the process', () => {
    expect(printedDate('2026-01-01', 'nl')).toBe('1 januari 2026')
    expect(printedDate('2026-12-31', 'en')).toBe('31 December 2026')
  })
})

describe('due dates', () => {
  it('counts the payment term in calendar days, across months, years and a leap day', () => {
    expect(daysAfter('2026-01-01', 14)).toBe('2026-01-15')
    expect(daysAfter('2026-01-20', 14)).toBe('2026-02-03')
    expect(daysAfter('2026-12-20', 14)).toBe('2027-01-03')
    expect(daysAfter('2028-02-20', 14)).toBe('2028-03-05')
  })

  it("pays a transfer to the operator's account with the invoice number as reference", () => {
    expect(transferPayment(seller, '2026-00042', '2026-03-25', 30)).toEqual({ method: 'transfer', iban: seller.iban, bic: seller.bic, reference: '2026-00042', dueDate: '2026-04-24' })
  })

  it('is the transfer due date or the collection date, from the payment alone', () => {
    expect(dueDateOf(invoiceFixture())).toBe('2026-01-15')
    expect(dueDateOf(invoiceFixture({ payment: directDebit }))).toBe(directDebit.collectionDate)
  })
})
