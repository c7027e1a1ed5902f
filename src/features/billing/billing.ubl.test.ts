/**
 * The e-invoice against the real standards (test/ubl-validation.ts): the UBL 2.1 XSD, the
 * EN 16931 rules and the Peppol BIS 3 rules with the Dutch NL-R-001…009, for every invoice and
 * credit note case; and each applicable Dutch rule shown to bite when our output breaks it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import { renderUbl } from './billing.ubl.js'
import { blockingFailures, compileSchematron, failedAsserts, officialExample, xsdErrors, type CompiledRules } from '../../../test/ubl-validation.js'
import { buyer, creditNoteFixture, directDebit, documentCases, invoiceFixture, line, municipality } from '../../../test/invoice-documents.js'

let en16931: CompiledRules
let peppol: CompiledRules

beforeAll(async () => {
  en16931 = await compileSchematron('en16931')
  peppol = await compileSchematron('peppol')
}, 60_000)

/** Text of every element with this qualified name, in document order. */
function texts(xml: string, qualifiedName: string): string[] {
  // xmlbuilder2 parses into a standard DOM; the project's types leave the DOM out, so name the one method used.
  const root = create(xml).root().node as unknown as { getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }> }
  return Array.from(root.getElementsByTagName(qualifiedName), (e) => e.textContent ?? '')
}

function ids(failures: Array<{ id: string }>): string[] {
  return failures.map((f) => f.id)
}

// Each schematron run takes seconds (several on a busy machine): these tests get minutes, not 30 s.
const SLOW = { timeout: 180_000 }

describe('the validation helper', SLOW, () => {
  it.each(['base-example.xml', 'base-creditnote-correction.xml', 'vat-category-E.xml'] as const)('passes the official Peppol example %s, so a pass of ours means something', async (name) => {
    const xml = officialExample(name)
    expect(await xsdErrors(xml)).toEqual([])
    expect(blockingFailures(en16931, xml)).toEqual([])
    expect(blockingFailures(peppol, xml)).toEqual([])
  })

  it('fails the official example once it is broken: a foreign element, a wrong tax amount', async () => {
    const xml = officialExample('base-example.xml')
    const misplaced = xml.replace('<cbc:IssueDate>', '<cbc:Colour>red</cbc:Colour><cbc:IssueDate>')
    expect((await xsdErrors(misplaced)).join('\n')).toMatch(/Colour.*not expected/)
    const wrongTax = xml.replace(/(<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="EUR">)[\d.]+/, '$1999.99')
    expect(ids(blockingFailures(en16931, wrongTax))).toEqual(expect.arrayContaining(['BR-CO-14', 'BR-CO-15']))
  })

  it('runs the Dutch rules of the Peppol file, and its rules on line and allowance amounts', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(peppol.ids.has(`NL-R-00${n}`)).toBe(true)
    expect(peppol.ids.has('PEPPOL-EN16931-R120')).toBe(true)
    expect(peppol.ids.has('PEPPOL-EN16931-R040')).toBe(true)
  })
})

