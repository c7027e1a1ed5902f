/**
 * The invoice or credit note as a PDF, made on the server with pdfkit: no browser, no network,
 * no system fonts (Helvetica is one of the PDF standard fonts, whose metrics pdfkit ships).
 * A4, one column of blocks: operator, customer and dates, the lines, VAT per rate, the total,
 * and how it is paid. Every label comes from the messages in the document's language.
 */
import { translator, type T } from '../../kernel/i18n/i18n.js'
import { invoiceTotals, printedDate, type InvoiceDocument, type InvoiceTotals } from './billing.invoice-document.js'
import { euro, ratePercent } from './billing.money.js'
import { winAnsi } from './billing.pdf.text.js'

const MARGIN = 56
const PAGE_WIDTH = 595.28
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const RIGHT_COLUMN = MARGIN + 270
const REGULAR = 'Helvetica'
const BOLD = 'Helvetica-Bold'
const MUTED = '#505050'
const RULE = '#b0b0b0'

type Pdf = PDFKit.PDFDocument

/** The PDF of an invoice or credit note. */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  // Loaded on the first invoice, not at start: the PDF library and its fonts are some megabytes
  // of memory that a server which never renders an invoice should not carry.
  const { default: PDFDocument } = await import('pdfkit')
  const totals = invoiceTotals(doc.lines)
  const t = translator(doc.language)
  const title = t(`billing.invoice.title.${doc.kind}`)
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: doc.language,
    displayTitle: true,
    // The issue date, not the moment of rendering: the same invoice gives the same document.
    info: { Title: winAnsi(t('billing.invoice.documentTitle', { kind: title, number: doc.number, seller: doc.seller.name })), Author: winAnsi(doc.seller.name), CreationDate: new Date(`${doc.issueDate}T12:00:00Z`) },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })

  operatorBlock(pdf, doc, t, title)
  const top = pdf.y + 24
  const leftEnd = customerBlock(pdf, doc, t, top)
  const rightEnd = datesBlock(pdf, doc, t, top)
  pdf.y = Math.max(leftEnd, rightEnd) + 28
  linesTable(pdf, doc, t, totals)
  totalsBlock(pdf, doc, t, totals)
  paymentBlock(pdf, doc, t, totals)
  pageFooters(pdf, t, `${title} ${doc.number}`)
  pdf.end()
  return finished
}

/** Spaces that do not break: a date or an account number stays on one line. */
function unbroken(text: string): string {
  return text.replace(/ /g, '\u00a0')
}

function write(pdf: Pdf, text: string, x: number, y: number | undefined, options: PDFKit.Mixins.TextOptions & { font?: string; size?: number; color?: string } = {}): void {
  const { font = REGULAR, size = 10, color = 'black', ...textOptions } = options
  pdf.font(font).fontSize(size).fillColor(color).text(winAnsi(text), x, y, textOptions)
}

function operatorBlock(pdf: Pdf, doc: InvoiceDocument, t: T, title: string): void {
  const s = doc.seller
  write(pdf, title, RIGHT_COLUMN, MARGIN, { font: BOLD, size: 22, width: PAGE_WIDTH - MARGIN - RIGHT_COLUMN, align: 'right' })
  write(pdf, s.name, MARGIN, MARGIN, { font: BOLD, size: 14, width: RIGHT_COLUMN - MARGIN - 12 })
  const lines = [
    s.street,
    `${s.postcode} ${s.city}${s.countryCode === 'NL' ? '' : `, ${s.countryCode}`}`,
    `${t('billing.invoice.kvk')}: ${s.kvk}`,
    `${t('billing.invoice.vatNumber')}: ${s.vatNumber}`,
    `${t('billing.invoice.email')}: ${s.email}`,
    `${t('billing.invoice.iban')}: ${s.iban} · ${t('billing.invoice.bic')}: ${s.bic}`,
  ]
  write(pdf, lines.join('\n'), MARGIN, pdf.y + 4, { size: 9, color: MUTED, width: RIGHT_COLUMN - MARGIN - 12, lineGap: 1.5 })
}

