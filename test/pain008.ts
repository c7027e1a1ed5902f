/**
 * Reading a pain.008 file back for tests: through a DOM (xmlbuilder2's parser), so what a test
 * checks is what the bank would read, not the strings the renderer meant to write.
 */
import path from 'node:path'
import { create } from 'xmlbuilder2'
import { PAIN_008_NAMESPACE } from '../src/features/billing/billing.sepa.js'
import { VALIDATORS_DIR } from './xml-schema.js'

export const PAIN_008_XSD = path.join(VALIDATORS_DIR, 'sepa', 'pain.008.001.02.xsd')

/** The few DOM members the test reads (the project compiles without the DOM library). */
interface XmlNode {
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlNode>
  getAttribute(name: string): string | null
  textContent: string | null
}

/** The file read back through a DOM, independent of how it was written. */
export function readPain008(xml: string) {
  const doc = create(xml).node as unknown as XmlNode
  const all = (parent: XmlNode, name: string) => Array.from(parent.getElementsByTagNameNS(PAIN_008_NAMESPACE, name))
  const text = (parent: XmlNode, name: string) => all(parent, name)[0]?.textContent ?? null
  const header = all(doc, 'GrpHdr')[0]!
  return {
    header: { nbOfTxs: text(header, 'NbOfTxs'), ctrlSum: text(header, 'CtrlSum'), msgId: text(header, 'MsgId'), creDtTm: text(header, 'CreDtTm') },
    blocks: all(doc, 'PmtInf').map((block) => ({
      nbOfTxs: text(block, 'NbOfTxs'),
      ctrlSum: text(block, 'CtrlSum'),
      seqTp: text(block, 'SeqTp'),
      scheme: text(all(block, 'LclInstrm')[0]!, 'Cd'),
      date: text(block, 'ReqdColltnDt'),
      text: (name: string) => text(block, name),
      debits: all(block, 'DrctDbtTxInf').map((tx) => ({
        endToEndId: text(tx, 'EndToEndId'),
        amount: text(tx, 'InstdAmt'),
        currency: all(tx, 'InstdAmt')[0]!.getAttribute('Ccy'),
        mandateId: text(tx, 'MndtId'),
        signedOn: text(tx, 'DtOfSgntr'),
        debtorAgent: text(all(tx, 'DbtrAgt')[0]!, 'BIC') ?? text(all(tx, 'DbtrAgt')[0]!, 'Id'),
        debtorName: text(all(tx, 'Dbtr')[0]!, 'Nm'),
        debtorIban: text(all(tx, 'DbtrAcct')[0]!, 'IBAN'),
        remittance: text(tx, 'Ustrd'),
      })),
    })),
  }
}

/** "12345.67" as 1234567, by reading digits: the test's own way, not the renderer's. */
export function cents(decimal: string | null): number {
  const m = /^(\d+)\.(\d{2})$/.exec(decimal ?? '')
  if (!m) throw new Error(`not an amount with two decimals: ${decimal}`)
  return Number(m[1]) * 100 + Number(m[2])
}

