/**
 * Reading a pain.008 file back for tests: through a DOM (xmlbuilder2's parser), so what a test
 * checks is what the bank would read, not the strings the renderer meant to write. Both versions
 * the platform writes (.02 and .08) are read, by the namespace of the document element.
 */
import path from 'node:path'
import { create } from 'xmlbuilder2'
import { VALIDATORS_DIR } from './xml-schema.js'

export const PAIN_008_XSD = path.join(VALIDATORS_DIR, 'sepa', 'pain.008.001.02.xsd')

/** The few DOM members the test reads (the project compiles without the DOM library). */
interface XmlNode {
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlNode>
  documentElement: XmlNode
  namespaceURI: string | null
  localName: string
  getAttribute(name: string): string | null
  textContent: string | null
}

/** The file read back through a DOM, independent of how it was written. */
export function readPain008(xml: string) {
  const doc = create(xml).node as unknown as XmlNode
  const namespace = doc.documentElement.namespaceURI ?? ''
  const version = /^urn:iso:std:iso:20022:tech:xsd:pain\.008\.001\.(02|08)$/.exec(namespace)?.[1]
  if (!version || doc.documentElement.localName !== 'Document') throw new Error(`not a pain.008.001.02 or .08 document: ${namespace}`)
  const all = (parent: XmlNode, name: string) => Array.from(parent.getElementsByTagNameNS(namespace, name))
  // The BIC of a bank: <BIC> in .02, <BICFI> in .08.
  const bicOf = (agent: XmlNode) => text(agent, version === '08' ? 'BICFI' : 'BIC')
  const text = (parent: XmlNode, name: string) => all(parent, name)[0]?.textContent ?? null
  const header = all(doc, 'GrpHdr')[0]!
  return {
    version,
    creditorAgent: bicOf(all(doc, 'CdtrAgt')[0]!),
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
        debtorAgent: bicOf(all(tx, 'DbtrAgt')[0]!) ?? text(all(tx, 'DbtrAgt')[0]!, 'Id'),
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

