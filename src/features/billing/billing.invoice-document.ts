/**
 * One invoice or credit note as it is printed (PDF) and sent (UBL): everything art. 35a Wet OB
 * asks for, and nothing the renderers have to look up. The issuing job builds it from the
 * subscription and the configuration once, when the number is assigned; both renditions are
 * made from the same value, so the PDF and the e-invoice can never tell different stories.
 *
 * Amounts are integer euro cents excluding VAT, rates basis points (2100 = 21 %), dates calendar
 * dates ("2026-01-31"). A credit note carries the positive amounts it credits, as a UBL
 * CreditNote does; that it is a credit is said by its kind, not by a sign.
 */
import { formatDate, type Lang } from '../../kernel/i18n/i18n.js'
import { vatOf } from './billing.money.js'
import { addDays } from './billing.dates.js'
import type { BillingOperator } from '../../config/billing.js'

/** A calendar date, "YYYY-MM-DD": an invoice date has no time of day or time zone. */
export type CalendarDate = string

/**
 * The operator that sends the invoice: config.billing.operator, whose Incassant-ID travels in
 * the direct-debit payment rather than with the seller.
 */
export type InvoiceSeller = Omit<BillingOperator, 'creditorId'>

/** The organisation that pays, as it gave its billing details when applying for a package. */
export interface InvoiceBuyer {
  organisationName: string
  street: string
  houseNumber: string
  postcode: string
  place: string
  countryCode: string
  kvk: string | null
  vatNumber: string | null
  billingEmail: string
  /** The contact person, printed "t.a.v." and used as the buyer reference of the e-invoice. */
  contactName: string
  /** A purchase-order or reference the buyer asked to quote (many public bodies do); optional. */
  reference?: string | null
}

export interface InvoiceLine {
  description: string
  /** Whole units: periods or items. */
  quantity: number
  unitPriceCents: number
  vatRateBasisPoints: number
}

/** Pay by bank transfer to the operator before the due date, quoting the invoice number. */
export interface TransferPayment {
  method: 'transfer'
  iban: string
  bic: string
  /** The invoice number, so the bookkeeper can match the payment. */
  reference: string
  dueDate: CalendarDate
}

/** Collected by SEPA direct debit; the invoice is the pre-notification of the collection. */
export interface DirectDebitPayment {
  method: 'direct-debit'
  mandateReference: string
  /** The operator's Incassant-ID (SEPA creditor identifier). */
  creditorId: string
  /** Only ever masked ("NL•• •••• •••• ••34 56"): a printed invoice travels (P09). */
  debtorIbanMasked: string
  collectionDate: CalendarDate
}

export type InvoicePayment = TransferPayment | DirectDebitPayment

interface DocumentCommon {
  /** "2026-00001"; a credit note "C2026-00001". */
  number: string
  issueDate: CalendarDate
  /** The period the package was supplied over (art. 35a: the date of the supply). */
  supplyPeriod: { start: CalendarDate; end: CalendarDate }
  language: Lang
  seller: InvoiceSeller
  buyer: InvoiceBuyer
  lines: InvoiceLine[]
}

export interface Invoice extends DocumentCommon {
  kind: 'invoice'
  payment: InvoicePayment
}

/** A correction of an issued invoice, in its own number series; nothing is paid by the buyer. */
export interface CreditNote extends DocumentCommon {
  kind: 'credit-note'
  corrects: { number: string; issueDate: CalendarDate }
}

export type InvoiceDocument = Invoice | CreditNote

/**
 * When an invoice's amount is due: the transfer's due date, or the day it is collected. Kept in
 * the payment alone, so the two cannot disagree.
 */
export function dueDateOf(invoice: Invoice): CalendarDate {
  return invoice.payment.method === 'transfer' ? invoice.payment.dueDate : invoice.payment.collectionDate
}

/**
 * Payment by bank transfer to the operator's account, due the configured number of days after
 * the invoice date, with the invoice number as the payment reference.
 * @example transferPayment(config.billing.operator, '2026-00001', '2026-01-01', config.billing.paymentTermDays)
 */
export function transferPayment(operator: Pick<InvoiceSeller, 'iban' | 'bic'>, number: string, issueDate: CalendarDate, termDays: number): TransferPayment {
  return { method: 'transfer', iban: operator.iban, bic: operator.bic, reference: number, dueDate: addDays(issueDate, termDays) }
}

export interface PricedLine extends InvoiceLine {
  lineTotalCents: number
}

/** One row of the VAT breakdown: the lines at one rate, and the VAT on their sum. */
export interface VatSubtotal {
  vatRateBasisPoints: number
  taxableCents: number
  vatCents: number
}

export interface InvoiceTotals {
  lines: PricedLine[]
  /** Highest rate first, as invoices usually print them. */
  vatBreakdown: VatSubtotal[]
  totalExclVatCents: number
  totalVatCents: number
  totalInclVatCents: number
}

/**
 * Line totals, VAT per rate and the totals. The VAT of a rate is computed on the sum of that
 * rate's lines, not per line and added up: that is what EN 16931 (BR-CO-17) checks and what the
 * Belastingdienst expects, and it can differ by a cent or more from rounding every line.
 */
export function invoiceTotals(lines: readonly InvoiceLine[]): InvoiceTotals {
  if (lines.length === 0) throw new RangeError('an invoice has at least one line')
  const priced = lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError('quantity must be a whole number above 0')
    if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) throw new RangeError('unit price must be whole, non-negative cents')
    if (!Number.isSafeInteger(line.vatRateBasisPoints) || line.vatRateBasisPoints < 0) throw new RangeError('VAT rate must be whole basis points')
    return { ...line, lineTotalCents: line.quantity * line.unitPriceCents }
  })
  const taxablePerRate = new Map<number, number>()
  for (const line of priced) {
    taxablePerRate.set(line.vatRateBasisPoints, (taxablePerRate.get(line.vatRateBasisPoints) ?? 0) + line.lineTotalCents)
  }
  const vatBreakdown = [...taxablePerRate]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBasisPoints, taxableCents]) => ({ vatRateBasisPoints, taxableCents, vatCents: vatOf(taxableCents, vatRateBasisPoints) }))
  const totalExclVatCents = sum(priced.map((l) => l.lineTotalCents))
  const totalVatCents = sum(vatBreakdown.map((s) => s.vatCents))
  return { lines: priced, vatBreakdown, totalExclVatCents, totalVatCents, totalInclVatCents: totalExclVatCents + totalVatCents }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** A calendar date as the documents print it: "31 januari 2026", "31 January 2026". */
export function printedDate(date: CalendarDate, lang: Lang): string {
  // Noon UTC is the same calendar day in Europe/Amsterdam, the zone formatDate writes in.
  return formatDate(new Date(`${date}T12:00:00Z`), lang)
}

/** The two renditions a customer or admin can download. */
export const INVOICE_FORMATS = ['pdf', 'ubl'] as const
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number]

export const INVOICE_CONTENT_TYPES: Record<InvoiceFormat, string> = { pdf: 'application/pdf', ubl: 'application/xml' }
