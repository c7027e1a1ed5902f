import { describe, it, expect } from 'vitest'
import { PAIN_008_XSD, readPain008 } from '../../../test/pain008.js'
import { validateAgainstXsd } from '../../../test/xml-schema.js'
import { collectable, type CollectionOutcome } from './billing.mandate-rules.js'
import { planDirectDebitBatch, type DueInvoice } from './billing.sepa.batch.js'
import { collectionDateFor, easterSunday, isTargetBusinessDay } from './billing.sepa.dates.js'
import { renderPain008 } from './billing.sepa.js'

const creditor = { name: 'Stichting Wijkcentrale Lindeburg', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', creditorId: 'NL57ZZZ999999999999' }

type Mandate = DueInvoice['mandate'] & { collections: Array<{ outcome: CollectionOutcome }> }

function mandate(reference: string, over: Partial<Mandate> = {}): Mandate {
  return { reference, signedOn: '2026-11-20', scheme: 'CORE', lastCollectedOn: null, collections: [], ...over }
}

function invoice(invoiceNumber: string, m: Mandate, invoiceDate = '2026-12-01'): DueInvoice {
  return { invoiceNumber, amountCents: 14_520, invoiceDate, preNotificationDays: 14, description: `Factuur ${invoiceNumber}`, debtor: { name: 'Buurthuis De Linde', iban: 'NL20INGB0001234567' }, mandate: m }
}

/** One run as the billing service will do it: plan, write the file, remember what was sent. */
async function run(now: string, invoices: DueInvoice[]) {
  const plan = planDirectDebitBatch({ messageId: `RUN-${now.slice(0, 10)}`, now: new Date(now), creditor, invoices })
  if (!plan.batch) return { plan, blocks: [] }
  const xml = renderPain008(plan.batch)
  expect((await validateAgainstXsd(xml, PAIN_008_XSD)).errors).toEqual([])
  for (const c of plan.batch.collections) {
    const m = invoices.find((i) => i.invoiceNumber === c.invoiceNumber)!.mandate as Mandate
    m.collections.push({ outcome: 'sent' })
    m.lastCollectedOn = c.collectionDate
  }
  return { plan, blocks: readPain008(xml).blocks }
}

const sequenceOf = (blocks: Awaited<ReturnType<typeof run>>['blocks'], invoiceNumber: string) =>
  blocks.find((b) => b.debits.some((d) => d.endToEndId === invoiceNumber))?.seqTp

describe('direct debit runs', () => {
  it('collects FRST in the first run and RCUR in the next for the same mandate', async () => {
    const m = mandate('WC-1-AAAAAAAAAA')
    const december = await run('2026-12-01T09:00:00Z', [invoice('2026-00001', m)])
    expect(sequenceOf(december.blocks, '2026-00001')).toBe('FRST')
    expect(december.blocks[0]!.date).toBe('2026-12-15')
    const january = await run('2027-01-04T09:00:00Z', [invoice('2027-00001', m, '2027-01-04')])
    expect(sequenceOf(january.blocks, '2027-00001')).toBe('RCUR')
  })

  it('presents FRST again after the first collection was rejected before settlement', async () => {
    const m = mandate('WC-2-AAAAAAAAAA')
    await run('2026-12-01T09:00:00Z', [invoice('2026-00002', m)])
    m.collections[0]!.outcome = 'rejected'
    const again = await run('2027-01-04T09:00:00Z', [invoice('2027-00002', m, '2027-01-04')])
    expect(sequenceOf(again.blocks, '2027-00002')).toBe('FRST')
  })

  it('leaves an invoice under an expired mandate out, says why, and collects the others', async () => {
    const now = new Date('2026-12-01T09:00:00Z')
    const expired = mandate('WC-3-AAAAAAAAAA', { signedOn: '2022-06-01', lastCollectedOn: '2023-06-15', collections: [{ outcome: 'sent' }] })
    expect(collectable(expired, now)).toEqual({ ok: false, reason: 'expired' })
    const fine = mandate('WC-4-AAAAAAAAAA', { signedOn: '2022-06-01', lastCollectedOn: '2026-11-15', collections: [{ outcome: 'sent' }] })
    const { plan, blocks } = await run('2026-12-01T09:00:00Z', [invoice('2026-00003', expired), invoice('2026-00004', fine)])
    expect(plan.leftOut).toEqual([{ invoiceNumber: '2026-00003', reason: 'expired' }])
    expect(blocks.flatMap((b) => b.debits.map((d) => d.endToEndId))).toEqual(['2026-00004'])
    expect(expired.collections).toHaveLength(1)
  })

  it('judges expiry on the collection day, and makes no file when nothing may be collected', async () => {
    // Unused since 2023-12-10: still valid on 1 December 2026, expired by the collection day (15 December).
    const m = mandate('WC-5-AAAAAAAAAA', { signedOn: '2023-12-10' })
    expect(collectable(m, new Date('2026-12-01T09:00:00Z')).ok).toBe(true)
    const { plan } = await run('2026-12-01T09:00:00Z', [invoice('2026-00005', m)])
    expect(plan).toEqual({ batch: null, leftOut: [{ invoiceNumber: '2026-00005', reason: 'expired' }] })
  })

  it('sends one first collection per mandate per run; recurrent ones go together', async () => {
    const fresh = mandate('WC-6-AAAAAAAAAA')
    const running = mandate('WC-7-AAAAAAAAAA', { lastCollectedOn: '2026-11-15', collections: [{ outcome: 'sent' }] })
    const { plan, blocks } = await run('2026-12-01T09:00:00Z', [invoice('A-1', fresh), invoice('A-2', fresh), invoice('B-1', running), invoice('B-2', running)])
    expect(plan.leftOut).toEqual([{ invoiceNumber: 'A-2', reason: 'firstPending' }])
    expect(blocks.map((b) => [b.seqTp, b.debits.map((d) => d.endToEndId)])).toEqual([
      ['FRST', ['A-1']],
      ['RCUR', ['B-1', 'B-2']],
    ])
  })
})

describe('collection date', () => {
  it('waits for the pre-notification the invoice gave', () => {
    expect(collectionDateFor('2026-12-01', 14, new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-15')
    expect(collectionDateFor('2026-12-01', 0, new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-02')
  })

  it('moves a weekend to the Monday, and gives the bank one business day after the upload', () => {
    expect(collectionDateFor('2026-12-01', 4, new Date('2026-12-01T09:00:00Z'))).toBe('2026-12-07')
    // Uploaded on a Friday: the earliest is Monday; on a Saturday (also 00:30 Saturday in Amsterdam): Tuesday.
    expect(collectionDateFor('2026-11-01', 14, new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-07')
    expect(collectionDateFor('2026-11-01', 14, new Date('2026-12-05T10:00:00Z'))).toBe('2026-12-08')
    expect(collectionDateFor('2026-11-01', 14, new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-08')
    expect(collectionDateFor('2026-11-01', 14, new Date('2026-12-04T22:30:00Z'))).toBe('2026-12-07')
  })

  it('skips the TARGET2 holidays: Christmas, New Year, Good Friday, Easter Monday, 1 May', () => {
    expect(collectionDateFor('2026-12-11', 14, new Date('2026-12-11T09:00:00Z'))).toBe('2026-12-28')
    expect(collectionDateFor('2026-12-18', 14, new Date('2026-12-18T09:00:00Z'))).toBe('2027-01-04')
    expect(collectionDateFor('2027-03-12', 14, new Date('2027-03-12T09:00:00Z'))).toBe('2027-03-30')
    expect(collectionDateFor('2026-04-17', 14, new Date('2026-04-17T09:00:00Z'))).toBe('2026-05-04')
    expect(isTargetBusinessDay('2026-12-24')).toBe(true)
    expect(isTargetBusinessDay('2026-04-03')).toBe(false)
    expect(() => collectionDateFor('2026-12-01', -1, new Date())).toThrow(RangeError)
  })

  it('knows Easter', () => {
    expect([2008, 2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual(['2008-03-23', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25'])
  })
})