/** The customer, as the address of a window envelope would read it. Returns where it ends. */
function customerBlock(pdf: Pdf, doc: InvoiceDocument, t: T, top: number): number {
  const b = doc.buyer
  const width = RIGHT_COLUMN - MARGIN - 24
  write(pdf, t('billing.invoice.to'), MARGIN, top, { size: 9, color: MUTED })
  write(pdf, b.organisationName, MARGIN, pdf.y + 2, { font: BOLD, size: 11, width })
  const address = [
    t('billing.invoice.attention', { name: b.contactName }),
    `${b.street} ${b.houseNumber}`.trim(),
    `${b.postcode} ${b.place}${b.countryCode === 'NL' ? '' : `, ${b.countryCode}`}`,
  ]
  write(pdf, address.join('\n'), MARGIN, pdf.y + 1, { width, lineGap: 1.5 })
  const identifiers = [
    b.kvk ? `${t('billing.invoice.kvk')}: ${b.kvk}` : null,
    b.vatNumber ? `${t('billing.invoice.vatNumber')}: ${b.vatNumber}` : null,
    b.reference ? `${t('billing.invoice.yourReference')}: ${b.reference}` : null,
  ].filter((l): l is string => l !== null)
  if (identifiers.length > 0) write(pdf, identifiers.join('\n'), MARGIN, pdf.y + 6, { size: 9, color: MUTED, width, lineGap: 1.5 })
  return pdf.y
}

/** Number, dates and supply period, as label and value pairs. Returns where it ends. */
function datesBlock(pdf: Pdf, doc: InvoiceDocument, t: T, top: number): number {
  const date = (d: string) => unbroken(printedDate(d, doc.language))
  const rows: Array<[string, string]> = [
    [t(`billing.invoice.number.${doc.kind}`), doc.number],
    [t(`billing.invoice.issueDate.${doc.kind}`), date(doc.issueDate)],
    [t('billing.invoice.supplyPeriod'), t('billing.invoice.periodRange', { start: date(doc.supplyPeriod.start), end: date(doc.supplyPeriod.end) })],
  ]
  if (doc.kind === 'credit-note') rows.push([t('billing.invoice.corrects'), `${doc.corrects.number} (${date(doc.corrects.issueDate)})`])
  else if (doc.payment.method === 'transfer') rows.push([t('billing.invoice.dueDate'), date(doc.payment.dueDate)])
  else rows.push([t('billing.invoice.collectionDate'), date(doc.payment.collectionDate)])
  return labelledRows(pdf, rows, RIGHT_COLUMN, top, 92)
}

function labelledRows(pdf: Pdf, rows: Array<[string, string]>, x: number, top: number, labelWidth: number): number {
  const valueX = x + labelWidth + 6
  const valueWidth = PAGE_WIDTH - MARGIN - valueX
  let y = top
  for (const [label, value] of rows) {
    write(pdf, label, x, y, { size: 9, color: MUTED, width: labelWidth })
    const labelEnd = pdf.y
    write(pdf, value, valueX, y, { width: valueWidth })
    y = Math.max(labelEnd, pdf.y) + 3
  }
  return y
}

/** Description, quantity, unit price, rate and amount, all excluding VAT. */
const COLUMNS = [
  { key: 'description', width: CONTENT_WIDTH - 250, align: 'left' },
  { key: 'quantity', width: 45, align: 'right' },
  { key: 'unitPrice', width: 75, align: 'right' },
  { key: 'vatRate', width: 45, align: 'right' },
  { key: 'amount', width: 85, align: 'right' },
] as const

/** One row of the lines table; on a new page the column heads come first again. */
function tableRow(pdf: Pdf, cells: readonly string[], font: string, heads?: readonly string[]): void {
  const widths = COLUMNS.map((c, i) => pdf.font(font).fontSize(10).heightOfString(winAnsi(cells[i]!), { width: c.width }))
  if (pdf.y + Math.max(...widths) > pdf.page.height - MARGIN - 20) {
    pdf.addPage()
    if (heads) {
      tableRow(pdf, heads, BOLD)
      rule(pdf)
    }
  }
  const y = pdf.y
  let x = MARGIN
  COLUMNS.forEach((column, i) => {
    write(pdf, cells[i]!, x, y, { font, width: column.width, align: column.align })
    x += column.width
  })
  pdf.y = y + Math.max(...widths) + 5
}

function rule(pdf: Pdf, x = MARGIN, width = CONTENT_WIDTH): void {
  pdf.moveTo(x, pdf.y).lineTo(x + width, pdf.y).lineWidth(0.6).strokeColor(RULE).stroke()
  pdf.y += 5
}

