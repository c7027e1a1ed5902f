/**
 * The Dutch national rules NL-R-001…009 (PEPPOL-EN16931-UBL.sch, also required by NLCIUS /
 * SI-UBL 2.0), one by one, as their XPath reads. Each applicable rule: our output has what the
 * assertion tests, and the same output with exactly that part broken fails on that rule id, so
 * the rule is known to run on our documents (its context matched) and not merely to be absent.
 * The whole Peppol file runs on every case in billing.ubl.test.ts; here only the Dutch pattern.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { renderUbl } from './billing.ubl.js'
import { blockingFailures, compileSchematron, type CompiledRules } from '../../../test/ubl-validation.js'
import { buyer, creditNoteFixture, directDebit, documentCases, invoiceFixture } from '../../../test/invoice-documents.js'

let dutchRules: CompiledRules

beforeAll(async () => {
  dutchRules = await compileSchematron('peppol-nl')
}, 60_000)

function failingIds(xml: string): string[] {
  return blockingFailures(dutchRules, xml).map((f) => f.id)
}

/** The XML of one party, to break that party's part only. */
function part(xml: string, element: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty'): string {
  const start = xml.indexOf(`<${element}>`)
  const end = xml.indexOf(`</${element}>`) + element.length + 3
  return xml.slice(start, end)
}

function breakPart(xml: string, element: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty', change: (party: string) => string): string {
  const original = part(xml, element)
  const changed = change(original)
  expect(changed).not.toBe(original)
  return xml.replace(original, changed)
}

const invoice = renderUbl(invoiceFixture())
const creditNote = renderUbl(creditNoteFixture())

describe('Dutch rules NL-R-001…009', { timeout: 120_000 }, () => {
  it('are all there and nothing else: the pattern of the Peppol file that holds them', () => {
    expect([...dutchRules.ids].sort()).toEqual(['NL-R-001', 'NL-R-002', 'NL-R-003', 'NL-R-004', 'NL-R-005', 'NL-R-006', 'NL-R-007', 'NL-R-008', 'NL-R-009'])
  })

  it('NL-R-001: a credit note references the invoice it corrects (BillingReference/InvoiceDocumentReference/ID)', () => {
    expect(creditNote).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>2026-00001<\/cbc:ID>/)
    expect(failingIds(creditNote)).toEqual([])
    expect(failingIds(creditNote.replace(/<cac:BillingReference>[\s\S]*?<\/cac:BillingReference>/, ''))).toContain('NL-R-001')
  })

  it("NL-R-002: the seller's address has street, city and postcode", () => {
    expect(part(invoice, 'cac:AccountingSupplierParty')).toMatch(/<cbc:StreetName>Oudegracht 231<\/cbc:StreetName>\s*<cbc:CityName>Utrecht<\/cbc:CityName>\s*<cbc:PostalZone>3511 NK</)
    for (const field of ['StreetName', 'CityName', 'PostalZone']) {
      const broken = breakPart(invoice, 'cac:AccountingSupplierParty', (p) => p.replace(new RegExp(`<cbc:${field}>[^<]*</cbc:${field}>`), ''))
      expect(failingIds(broken), field).toContain('NL-R-002')
    }
  })

  it("NL-R-003: the seller's legal entity is its KvK number, scheme 0106", () => {
    expect(part(invoice, 'cac:AccountingSupplierParty')).toMatch(/<cac:PartyLegalEntity>[\s\S]*<cbc:CompanyID schemeID="0106">12345678<\/cbc:CompanyID>/)
    const otherScheme = breakPart(invoice, 'cac:AccountingSupplierParty', (p) => p.replace('<cbc:CompanyID schemeID="0106">', '<cbc:CompanyID schemeID="0183">'))
    expect(failingIds(otherScheme)).toContain('NL-R-003')
  })

  it("NL-R-004: a Dutch customer's address has street, city and postcode", () => {
    expect(part(invoice, 'cac:AccountingCustomerParty')).toMatch(/<cbc:StreetName>Lindelaan 4a<\/cbc:StreetName>\s*<cbc:CityName>Utrecht<\/cbc:CityName>\s*<cbc:PostalZone>3523 BK</)
    for (const field of ['StreetName', 'CityName', 'PostalZone']) {
      const broken = breakPart(invoice, 'cac:AccountingCustomerParty', (p) => p.replace(new RegExp(`<cbc:${field}>[^<]*</cbc:${field}>`), ''))
      expect(failingIds(broken), field).toContain('NL-R-004')
    }
  })

  it("NL-R-005: a Dutch customer's legal identifier is a KvK number (0106), and is left out when there is none", () => {
    expect(part(invoice, 'cac:AccountingCustomerParty')).toMatch(/<cac:PartyLegalEntity>[\s\S]*<cbc:CompanyID schemeID="0106">87654321<\/cbc:CompanyID>/)
    const otherScheme = breakPart(invoice, 'cac:AccountingCustomerParty', (p) => p.replace('<cbc:CompanyID schemeID="0106">', '<cbc:CompanyID schemeID="0208">'))
    expect(failingIds(otherScheme)).toContain('NL-R-005')
    const withoutKvk = renderUbl(invoiceFixture({ buyer: { ...buyer, kvk: null } }))
    expect(part(withoutKvk, 'cac:AccountingCustomerParty')).not.toMatch(/<cac:PartyLegalEntity>[\s\S]*<cbc:CompanyID/)
    expect(failingIds(withoutKvk)).toEqual([])
  })

  it('NL-R-006 does not apply: no document has a fiscal representative (TaxRepresentativeParty)', () => {
    for (const [name, doc] of documentCases) expect(renderUbl(doc), name).not.toContain('TaxRepresentativeParty')
  })

  it('NL-R-007: an invoice names a means of payment; a credit note, paid back by us, needs none', () => {
    expect(failingIds(invoice.replace(/<cac:PaymentMeans>[\s\S]*?<\/cac:PaymentMeans>/, ''))).toContain('NL-R-007')
    expect(creditNote).not.toContain('<cac:PaymentMeans>')
    expect(failingIds(creditNote)).toEqual([])
  })

  it('NL-R-008: the payment means code is one the Dutch rules allow: 58 for a transfer, 59 for a direct debit', () => {
    expect(invoice).toMatch(/<cbc:PaymentMeansCode name="SEPA credit transfer">58</)
    const debit = renderUbl(invoiceFixture({ payment: directDebit }))
    expect(debit).toMatch(/<cbc:PaymentMeansCode name="SEPA direct debit">59</)
    expect(failingIds(debit)).toEqual([])
    expect(failingIds(invoice.replace('>58</cbc:PaymentMeansCode>', '>31</cbc:PaymentMeansCode>'))).toContain('NL-R-008')
  })

  it('NL-R-009 does not apply: no document uses order line references', () => {
    for (const [name, doc] of documentCases) expect(renderUbl(doc), name).not.toContain('OrderLineReference')
  })
})
