/** Invoices for tests: a customer as printed and a one-line March 2026 invoice by transfer. */
import type { InvoiceDraft } from './billing.ledger.js'
import type { BilledCustomer } from './billing.ledger.tables.js'

export const billedCustomer: BilledCustomer = {
  organisation: 'Stichting De Linde',
  contactName: 'Fenna de Vries',
  street: 'Lindelaan',
  houseNumber: '12a',
  postcode: '1091 AB',
  place: 'Amsterdam',
  country: 'NL',
  email: 'administratie@delinde.test',
  kvk: '12345678',
}

export function invoiceDraft(over: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    kind: 'invoice',
    accountId: null,
    customer: billedCustomer,
    lang: 'nl',
    issuedOn: '2026-03-02',
    dueOn: '2026-03-16',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    paymentMethod: 'transfer',
    lines: [{ description: 'Pakket Zichtbaar, maart 2026', quantity: 1, unitPriceCents: 1250, vatRate: 2100 }],
    ...over,
  }
}
