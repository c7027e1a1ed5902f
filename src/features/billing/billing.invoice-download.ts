/**
 * An invoice or credit note from the ledger as a download, for its customer (Mijn pakket) and for
 * the platform admin (the finance pages): rendered from what the ledger stored when it was issued,
 * so it is the same document that was mailed, however long ago.
 */
import type { AppContext } from '../../kernel/context.js'
import { downloadHeaders } from '../../kernel/http/download.js'
import type { LedgerEntry } from './billing.finance.queries.js'
import { INVOICE_CONTENT_TYPES, type InvoiceFormat } from './billing.invoice-document.js'
import { invoiceFile, ledgerDocument } from './billing.invoice-files.js'

export async function invoiceDownload(c: AppContext, entry: LedgerEntry, format: InvoiceFormat): Promise<Response> {
  const file = await invoiceFile(ledgerDocument(entry.invoice, entry.lines, entry.corrects), format)
  return c.body(new Uint8Array(file.content), 200, downloadHeaders(file.filename, INVOICE_CONTENT_TYPES[format]))
}

/** The route parameter both download routes share: /…/:id/pdf or /…/:id/ubl. */
export const FORMAT_PARAM = ':format{pdf|ubl}'
