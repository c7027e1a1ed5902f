/**
 * What the admin records on an invoice: money received, a collection that came back. Each is
 * audited in the same transaction; the ledger's own rules (billing.ledger.ts) move the status.
 */
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { recordPayment, recordReturn } from './billing.ledger.js'
import { markCollectionReturned } from './billing.debit-runs.service.js'
import type { LedgerEntry } from './billing.finance.queries.js'
import type { z } from 'zod'
import type { paymentSchema, returnSchema } from './billing.finance.schema.js'

type FinanceDeps = Pick<Deps, 'db' | 'clock'>
export type Refusal = { ok: false; field: string; message: 'billing.error.alreadyPaid' | 'billing.error.notCollected' }

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
 * Only a collected direct debit can come back; what was collected is what goes out again. The
 * run's collection is marked returned too, which its mandate's next debit is judged by.
 */
export async function registerReturn(deps: FinanceDeps, actorId: string, entry: LedgerEntry, input: z.output<typeof returnSchema>): Promise<{ ok: true } | Refusal> {
  const { invoice, payments } = entry
  const collected = payments.filter((p) => p.method === 'direct-debit').reduce((sum, p) => sum + p.amountCents, 0)
  if (invoice.paymentMethod !== 'direct-debit' || collected <= 0) return { ok: false, field: 'reason', message: 'billing.error.notCollected' }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordReturn(tx, invoice.id, { amountCents: collected, receivedOn: input.receivedOn, reason: input.reason }, now)
    await markCollectionReturned(tx, invoice.id, { reason: input.reason, on: input.receivedOn })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'invoice.return', targetType: 'invoice', targetId: String(invoice.id), details: { number: invoice.number, amountCents: collected, reason: input.reason } })
  })
  return { ok: true }
}
