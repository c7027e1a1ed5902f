/**
 * The e-invoice: a UBL 2.1 Invoice, or CreditNote for a credit note, in the Peppol BIS Billing
 * 3.0 profile with the Dutch national rules (NL-R-001…009, which NLCIUS / SI-UBL 2.0 also asks):
 * what Dutch public bodies must be able to receive. Built with xmlbuilder2, which escapes every
 * text and attribute, from the same InvoiceDocument as the PDF.
 *
 * Checked in billing.ubl.test.ts against the UBL 2.1 XSD, the EN 16931 schematron and the Peppol
 * schematron's rules (the Dutch ones among them).
 */
import { create } from 'xmlbuilder2'
import { translator, type T } from '../../kernel/i18n/i18n.js'
import { dueDateOf, invoiceTotals, type InvoiceBuyer, type InvoiceDocument, type InvoiceLine, type InvoicePayment, type InvoiceTotals, printedDate } from './billing.invoice-document.js'

const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'
const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'
const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
}
/** ISO 6523 scheme of the Dutch KvK number (NL-R-003, NL-R-005), also a Peppol address scheme. */
const KVK_SCHEME = '0106'
/** Peppol address scheme of a Dutch VAT number. */
const NL_VAT_SCHEME = '9944'
/** UN/ECE rec. 20 "one": a package period or an item is a unit. */
const UNIT_CODE = 'C62'

type Xml = Record<string, unknown>

/** The invoice or credit note as UBL 2.1 XML (UTF-8). */
export function renderUbl(doc: InvoiceDocument): string {
  const totals = invoiceTotals(doc.lines)
  const t = translator(doc.language)
  const root = doc.kind === 'credit-note' ? 'CreditNote' : 'Invoice'
  const body: Xml = {
    '@xmlns': NS[root],
    '@xmlns:cac': NS.cac,
    '@xmlns:cbc': NS.cbc,
    'cbc:CustomizationID': CUSTOMIZATION_ID,
    'cbc:ProfileID': PROFILE_ID,
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    // UBL 2.1 gives only an Invoice a document-level due date; a credit note asks no payment.
    'cbc:DueDate': doc.kind === 'invoice' ? dueDateOf(doc) : undefined,
    [doc.kind === 'credit-note' ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode']: doc.kind === 'credit-note' ? '381' : '380',
    'cbc:DocumentCurrencyCode': 'EUR',
    // Peppol requires a buyer reference or an order reference (PEPPOL-EN16931-R003). Without a
    // reference of the buyer's own, the contact person routes it, as "t.a.v." does on paper.
    'cbc:BuyerReference': doc.buyer.reference?.trim() || doc.buyer.contactName,
    'cac:InvoicePeriod': { 'cbc:StartDate': doc.supplyPeriod.start, 'cbc:EndDate': doc.supplyPeriod.end },
    // NL-R-001: a credit note names the invoice it corrects.
    'cac:BillingReference':
      doc.kind === 'credit-note' ? { 'cac:InvoiceDocumentReference': { 'cbc:ID': doc.corrects.number, 'cbc:IssueDate': doc.corrects.issueDate } } : undefined,
    'cac:AccountingSupplierParty': { 'cac:Party': sellerParty(doc) },
    'cac:AccountingCustomerParty': { 'cac:Party': buyerParty(doc.buyer) },
    // NL-R-007 asks a means of payment when the buyer pays, which is every invoice here; a
    // credit note is paid back or set off by us, so it names none.
    'cac:PaymentMeans': doc.kind === 'invoice' ? paymentMeans(doc.payment, doc) : undefined,
    'cac:PaymentTerms': doc.kind === 'invoice' ? { 'cbc:Note': paymentTerms(doc.payment, t, doc.language) } : undefined,
    'cac:TaxTotal': taxTotal(totals, t),
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(totals.totalExclVatCents),
      'cbc:TaxExclusiveAmount': amount(totals.totalExclVatCents),
      'cbc:TaxInclusiveAmount': amount(totals.totalInclVatCents),
      'cbc:PayableAmount': amount(totals.totalInclVatCents),
    },
    [`cac:${root}Line`]: totals.lines.map((line, i) => documentLine(line, i + 1, doc.kind)),
  }
  // A control character typed into a name is no XML at all: leave it out rather than make a file no receiver can read.
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }, { [root]: body }).end({ prettyPrint: true })
}

function sellerParty(doc: InvoiceDocument): Xml {
  const s = doc.seller
  const directDebit = doc.kind === 'invoice' && doc.payment.method === 'direct-debit' ? doc.payment : null
  return {
    // The KvK number is also the operator's Peppol address (scheme 0106).
    'cbc:EndpointID': { '@schemeID': KVK_SCHEME, '#': s.kvk },
    // BT-90: the creditor identifier of a direct debit travels as a "SEPA" party identification.
    'cac:PartyIdentification': directDebit ? { 'cbc:ID': { '@schemeID': 'SEPA', '#': directDebit.creditorId } } : undefined,
    'cac:PartyName': { 'cbc:Name': s.name },
    // NL-R-002: street, city and postcode.
    'cac:PostalAddress': address(s.street, s.city, s.postcode, s.countryCode),
    'cac:PartyTaxScheme': { 'cbc:CompanyID': s.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
    // NL-R-003: the legal entity is identified by its KvK number.
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': s.name, 'cbc:CompanyID': { '@schemeID': KVK_SCHEME, '#': s.kvk } },
    'cac:Contact': { 'cbc:ElectronicMail': s.email },
  }
}

function buyerParty(b: InvoiceBuyer): Xml {
  return {
    'cbc:EndpointID': buyerEndpoint(b),
    'cac:PartyName': { 'cbc:Name': b.organisationName },
    // NL-R-004: street, city and postcode. EN 16931 has no house-number field: it joins the street.
    'cac:PostalAddress': address(`${b.street} ${b.houseNumber}`.trim(), b.place, b.postcode, b.countryCode),
    'cac:PartyTaxScheme': b.vatNumber ? { 'cbc:CompanyID': b.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } : undefined,
    // NL-R-005: a Dutch buyer's legal identifier can only be a KvK (or OIN) number, so without
    // one the legal entity carries its name alone.
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': b.organisationName,
      'cbc:CompanyID': b.kvk ? { '@schemeID': KVK_SCHEME, '#': b.kvk } : undefined,
    },
    'cac:Contact': { 'cbc:Name': b.contactName, 'cbc:ElectronicMail': b.billingEmail },
  }
}

