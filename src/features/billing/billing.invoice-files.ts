/**
 * An issued invoice or credit note as its two files, the PDF and the UBL e-invoice, made from the
 * ledger alone: seller, customer, lines and payment are all stored on the invoice when it is
 * issued, so a download in five years shows exactly what was sent, whatever changed since.
 */
import type { InvoiceDocument, InvoiceFormat, InvoiceLine, InvoicePayment } from './billing.invoice-document.js'
import { renderInvoicePdf } from './billing.pdf.js'
import { renderUbl } from './billing.ubl.js'
import type { invoiceLines, invoices } from './billing.ledger.tables.js'

type InvoiceRow = typeof invoices.$inferSelect
type LineRow = typeof invoiceLines.$inferSelect

/** The document the renderers take, from the ledger's row, its lines and (credit notes) the corrected invoice. */
export function ledgerDocument(row: InvoiceRow, lines: readonly LineRow[], corrects: Pick<InvoiceRow, 'number' | 'issuedOn'> | null): InvoiceDocument {
  const c = row.customer
  const { creditorId, ...seller } = row.seller
  const common = {
    number: row.number,
    issueDate: row.issuedOn,
    supplyPeriod: { start: row.periodStart, end: row.periodEnd },
    language: row.lang,
    seller,
    buyer: {
      organisationName: c.organisation,
      street: c.street,
      houseNumber: c.houseNumber,
      postcode: c.postcode,
      place: c.place,
      countryCode: c.country,
      kvk: c.kvk ?? null,
      vatNumber: c.vatNumber ?? null,
      billingEmail: c.email,
      contactName: c.contactName,
    },
    lines: lines.map((l): InvoiceLine => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, vatRateBasisPoints: l.vatRate })),
  }
  if (row.kind === 'credit-note') {
    if (!corrects) throw new Error(`credit note ${row.number} without the invoice it corrects`)
    return { ...common, kind: 'credit-note', corrects: { number: corrects.number, issueDate: corrects.issuedOn } }
  }
  const payment: InvoicePayment =
    row.paymentMethod === 'direct-debit'
      ? { method: 'direct-debit', mandateReference: row.mandateReference!, creditorId, debtorIbanMasked: row.debtorIbanMasked ?? '', collectionDate: row.collectionOn ?? row.dueOn }
      : { method: 'transfer', iban: seller.iban, bic: seller.bic, reference: row.number, dueDate: row.dueOn }
  return { ...common, kind: 'invoice', payment }
}

export interface InvoiceFiles {
  pdf: { filename: string; content: Buffer }
  ubl: { filename: string; content: Buffer }
}

/** "factuur-2026-00001.pdf" / "creditnota-C2026-00001.xml" (English: invoice-…, credit-note-…). */
function baseName(doc: InvoiceDocument): string {
  const word = doc.kind === 'credit-note' ? (doc.language === 'nl' ? 'creditnota' : 'credit-note') : doc.language === 'nl' ? 'factuur' : 'invoice'
  return `${word}-${doc.number}`
}

/** One rendition, as a file. */
export async function invoiceFile(doc: InvoiceDocument, format: InvoiceFormat): Promise<{ filename: string; content: Buffer }> {
  const name = baseName(doc)
  return format === 'pdf' ? { filename: `${name}.pdf`, content: await renderInvoicePdf(doc) } : { filename: `${name}.xml`, content: Buffer.from(renderUbl(doc), 'utf8') }
}

export async function invoiceFiles(doc: InvoiceDocument): Promise<InvoiceFiles> {
  return { pdf: await invoiceFile(doc, 'pdf'), ubl: await invoiceFile(doc, 'ubl') }
}
