/**
 * The file for the bank: a SEPA Direct Debit Initiation message, ISO 20022 pain.008.001.02 (the
 * version every Dutch bank accepts) or, when the operator's bank asks for it, pain.008.001.08 (the
 * 2019 version; decisions/019-sepa-direct-debit.md). One renderer for both: what the platform
 * writes differs only in the namespace and in the name of a bank's BIC (`BIC` becomes `BICFI`).
 * Pure: it takes a batch the billing service put together and returns the XML the admin downloads
 * and uploads to the bank. The .02 output is checked against the official XSD in billing.sepa.test.ts.
 */
import { isValidBIC } from 'ibantools'
import { create } from 'xmlbuilder2'
import { localDate, toLocal } from '../content/content.recurrence.js'
import { isCreditorId, readIban } from './billing.iban.js'
import { randomSymbols, type MandateScheme, type SequenceType } from './billing.mandate-rules.js'
import type { Pain008Version } from '../../config/billing.js'

export type { Pain008Version }

export const pain008Namespace = (version: Pain008Version) => `urn:iso:std:iso:20022:tech:xsd:pain.008.001.${version}`
export const PAIN_008_NAMESPACE = pain008Namespace('02')

/**
 * What the versions name differently among the elements the platform writes. Everything else it
 * writes (group header, payment blocks, mandate, amounts, remittance) has the same names, order and
 * types in both; the 2019 version's additions (LEI, structured addresses, UETR) are all optional.
 */
const ELEMENT_NAMES = {
  '02': { bic: 'BIC' },
  '08': { bic: 'BICFI' },
} as const satisfies Record<Pain008Version, { bic: string }>

export interface SepaCreditor {
  name: string
  iban: string
  bic: string
  /** The Incassant-ID (SEPA creditor identifier), e.g. NL57ZZZ999999999999. */
  creditorId: string
}

export interface SepaCollection {
  /** Becomes the EndToEndId: the debtor sees it on the statement, a return names it. */
  invoiceNumber: string
  amountCents: number
  mandate: { reference: string; signedOn: string; scheme: MandateScheme; sequenceType: SequenceType }
  debtor: { name: string; iban: string; bic?: string | null }
  /** YYYY-MM-DD, from collectionDateFor. */
  collectionDate: string
  description: string
}

export interface SepaBatch {
  messageId: string
  createdAt: Date
  creditor: SepaCreditor
  collections: SepaCollection[]
}

/** The lengths the EPC implementation guidelines allow (tighter than the ISO schema's 140 for names). */
const MAX = { name: 70, remittance: 140, id: 35 } as const

/** Renders the batch as pain.008.001.02 (or .08) XML; throws a RangeError on input no bank would take. */
export function renderPain008(batch: SepaBatch, version: Pain008Version = '02'): string {
  if (batch.collections.length === 0) throw new RangeError('a direct debit batch needs at least one collection')
  const messageId = checkedId(batch.messageId, 'messageId')
  const creditorName = nonEmptyText(batch.creditor.name, MAX.name, 'creditor name')
  const groups = groupsOf(batch.collections)
  const names = ELEMENT_NAMES[version]
  const bank = (bic: string, what: string) => ({ FinInstnId: { [names.bic]: checkedBic(bic, what) } })

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(pain008Namespace(version), 'Document').ele('CstmrDrctDbtInitn')
  root.ele({
    GrpHdr: {
      MsgId: messageId,
      CreDtTm: isoDateTime(batch.createdAt),
      NbOfTxs: String(batch.collections.length),
      CtrlSum: centsToDecimal(sumCents(batch.collections)),
      InitgPty: { Nm: creditorName },
    },
  })
  groups.forEach((group, i) => {
    const first = group[0]!
    const info = root.ele({
      PmtInf: {
        PmtInfId: checkedId(`${messageId.slice(0, MAX.id - 4)}-${i + 1}`, 'PmtInfId'),
        PmtMtd: 'DD',
        BtchBookg: 'true',
        NbOfTxs: String(group.length),
        CtrlSum: centsToDecimal(sumCents(group)),
        PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: first.mandate.scheme }, SeqTp: first.mandate.sequenceType },
        ReqdColltnDt: checkedDay(first.collectionDate),
        Cdtr: { Nm: creditorName },
        CdtrAcct: { Id: { IBAN: checkedIban(batch.creditor.iban, 'creditor IBAN') } },
        CdtrAgt: bank(batch.creditor.bic, 'creditor BIC'),
        ChrgBr: 'SLEV',
        CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: checkedCreditorId(batch.creditor.creditorId), SchmeNm: { Prtry: 'SEPA' } } } } },
      },
    })
    for (const c of group) info.ele({ DrctDbtTxInf: transaction(c, bank) })
  })
  return root.end({ prettyPrint: true })
}