function linesTable(pdf: Pdf, doc: InvoiceDocument, t: T, totals: InvoiceTotals): void {
  const lang = doc.language
  const heads = COLUMNS.map((c) => t(`billing.invoice.col.${c.key}`))
  tableRow(pdf, heads, BOLD)
  rule(pdf)
  for (const line of totals.lines) {
    tableRow(pdf, [line.description, String(line.quantity), euro(line.unitPriceCents, lang), ratePercent(line.vatRateBasisPoints, lang), euro(line.lineTotalCents, lang)], REGULAR, heads)
  }
  rule(pdf)
}

/** Total excluding VAT, the VAT of each rate on that rate's total, and the total including VAT. */
function totalsBlock(pdf: Pdf, doc: InvoiceDocument, t: T, totals: InvoiceTotals): void {
  const lang = doc.language
  const rows: Array<[string, string]> = [[t('billing.invoice.totalExcl'), euro(totals.totalExclVatCents, lang)]]
  for (const s of totals.vatBreakdown) {
    const over = euro(s.taxableCents, lang)
    const label = s.vatRateBasisPoints === 0 ? t('billing.invoice.vatExemptOver', { amount: over }) : t('billing.invoice.vatOver', { rate: ratePercent(s.vatRateBasisPoints, lang), amount: over })
    rows.push([label, euro(s.vatCents, lang)])
  }
  const labelX = MARGIN + CONTENT_WIDTH - 330
  if (pdf.y + rows.length * 16 + 30 > pdf.page.height - MARGIN - 20) pdf.addPage()
  for (const [label, value] of rows) totalRow(pdf, label, value, labelX, REGULAR)
  rule(pdf, labelX, 330)
  totalRow(pdf, t(`billing.invoice.totalIncl.${doc.kind}`), euro(totals.totalInclVatCents, lang), labelX, BOLD)
}

function totalRow(pdf: Pdf, label: string, value: string, labelX: number, font: string): void {
  const y = pdf.y
  write(pdf, label, labelX, y, { font, width: 240 })
  write(pdf, value, labelX + 240, y, { font, width: 90, align: 'right' })
  pdf.y += 3
}

/** How the amount is paid: a transfer, the direct debit's pre-notification, or a credit's settlement. */
function paymentBlock(pdf: Pdf, doc: InvoiceDocument, t: T, totals: InvoiceTotals): void {
  const lang = doc.language
  const amount = euro(totals.totalInclVatCents, lang)
  // Keep the block whole: the direct debit's details take about twice the room of a transfer's line.
  const room = doc.kind === 'invoice' && doc.payment.method === 'direct-debit' ? 130 : 75
  if (pdf.y + room > pdf.page.height - MARGIN - 20) pdf.addPage()
  else pdf.y += 22
  write(pdf, t('billing.invoice.payment'), MARGIN, pdf.y, { font: BOLD, size: 11 })
  const paragraph = { width: CONTENT_WIDTH, lineGap: 2 }
  if (doc.kind === 'credit-note') {
    write(pdf, t('billing.invoice.creditNoteOf', { number: doc.corrects.number, date: printedDate(doc.corrects.issueDate, lang) }), MARGIN, pdf.y + 4, paragraph)
    write(pdf, t('billing.invoice.creditSettlement'), MARGIN, pdf.y + 2, paragraph)
    return
  }
  const p = doc.payment
  if (p.method === 'transfer') {
    const text = t('billing.invoice.transfer', { amount, date: printedDate(p.dueDate, lang), iban: p.iban, bic: p.bic, seller: doc.seller.name, reference: p.reference })
    write(pdf, text, MARGIN, pdf.y + 4, paragraph)
    return
  }
  write(pdf, t('billing.invoice.directDebit', { amount, date: printedDate(p.collectionDate, lang), iban: unbroken(p.debtorIbanMasked) }), MARGIN, pdf.y + 4, paragraph)
  labelledRows(
    pdf,
    [
      [t('billing.invoice.mandateReference'), p.mandateReference],
      [t('billing.invoice.creditorId'), p.creditorId],
      [t('billing.invoice.collectionDate'), printedDate(p.collectionDate, lang)],
    ],
    MARGIN,
    pdf.y + 8,
    165,
  )
}

/** "Factuur 2026-00001 · Pagina 1 van 2" at the foot of every page, once the page count is known. */
function pageFooters(pdf: Pdf, t: T, label: string): void {
  const range = pdf.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i)
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    const text = `${label} · ${t('billing.invoice.page', { page: i + 1, pages: range.count })}`
    write(pdf, text, MARGIN, pdf.page.height - MARGIN + 16, { size: 8, color: MUTED, width: CONTENT_WIDTH, align: 'center' })
    pdf.page.margins.bottom = bottom
  }
}
