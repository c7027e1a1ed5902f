/** Invoices for tests: a customer as printed and a one-line March 2026 invoice by transfer. */
import type { InvoiceDraft } from './billing.ledger.js'
import type { BilledCustomer } from './billing.ledger.tables.js'
import type { BillingOperator } from '../../config/billing.js'

/** An operator as configured (tests read no environment). */
export const testSeller: BillingOperator = {
  name: 'Stichting WijkConnect Test',
  street: 'Oudegracht 231',
  postcode: '3511 NK',
  city: 'Utrecht',
  countryCode: 'NL',
  kvk: '87654321',
  vatNumber: 'NL123456789B01',
  email: 'facturen@wijkconnect.test',
  iban: 'NL02ABNA0123456789',
  bic: 'ABNANL2A',
  creditorId: 'NL69ZZZ123456780000',
}

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
    seller: testSeller,
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