function transaction(c: SepaCollection, bank: (bic: string, what: string) => { FinInstnId: Record<string, string> }) {
  return {
    PmtId: { EndToEndId: checkedId(c.invoiceNumber, 'invoiceNumber') },
    InstdAmt: { '@Ccy': 'EUR', '#': centsToDecimal(checkedCents(c.amountCents)) },
    DrctDbtTx: { MndtRltdInf: { MndtId: checkedId(c.mandate.reference, 'mandate reference'), DtOfSgntr: checkedDay(c.mandate.signedOn) } },
    // Since 2016 a bank may not require the debtor's BIC; NOTPROVIDED says it was not asked (both versions).
    DbtrAgt: c.debtor.bic ? bank(c.debtor.bic, `debtor BIC of ${c.invoiceNumber}`) : { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } },
    Dbtr: { Nm: nonEmptyText(c.debtor.name, MAX.name, `debtor name of ${c.invoiceNumber}`) },
    DbtrAcct: { Id: { IBAN: checkedIban(c.debtor.iban, `debtor IBAN of ${c.invoiceNumber}`) } },
    RmtInf: { Ustrd: nonEmptyText(c.description, MAX.remittance, `description of ${c.invoiceNumber}`) },
  }
}

/**
 * One payment information block per (collection date, scheme, sequence type): the bank books and
 * processes each block as one, and those three are set per block, not per debit. Ordered by date,
 * then scheme, then FRST before RCUR, so the same batch always gives the same file.
 */
function groupsOf(collections: SepaCollection[]): SepaCollection[][] {
  const groups = new Map<string, SepaCollection[]>()
  for (const c of collections) {
    const key = `${c.collectionDate}|${c.mandate.scheme}|${c.mandate.sequenceType}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)!)
}

/** Whole cents as a decimal with two digits ("0.01", "12345.67"), by integer arithmetic only. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError('centsToDecimal takes whole, non-negative cents')
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/** The scheme's largest single amount: 999,999,999.99 euro. */
const MAX_AMOUNT_CENTS = 99_999_999_999

function checkedCents(cents: number): number {
  if (!Number.isSafeInteger(cents) || cents <= 0 || cents > MAX_AMOUNT_CENTS) throw new RangeError(`not a collectable amount: ${cents} cents`)
  return cents
}

function sumCents(collections: SepaCollection[]): number {
  return collections.reduce((sum, c) => sum + checkedCents(c.amountCents), 0)
}

/**
 * Replacements for letters outside the SEPA set that do not decompose into a base letter and an
 * accent; everything that does (é, ü, ç, ñ, å…) loses its accent through Unicode decomposition.
 */
const REPLACEMENTS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', '&': '+', '’': "'", '‘': "'", '`': "'", '´': "'", '"': "'", '“': "'", '”': "'",
  '–': '-', '—': '-', _: '-', '€': 'EUR', '@': '(at)',
}

/** What the SEPA character set (EPC "Latin" subset) allows. */
const SEPA_CHARACTER = /[A-Za-z0-9/\-?:().,'+ ]/

/**
 * Text in the SEPA character set, at most `max` characters: accents dropped (é→e), a few letters
 * spelled out (ß→ss), anything else a space; runs of spaces become one, and the result is trimmed.
 */
export function sepaText(s: string, max: number): string {
  const plain = [...s.normalize('NFD').replace(/\p{M}/gu, '')]
    .map((ch) => REPLACEMENTS[ch] ?? (SEPA_CHARACTER.test(ch) ? ch : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.slice(0, max).trimEnd()
}

function nonEmptyText(s: string, max: number, what: string): string {
  const text = sepaText(s, max)
  if (text === '') throw new RangeError(`${what} has no characters the bank accepts`)
  return text
}

/**
 * Identifiers (message, block, end-to-end, mandate, creditor) in the SEPA set without spaces, never
 * starting or ending with "/" nor holding "//" (EPC rules for references): these are never
 * changed to fit, because the bank reports returns by them; wrong ones are refused.
 */
function checkedId(id: string, what: string): string {
  if (!/^[A-Za-z0-9/\-?:().,'+]{1,35}$/.test(id) || id.startsWith('/') || id.endsWith('/') || id.includes('//')) {
    throw new RangeError(`${what} is not a valid SEPA identifier: ${JSON.stringify(id)}`)
  }
  return id
}

/** An IBAN in electronic form that passes the country length and mod-97 checks (a bad one fails the whole file at the bank). */
function checkedIban(iban: string, what: string): string {
  const read = readIban(iban)
  if (!read.ok || read.iban !== iban) throw new RangeError(`${what} is not an IBAN in electronic form`)
  return iban
}

function checkedBic(bic: string, what: string): string {
  if (!isValidBIC(bic)) throw new RangeError(`${what} is not a BIC: ${JSON.stringify(bic)}`)
  return bic
}

function checkedCreditorId(id: string): string {
  if (!isCreditorId(id)) throw new RangeError(`not a SEPA creditor identifier (Incassant-ID): ${JSON.stringify(id)}`)
  return id
}

function checkedDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`not a day: ${day}`)
  return day
}

/** The Amsterdam wall clock to the second: its day, and its time as [hh, mm, ss]. */
function wallClock(at: Date): { day: string; time: string[] } {
  const p = toLocal(at)
  return { day: localDate(p), time: [p.hour, p.minute, at.getUTCSeconds()].map((n) => String(n).padStart(2, '0')) }
}

/** The creation time on the Amsterdam wall clock, to the second, as Dutch banks show it. */
function isoDateTime(at: Date): string {
  const { day, time } = wallClock(at)
  return `${day}T${time.join(':')}`
}

/** "WC-20261205130334-7KQ2M9": unique per file (the bank refuses a message id it has seen). */
export function newMessageId(now: Date): string {
  const { day, time } = wallClock(now)
  return `WC-${day.replaceAll('-', '')}${time.join('')}-${randomSymbols(6)}`
}
