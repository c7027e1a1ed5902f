/**
 * What the admin records on an invoice: money received, a collection that came back (returned or
 * rejected). Each is
 * audited in the same transaction; the ledger's own rules (billing.ledger.ts) move the status.
 */
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { collectedByDirectDebit, recordPayment, recordReturn } from './billing.ledger.js'
import { invoices } from './billing.ledger.tables.js'
import { markCollectionOutcome } from './billing.debit-runs.service.js'
import { collectionOfInvoice } from './billing.debit-runs.queries.js'
import type { LedgerEntry } from './billing.finance.queries.js'
import type { z } from 'zod'
import { eq } from 'drizzle-orm'
import type { paymentSchema, returnSchema } from './billing.finance.schema.js'

type FinanceDeps = Pick<Deps, 'db' | 'clock'>
export type Refusal = { ok: false; field: string; message: 'billing.error.alreadyPaid' | 'billing.error.notCollected' | 'billing.error.alreadyCameBack' | 'billing.error.rejectNotInRun' }

export async function registerPayment(deps: FinanceDeps, actorId: string, entry: LedgerEntry, input: z.output<typeof paymentSchema>): Promise<{ ok: true } | Refusal> {
  const { invoice } = entry
  if (invoice.kind !== 'invoice' || invoice.status === 'paid' || invoice.status === 'credited') return { ok: false, field: 'amount', message: 'billing.error.alreadyPaid' }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordPayment(tx, invoice.id, { amountCents: input.amount, receivedOn: input.receivedOn, method: input.method }, now)
    await recordAudit(tx, now, { actorUserId: actorId, action: 'invoice.payment', targetType: 'invoice', targetId: String(invoice.id), details: { number: invoice.number, amountCents: input.amount, receivedOn: input.receivedOn, method: input.method } })
  })
  return { ok: true }
}

/**
 * Only a collected direct debit can come back, and only once; what was collected is what goes out
 * again. The run's collection gets the outcome too, which its mandate's next debit is judged by:
 * a reject is reported on a debit in a file, so one booked by hand can only be returned. The
 * invoice is locked first: two admins recording at once take turns, and the second is told it
 * came back already.
 */
export async function registerReturn(deps: FinanceDeps, actorId: string, entry: LedgerEntry, input: z.output<typeof returnSchema>): Promise<{ ok: true } | Refusal> {
  const { invoice } = entry
  if (invoice.paymentMethod !== 'direct-debit') return { ok: false, field: 'reason', message: 'billing.error.notCollected' }
  const now = deps.clock.now()
  return deps.db.transaction(async (tx): Promise<{ ok: true } | Refusal> => {
    await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoice.id)).for('update')
    const collection = await collectionOfInvoice(tx, invoice.id)
    if (collection && collection.outcome !== 'sent') return { ok: false, field: 'kind', message: 'billing.error.alreadyCameBack' }
    const collected = await collectedByDirectDebit(tx, invoice.id)
    if (collected <= 0) return { ok: false, field: 'reason', message: 'billing.error.notCollected' }
    if (input.kind === 'rejected' && !collection) return { ok: false, field: 'kind', message: 'billing.error.rejectNotInRun' }
    await recordReturn(tx, invoice.id, { amountCents: collected, receivedOn: input.receivedOn, reason: input.reason, outcome: input.kind }, now)
    if (collection) await markCollectionOutcome(tx, collection, { outcome: input.kind, reason: input.reason, on: input.receivedOn })
    const action = input.kind === 'rejected' ? 'invoice.reject' : 'invoice.return'
    await recordAudit(tx, now, { actorUserId: actorId, action, targetType: 'invoice', targetId: String(invoice.id), details: { number: invoice.number, amountCents: collected, reason: input.reason } })
    return { ok: true }
  })
}
