/**
 * Puts a direct debit run together from the invoices that are due: each gets its collection day
 * and its mandate's sequence type, and an invoice whose mandate may not be collected stays out,
 * with the reason, for the admin to see. Leaving out rather than refusing the whole run: one
 * expired mandate should not hold up everybody else's collection, and the invoice stays open, so
 * nothing is lost (decisions/019-sepa-direct-debit.md).
 */
import { collectable, sequenceTypeFor, type CollectionOutcome, type MandateScheme, type NotCollectable } from './billing.mandate-rules.js'
import { collectionDateFor } from './billing.sepa.dates.js'
import type { SepaBatch, SepaCollection, SepaCreditor } from './billing.sepa.js'

export interface DueInvoice {
  invoiceNumber: string
  amountCents: number
  /** YYYY-MM-DD: the day the invoice (and so the pre-notification) was sent. */
  invoiceDate: string
  preNotificationDays: number
  description: string
  debtor: { name: string; iban: string; bic?: string | null }
  mandate: {
    reference: string
    signedOn: string
    scheme: MandateScheme
    revokedOn?: string | null
    /** The collection day of the latest collection sent under it, if any. */
    lastCollectedOn: string | null
    /** Every earlier collection under it, with what became of it. */
    collections: ReadonlyArray<{ outcome: CollectionOutcome }>
  }
}

/**
 * `firstPending`: this mandate's first collection is already in this run; the bank must see it
 * settle before the next one, so this invoice waits for the next run.
 */
export type LeftOutReason = NotCollectable | 'firstPending'

export interface BatchPlan {
  /** null when nothing could be collected. */
  batch: SepaBatch | null
  leftOut: Array<{ invoiceNumber: string; reason: LeftOutReason }>
}

export function planDirectDebitBatch(input: { messageId: string; now: Date; creditor: SepaCreditor; invoices: DueInvoice[] }): BatchPlan {
  const collections: SepaCollection[] = []
  const leftOut: BatchPlan['leftOut'] = []
  const firstInRun = new Set<string>()
  for (const invoice of input.invoices) {
    const { mandate } = invoice
    const collectionDate = collectionDateFor(invoice.invoiceDate, invoice.preNotificationDays, input.now)
    // Judged on the day of collection: a mandate that expires between now and then is not used.
    const verdict = collectable(mandate, new Date(`${collectionDate}T12:00:00Z`))
    if (!verdict.ok) {
      leftOut.push({ invoiceNumber: invoice.invoiceNumber, reason: verdict.reason })
      continue
    }
    const sequenceType = sequenceTypeFor(mandate)
    if (sequenceType === 'FRST') {
      if (firstInRun.has(mandate.reference)) {
        leftOut.push({ invoiceNumber: invoice.invoiceNumber, reason: 'firstPending' })
        continue
      }
      firstInRun.add(mandate.reference)
    }
    collections.push({
      invoiceNumber: invoice.invoiceNumber,
      amountCents: invoice.amountCents,
      mandate: { reference: mandate.reference, signedOn: mandate.signedOn, scheme: mandate.scheme, sequenceType },
      debtor: invoice.debtor,
      collectionDate,
      description: invoice.description,
    })
  }
  const batch = collections.length > 0 ? { messageId: input.messageId, createdAt: input.now, creditor: input.creditor, collections } : null
  return { batch, leftOut }
}
