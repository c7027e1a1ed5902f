/**
 * The PDF read back with a real PDF text extractor (unpdf, Mozilla's pdf.js): every field art.
 * 35a Wet OB asks must be in the text, in Dutch and in English, for each case.
 */
import { describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { renderInvoicePdf } from './billing.pdf.js'
import { winAnsi } from './billing.pdf.text.js'
import { invoiceTotals, printedDate, type InvoiceDocument } from './billing.invoice-document.js'
import { euro, ratePercent } from './billing.money.js'
import { buyer, creditNoteFixture, directDebit, documentCases, invoiceFixture, line, seller } from '../../../test/invoice-documents.js'

async function pdfText(doc: InvoiceDocument): Promise<{ text: string; pages: number; bytes: Buffer }> {
  const bytes = await renderInvoicePdf(doc)
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { text, totalPages } = await extractText(pdf, { mergePages: true })
  // Lines may wrap anywhere a space allows; compare on single spaces.
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, bytes }
}

const spaced = (s: string) => s.replace(/\s+/g, ' ')

/** What art. 35a asks on every invoice and credit note, as this document should print it. */
function mandatoryFields(doc: InvoiceDocument): string[] {
  const lang = doc.language
  const totals = invoiceTotals(doc.lines)
  const fields = [
    seller.name,
    seller.street,
    `${seller.postcode} ${seller.city}`,
    seller.kvk,
    seller.vatNumber,
    doc.buyer.organisationName,
    `${doc.buyer.street} ${doc.buyer.houseNumber}`,
    `${doc.buyer.postcode} ${doc.buyer.place}`,
    doc.number,
    printedDate(doc.issueDate, lang),
    printedDate(doc.supplyPeriod.start, lang),
    printedDate(doc.supplyPeriod.end, lang),
    ...totals.lines.flatMap((l) => [l.description, euro(l.lineTotalCents, lang), ratePercent(l.vatRateBasisPoints, lang)]),
    ...totals.vatBreakdown.flatMap((s) => [euro(s.taxableCents, lang), euro(s.vatCents, lang)]),
    euro(totals.totalExclVatCents, lang),
    euro(totals.totalInclVatCents, lang),
  ]
  if (doc.kind === 'credit-note') fields.push(doc.corrects.number)
  else if (doc.payment.method === 'direct-debit') fields.push(doc.payment.mandateReference, doc.payment.creditorId, printedDate(doc.payment.collectionDate, lang), doc.payment.debtorIbanMasked)
  else fields.push(doc.payment.iban, doc.payment.bic, printedDate(doc.payment.dueDate, lang))
  return fields.map(spaced)
}

const labels = {
  nl: ['KvK-nummer', 'Btw-nummer', 'Leveringsperiode', 'Omschrijving', 'Bedrag excl. btw', 'Totaal exclusief btw', 'inclusief btw'],
  en: ['Chamber of Commerce (KvK) no.', 'VAT no.', 'Supply period', 'Description', 'Amount excl. VAT', 'Total excluding VAT', 'including VAT'],
}

describe('the invoice PDF', () => {
  it.each(documentCases)('%s: holds every mandatory field, labelled in its language', async (_name, doc) => {
    const { text, pages } = await pdfText(doc)
    expect(pages).toBe(1)
    for (const field of mandatoryFields(doc)) expect(text, field).toContain(field)
    const other = doc.language === 'nl' ? 'en' : 'nl'
    for (const label of labels[doc.language]) expect(text, label).toContain(label)
    for (const label of labels[other]) expect(text, label).not.toContain(label)
  })

  it('prints the VAT per rate with its basis, and the total to pay, in Dutch', async () => {
    const { text } = await pdfText(documentCases[2]![1])
    expect(text).toContain(spaced('Btw 21 % over € 53,14 € 11,16'))
    expect(text).toContain(spaced('Btw 9 % over € 39,90 € 3,59'))
    expect(text).toContain(spaced('Totaal inclusief btw € 107,79'))
  })

  it('says for a direct debit that this is the pre-notification, with mandate, Incassant-ID and collection date', async () => {
    const { text } = await pdfText(invoiceFixture({ payment: directDebit, language: 'en' }))
    expect(text).toContain('This is the pre-notification of the direct debit')
    expect(text).toContain(`Mandate reference ${directDebit.mandateReference}`)
    expect(text).toContain(`Creditor identifier (Incassant-ID) ${directDebit.creditorId}`)
    expect(text).toContain('Collection date 12 January 2026')
    expect(text).toContain(spaced(directDebit.debtorIbanMasked))
  })

  it('tells a transfer where, when and with which reference to pay', async () => {
    const { text } = await pdfText(invoiceFixture())
    expect(text).toContain(spaced(`Maak € 30,25 vóór 15 januari 2026 over naar ${seller.iban} (BIC ${seller.bic}) ten name van ${seller.name}, onder vermelding van 2026-00001.`))
  })

  it('names on a credit note the invoice it corrects and the amount credited', async () => {
    const { text } = await pdfText(creditNoteFixture())
    expect(text).toContain('Creditnota')
    expect(text).toContain('Deze creditnota corrigeert factuur 2026-00001 van 1 januari 2026.')
    expect(text).toContain(spaced('Totaal te crediteren, inclusief btw € 30,25'))
    expect(text).not.toContain('over naar')
  })

  it('continues a long invoice on a next page, numbering every page', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(2100, 100 + i, 1, `Etalage-item ${i + 1}`))
    const { text, pages } = await pdfText(invoiceFixture({ lines }))
    expect(pages).toBeGreaterThan(1)
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Etalage-item ${i} `)
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Factuur 2026-00001 · Pagina ${page} van ${pages}`)
    // The column heads are repeated above the lines on every page that has lines.
    expect(text.split('Omschrijving Aantal Prijs excl. btw').length - 1).toBeGreaterThan(1)
    expect(text).toContain(euro(invoiceTotals(lines).totalInclVatCents, 'nl').replace(/\s/g, ' '))
  })

  it('gives the same bytes for the same invoice whenever it is made, so a PDF made again is the one issued', async () => {
    const first = await renderInvoicePdf(invoiceFixture())
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const again = await renderInvoicePdf(invoiceFixture())
    expect(again.equals(first)).toBe(true)
    expect(again.equals(await renderInvoicePdf(invoiceFixture({ number: '2026-00002' })))).toBe(false)
  })

  it('needs no font file: it uses the standard Helvetica and embeds nothing', async () => {
    const { bytes } = await pdfText(invoiceFixture())
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/Helvetica\b/)
    expect(raw).not.toMatch(/\/FontFile/)
    expect(raw.startsWith('%PDF-')).toBe(true)
  })

  it('keeps a name readable that the standard font cannot show letter for letter', async () => {
    const { text } = await pdfText(invoiceFixture({ buyer: { ...buyer, contactName: 'Ayşe Yılmaz', organisationName: 'Łódź Café „Ωmega”' } }))
    expect(text).toContain('t.a.v. Ayse Yilmaz')
    expect(text).toContain('Lódz Café „?mega”')
  })
})

describe('winAnsi', () => {
  it('keeps what Helvetica in a PDF can show and folds or replaces the rest', () => {
    expect(winAnsi('€ 12,50 – “zó” • café')).toBe('€ 12,50 – “zó” • café')
    expect(winAnsi('Şükrü Ğ ı ł')).toBe('Sükrü G i l')
    expect(winAnsi('日本\t\u202fx\r\ny')).toBe('??  x\ny')
  })
})