/**
 * The buyer's Peppol address (PEPPOL-EN16931-R010): its KvK number, else its Dutch VAT number.
 * A buyer with neither has no Peppol address at all; the file then still meets EN 16931 and
 * the Dutch rules, but cannot travel over the Peppol network (it is mailed as a file instead).
 */
function buyerEndpoint(b: InvoiceBuyer): Xml | undefined {
  if (b.kvk) return { '@schemeID': KVK_SCHEME, '#': b.kvk }
  if (b.vatNumber?.toUpperCase().startsWith('NL')) return { '@schemeID': NL_VAT_SCHEME, '#': b.vatNumber }
  return undefined
}

function address(street: string, city: string, postcode: string, countryCode: string): Xml {
  return { 'cbc:StreetName': street, 'cbc:CityName': city, 'cbc:PostalZone': postcode, 'cac:Country': { 'cbc:IdentificationCode': countryCode } }
}

/**
 * 58 is a SEPA credit transfer, 59 a SEPA direct debit: both among the codes NL-R-008 allows.
 * A direct debit names its mandate (BT-89). The debtor's account (BT-91) is left out: the
 * document only ever holds it masked, and a masked number is no account identifier.
 */
function paymentMeans(payment: InvoicePayment, doc: InvoiceDocument): Xml {
  if (payment.method === 'direct-debit') {
    return {
      'cbc:PaymentMeansCode': { '@name': 'SEPA direct debit', '#': '59' },
      'cbc:PaymentID': doc.number,
      'cac:PaymentMandate': { 'cbc:ID': payment.mandateReference },
    }
  }
  return {
    'cbc:PaymentMeansCode': { '@name': 'SEPA credit transfer', '#': '58' },
    'cbc:PaymentID': payment.reference,
    'cac:PayeeFinancialAccount': { 'cbc:ID': payment.iban, 'cbc:Name': doc.seller.name, 'cac:FinancialInstitutionBranch': { 'cbc:ID': payment.bic } },
  }
}

function paymentTerms(payment: InvoicePayment, t: T, lang: InvoiceDocument['language']): string {
  if (payment.method === 'direct-debit') {
    return t('billing.invoice.directDebitTerms', { date: printedDate(payment.collectionDate, lang), mandate: payment.mandateReference })
  }
  return t('billing.invoice.transferTerms', { date: printedDate(payment.dueDate, lang), reference: payment.reference })
}

function taxTotal(totals: InvoiceTotals, t: T): Xml {
  return {
    'cbc:TaxAmount': amount(totals.totalVatCents),
    'cac:TaxSubtotal': totals.vatBreakdown.map((s) => ({
      'cbc:TaxableAmount': amount(s.taxableCents),
      'cbc:TaxAmount': amount(s.vatCents),
      'cac:TaxCategory': taxCategory(s.vatRateBasisPoints, t),
    })),
  }
}

/**
 * VAT category per rate: S (standard) for 21 % and 9 %. For 0 % we use E (exempt), not Z
 * (zero rated): the Dutch nultarief is for exports and intra-EU supplies of goods, which a
 * neighbourhood platform does not make; an operator that charges no VAT on its packages does
 * so because it is exempt (the small-business scheme KOR, or an art. 11 exemption). E asks an
 * exemption reason in the breakdown (BR-E-10), which art. 35a also wants on the invoice.
 */
function taxCategory(rateBasisPoints: number, t: T | null): Xml {
  const exempt = rateBasisPoints === 0
  return {
    'cbc:ID': exempt ? 'E' : 'S',
    'cbc:Percent': percent(rateBasisPoints),
    'cbc:TaxExemptionReason': exempt && t ? t('billing.invoice.exemptionReason') : undefined,
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  }
}

function documentLine(line: InvoiceLine & { lineTotalCents: number }, id: number, kind: InvoiceDocument['kind']): Xml {
  return {
    'cbc:ID': String(id),
    [kind === 'credit-note' ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']: { '@unitCode': UNIT_CODE, '#': String(line.quantity) },
    'cbc:LineExtensionAmount': amount(line.lineTotalCents),
    'cac:Item': { 'cbc:Name': line.description, 'cac:ClassifiedTaxCategory': taxCategory(line.vatRateBasisPoints, null) },
    'cac:Price': { 'cbc:PriceAmount': amount(line.unitPriceCents) },
  }
}

/** Whole cents as a UBL amount: "1234.50", two decimals as BR-DEC asks, no float on the way. */
function amount(cents: number): Xml {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return { '@currencyID': 'EUR', '#': `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}` }
}

/** Basis points as a percentage: 2100 → "21", 550 → "5.5". */
function percent(rateBasisPoints: number): string {
  return String(rateBasisPoints / 100)
}
