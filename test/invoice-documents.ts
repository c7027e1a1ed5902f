/**
 * Invoices and credit notes as the issuing job will hand them to the renderers: a fake but
 * well-formed Dutch operator and realistic customers, for the UBL, PDF and totals tests.
 *
 * @example renderUbl(invoiceFixture({ lines: [line(2100, 2500)] }))
 */
import { transferPayment, type CreditNote, type DirectDebitPayment, type Invoice, type InvoiceBuyer, type InvoiceLine } from '../src/features/billing/billing.invoice-document.js'
import type { BillingOperator } from '../src/config/billing.js'
import { loadConfig } from '../src/config/env.js'
import { BILLING_OPERATOR_ENV } from './config.js'

/** The operator as production configures it (config.billing.operator), so invoices are tested with it. */
export const seller: BillingOperator = loadConfig({
  ...BILLING_OPERATOR_ENV,
  OPERATOR_NAME: 'Stichting Wijkplatform Voorbeeld',
  OPERATOR_KVK: '12345678',
  OPERATOR_EMAIL: 'facturen@wijkplatform.example',
}).billing.operator

export const buyer: InvoiceBuyer = {
  organisationName: 'Buurtvereniging De Linde & Co',
  street: 'Lindelaan',
  houseNumber: '4a',
  postcode: '3523 BK',
  place: 'Utrecht',
  countryCode: 'NL',
  kvk: '87654321',
  vatNumber: 'NL001234567B02',
  billingEmail: 'penningmeester@delinde.example',
  contactName: 'Fatima el Amrani',
}

/** A municipality that quotes a purchase-order number and has no VAT number on file. */
export const municipality: InvoiceBuyer = {
  organisationName: 'Gemeente Voorbeeldstad',
  street: 'Stadhuisplein',
  houseNumber: '1',
  postcode: '1234 AB',
  place: 'Voorbeeldstad',
  countryCode: 'NL',
  kvk: '11223344',
  vatNumber: null,
  billingEmail: 'crediteuren@voorbeeldstad.example',
  contactName: 'Afdeling Crediteuren',
  reference: 'PO-2026-0118',
}

export function line(vatRateBasisPoints: number, unitPriceCents: number, quantity = 1, description = 'Pakket Wijkpartner, januari 2026'): InvoiceLine {
  return { description, quantity, unitPriceCents, vatRateBasisPoints }
}

export const directDebit: DirectDebitPayment = {
  method: 'direct-debit',
  mandateReference: 'WC-MANDAAT-000042',
  creditorId: seller.creditorId,
  debtorIbanMasked: 'NL•• •••• •••• ••34 56',
  collectionDate: '2026-01-12',
}

/** January 2026's package, invoiced on the first and corrected on the twentieth. */
const january = { supplyPeriod: { start: '2026-01-01', end: '2026-01-31' }, language: 'nl', seller, buyer } as const

/** An invoice of January 2026; paid by transfer (14 days, its number as reference) unless told otherwise. */
export function invoiceFixture(overrides: Partial<Invoice> = {}): Invoice {
  const number = overrides.number ?? '2026-00001'
  const issueDate = overrides.issueDate ?? '2026-01-01'
  return { ...january, kind: 'invoice', number, issueDate, lines: [line(2100, 2500)], payment: transferPayment(seller, number, issueDate, 14), ...overrides }
}

export function creditNoteFixture(overrides: Partial<CreditNote> = {}): CreditNote {
  return {
    ...january,
    kind: 'credit-note',
    number: 'C2026-00001',
    issueDate: '2026-01-20',
    lines: [line(2100, 2500, 1, 'Correctie: Pakket Wijkpartner, januari 2026')],
    corrects: { number: '2026-00001', issueDate: '2026-01-01' },
    ...overrides,
  }
}

/** The cases every rendition is checked on: each rate, mixed rates, both payments, a credit note. */
export const documentCases: Array<[string, Invoice | CreditNote]> = [
  ['21 % by transfer', invoiceFixture()],
  ['9 % by transfer', invoiceFixture({ number: '2026-00002', lines: [line(900, 1250, 3, 'Uitgelicht op de wijkpagina, 3 maanden')] })],
  [
    '21 % and 9 % by direct debit',
    invoiceFixture({
      number: '2026-00003',
      lines: [line(2100, 4999, 1, 'Pakket Wijkpartner, kwartaal 1 2026'), line(900, 1995, 2, 'Uitgelicht <in de Etalage> & op de wijkpagina'), line(2100, 105, 3, 'Extra Etalage-items')],
      payment: directDebit,
    }),
  ],
  ['0 % (exempt) by transfer, a municipality', invoiceFixture({ number: '2026-00004', buyer: municipality, lines: [line(0, 12_000, 1, 'Ambassadeursbijdrage, jaar 2026')] })],
  ['21 % in English by direct debit', invoiceFixture({ number: '2026-00005', language: 'en', lines: [line(2100, 2500, 1, 'Wijkpartner package, January 2026')], payment: directDebit })],
  ['credit note', creditNoteFixture()],
  ['credit note with mixed rates, in English', creditNoteFixture({ number: 'C2026-00002', language: 'en', lines: [line(2100, 2500), line(900, 1250)] })],
]