describe('every invoice and credit note case', SLOW, () => {
  it.each(documentCases)('%s: valid UBL 2.1, EN 16931 and Peppol BIS 3 with the Dutch rules, no warnings', async (_name, doc) => {
    const xml = renderUbl(doc)
    expect(await xsdErrors(xml)).toEqual([])
    expect(failedAsserts(en16931, xml)).toEqual([])
    expect(failedAsserts(peppol, xml)).toEqual([])
    expect(texts(xml, 'cbc:ID')[0]).toBe(doc.number)
  })

  it('writes the totals with VAT per rate on the total of that rate', () => {
    // 3 × € 1,05 and € 49,99 at 21 %, 2 × € 19,95 at 9 %.
    const xml = renderUbl(documentCases[2]![1])
    expect(texts(xml, 'cbc:TaxableAmount')).toEqual(['53.14', '39.90'])
    expect(texts(xml, 'cbc:TaxAmount')).toEqual(['14.75', '11.16', '3.59'])
    expect(texts(xml, 'cbc:PayableAmount')).toEqual(['107.79'])
  })

  it('escapes what people type, so a name with & and < stays one text', () => {
    const xml = renderUbl(invoiceFixture({ buyer: { ...buyer, organisationName: 'A & B <Stichting>' }, lines: [line(2100, 100, 1, '"Quotes" & <tags>')] }))
    expect(texts(xml, 'cbc:RegistrationName')).toContain('A & B <Stichting>')
    expect(texts(xml, 'cbc:Name')).toContain('"Quotes" & <tags>')
  })

  it('leaves out characters XML cannot hold, so a stray control character typed into a name still gives a valid file', async () => {
    const xml = renderUbl(invoiceFixture({ buyer: { ...buyer, organisationName: 'De\u0001 Linde\uFFFE' } }))
    expect(texts(xml, 'cbc:RegistrationName')).toContain('De Linde')
    expect(await xsdErrors(xml)).toEqual([])
  })

  it('makes a CreditNote with credited quantities and no payment asked, and an Invoice otherwise', () => {
    const credit = renderUbl(creditNoteFixture())
    expect(credit).toMatch(/<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/)
    expect(texts(credit, 'cbc:CreditNoteTypeCode')).toEqual(['381'])
    expect(texts(credit, 'cbc:CreditedQuantity')).toEqual(['1'])
    expect(texts(credit, 'cbc:PaymentMeansCode')).toEqual([])
    expect(texts(renderUbl(invoiceFixture()), 'cbc:InvoiceTypeCode')).toEqual(['380'])
  })

  it('states an exemption for 0 % (category E with its reason) and S for 21 % and 9 %', () => {
    const exempt = renderUbl(documentCases[3]![1])
    expect(texts(exempt, 'cbc:TaxExemptionReason')).toEqual(['Vrijgesteld van btw'])
    expect(new Set(texts(exempt, 'cbc:ID').filter((id) => /^[SEZ]$/.test(id)))).toEqual(new Set(['E']))
    expect(new Set(texts(renderUbl(documentCases[2]![1]), 'cbc:ID').filter((id) => /^[SEZ]$/.test(id)))).toEqual(new Set(['S']))
  })

  it('puts the buyer reference first, the contact person otherwise (PEPPOL-EN16931-R003)', () => {
    expect(texts(renderUbl(invoiceFixture({ buyer: municipality })), 'cbc:BuyerReference')).toEqual(['PO-2026-0118'])
    expect(texts(renderUbl(invoiceFixture()), 'cbc:BuyerReference')).toEqual([buyer.contactName])
  })

  it('names the direct debit: code 59, the mandate and the Incassant-ID, never an IBAN of the debtor', () => {
    const xml = renderUbl(invoiceFixture({ payment: directDebit }))
    expect(texts(xml, 'cbc:PaymentMeansCode')).toEqual(['59'])
    expect(texts(xml, 'cbc:ID')).toEqual(expect.arrayContaining([directDebit.mandateReference, directDebit.creditorId]))
    expect(xml).not.toContain('PayerFinancialAccount')
    expect(xml).not.toContain('••')
  })

  it('leaves the Peppol address out for a buyer without KvK or VAT number, and says what that costs', async () => {
    const xml = renderUbl(invoiceFixture({ buyer: { ...buyer, kvk: null, vatNumber: null } }))
    expect(await xsdErrors(xml)).toEqual([])
    expect(failedAsserts(en16931, xml)).toEqual([])
    // The Dutch rules still hold; only the network address, which such a buyer has none of, is missing.
    expect(ids(blockingFailures(peppol, xml))).toEqual(['PEPPOL-EN16931-R010'])
    expect(texts(renderUbl(invoiceFixture({ buyer: { ...buyer, kvk: null } })), 'cbc:EndpointID')[1]).toBe(buyer.vatNumber)
  })
})

describe('a wrong total is caught (can-fail)', SLOW, () => {
  it('reports BR-CO-15 when the total including VAT is not the total excluding VAT plus the VAT', () => {
    const xml = renderUbl(documentCases[2]![1]).replace('<cbc:TaxInclusiveAmount currencyID="EUR">107.79<', '<cbc:TaxInclusiveAmount currencyID="EUR">107.80<')
    expect(ids(blockingFailures(en16931, xml))).toContain('BR-CO-15')
  })

  it('reports PEPPOL-EN16931-R120 when a line amount is not its quantity times its price', () => {
    const xml = renderUbl(documentCases[2]![1]).replace('<cbc:PriceAmount currencyID="EUR">1.05<', '<cbc:PriceAmount currencyID="EUR">1.06<')
    expect(ids(blockingFailures(peppol, xml))).toContain('PEPPOL-EN16931-R120')
  })

  it('reports BR-CO-10 when a line amount does not add up to the sum of lines', () => {
    const xml = renderUbl(documentCases[2]![1]).replace('<cbc:LineExtensionAmount currencyID="EUR">3.15<', '<cbc:LineExtensionAmount currencyID="EUR">3.16<')
    expect(ids(blockingFailures(en16931, xml))).toContain('BR-CO-10')
  })
})
