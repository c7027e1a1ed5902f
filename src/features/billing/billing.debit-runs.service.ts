/**
 * Direct debit runs (P09): the admin makes one file for the bank from the invoices that are due.
 * The pure planning (billing.sepa.batch.ts) decides each debit's day and sequence type and what
 * stays out; this module gives it the database's facts (the sealed IBANs opened here, on the
 * server, and each mandate's earlier collections), stores the run, books each debit as collected
 * on its collection day (silence from the bank means paid; a return is recorded afterwards on the
 * invoice) and renders the pain.008 file again whenever it is downloaded.
 */
import { and, eq } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import type { Db } from '../../kernel/db/client.js'
import { translator } from '../../kernel/i18n/i18n.js'
import { amsterdamDay, daysBetween } from './billing.dates.js'
import { billingKeyring, openIban } from './billing.crypto.js'
import { mandates } from './billing.customers.tables.js'
import { isUniqueViolation, recordPayment, retainUntil } from './billing.ledger.js'
import { planDirectDebitBatch, type DueInvoice } from './billing.sepa.batch.js'
import { newMessageId, renderPain008, type SepaCreditor } from './billing.sepa.js'
import { directDebitCollections, directDebitRuns, type LeftOutInvoice } from './billing.debit-runs.tables.js'
import { collectionsUnder, invoicesDueForCollection, lastUseOfMandate, mandatesOfRun, type DueRow, type RunDetail } from './billing.debit-runs.queries.js'

type RunDeps = Pick<Deps, 'db' | 'clock' | 'config'>

export type RunResult = { ok: true; runId: number; leftOut: LeftOutInvoice[] } | { ok: false; reason: 'nothingToCollect'; leftOut: LeftOutInvoice[] } | { ok: false; reason: 'alreadyCollected' }

export const mandateOwner = (reference: string) => `mandate:${reference}`

function creditorOf(config: RunDeps['config']): SepaCreditor {
  const { name, iban, bic, creditorId } = config.billing.operator
  return { name, iban, bic, creditorId }
}

/** What the planner needs of one due invoice; its IBAN opened from the mandate's sealed value. */
function dueInvoice(row: DueRow, open: (sealed: NonNullable<NonNullable<DueRow['mandate']>['ibanSealed']>, reference: string) => string, earlier: Array<{ outcome: 'sent' | 'rejected' | 'returned'; collectionOn: string }>, operatorName: string): DueInvoice {
  const m = row.mandate!
  const used = earlier.filter((c) => c.outcome !== 'rejected').map((c) => c.collectionOn)
  if (m.lastCollectionAt) used.push(amsterdamDay(m.lastCollectionAt))
  return {
    invoiceNumber: row.number,
    amountCents: row.totalCents,
    invoiceDate: row.issuedOn,
    // The day the invoice announced is the earliest it may be collected: the pre-notification.
    preNotificationDays: Math.max(0, daysBetween(row.issuedOn, row.collectionOn ?? row.issuedOn)),
    description: translator(row.lang)('billing.debits.remittance', { number: row.number, operator: operatorName }),
    debtor: { name: m.accountHolderName, iban: open(m.ibanSealed!, m.reference) },
    mandate: {
      reference: m.reference,
      signedOn: m.signedOn,
      scheme: m.scheme,
      revokedOn: m.status === 'ended' && m.endedAt ? amsterdamDay(m.endedAt) : null,
      lastCollectedOn: used.sort().at(-1) ?? null,
      collections: earlier,
    },
  }
}

/**
 * Plans and stores a run of every direct-debit invoice due within `days`. One transaction: the
 * run, its collections (the unique invoice_id makes a second run of the same invoice fail as a
 * whole, so two admins at once cannot collect twice), each invoice booked as collected on its
 * day, each mandate's last collection, and the audit line.
 */
export async function makeDebitRun(deps: RunDeps, actorId: string, days: number): Promise<RunResult> {
  const { db, clock, config } = deps
  const now = clock.now()
  const due = await invoicesDueForCollection(db, amsterdamDay(now), days)
  const leftOut: LeftOutInvoice[] = []
  const usable = due.filter((row) => {
    const ok = Boolean(row.mandate?.ibanSealed)
    if (!ok) leftOut.push({ invoiceId: row.id, invoiceNumber: row.number, reason: 'noMandate' })
    return ok
  })
  if (usable.length === 0) return { ok: false, reason: 'nothingToCollect', leftOut }

  const keyring = billingKeyring(config)
  const open = (sealed: Parameters<typeof openIban>[1], reference: string) => openIban(keyring, sealed, mandateOwner(reference))
  const earlier = await collectionsUnder(db, [...new Set(usable.map((r) => r.mandate!.id))])
  const creditor = creditorOf(config)
  const plan = planDirectDebitBatch({
    messageId: newMessageId(now),
    now,
    creditor,
    invoices: usable.map((row) => dueInvoice(row, open, earlier.filter((c) => c.mandateId === row.mandate!.id), config.billing.operator.name)),
  })
  const byNumber = new Map(usable.map((r) => [r.number, r]))
  leftOut.push(...plan.leftOut.map((l) => ({ invoiceId: byNumber.get(l.invoiceNumber)!.id, invoiceNumber: l.invoiceNumber, reason: l.reason })))
  if (!plan.batch) return { ok: false, reason: 'nothingToCollect', leftOut }

  const { collections } = plan.batch
  const collectionDays = collections.map((c) => c.collectionDate).sort()
  try {
    const runId = await db.transaction(async (tx) => {
      const [run] = await tx
        .insert(directDebitRuns)
        .values({
          messageId: plan.batch!.messageId,
          createdByUserId: actorId,
          createdAt: now,
          creditor,
          firstCollectionOn: collectionDays[0]!,
          lastCollectionOn: collectionDays.at(-1)!,
          count: collections.length,
          totalCents: collections.reduce((sum, c) => sum + c.amountCents, 0),
          leftOut,
          retainUntil: retainUntil(Number(amsterdamDay(now).slice(0, 4))),
        })
        .returning({ id: directDebitRuns.id })
      for (const c of collections) {
        const row = byNumber.get(c.invoiceNumber)!
        // Columns only, never the debtor's IBAN: the file is rendered again from the sealed value.
        await tx.insert(directDebitCollections).values({
          runId: run!.id,
          invoiceId: row.id,
          mandateId: row.mandate!.id,
          mandateReference: c.mandate.reference,
          mandateSignedOn: c.mandate.signedOn,
          scheme: c.mandate.scheme,
          sequenceType: c.mandate.sequenceType,
          amountCents: c.amountCents,
          endToEndId: c.invoiceNumber,
          collectionOn: c.collectionDate,
          description: c.description,
        })
        await recordPayment(tx, row.id, { amountCents: c.amountCents, receivedOn: c.collectionDate, method: 'direct-debit' }, now)
        await tx.update(mandates).set({ lastCollectionAt: new Date(`${c.collectionDate}T12:00:00Z`) }).where(eq(mandates.id, row.mandate!.id))
      }
      await recordAudit(tx, now, { actorUserId: actorId, action: 'invoice.debitRun', targetType: 'direct_debit_run', targetId: String(run!.id), details: { messageId: plan.batch!.messageId, count: collections.length, leftOut: leftOut.length } })
      return run!.id
    })
    return { ok: true, runId, leftOut }
  } catch (e) {
    if (isUniqueViolation(e, 'direct_debit_collections_invoice_uq')) return { ok: false, reason: 'alreadyCollected' }
    throw e
  }
}

/**
 * The run's pain.008 file in the configured version, rendered again from what was stored and the
 * sealed IBANs; null when a mandate (and so its IBAN) has been erased since, so the file cannot be
 * made whole any more.
 */
export async function debitRunFile(deps: Pick<Deps, 'db' | 'config'>, detail: RunDetail): Promise<string | null> {
  const found = new Map((await mandatesOfRun(deps.db, detail.run.id)).map((m) => [m.collectionId, m]))
  // Its invoices purged after their seven years take their collections with them: no file then either.
  if (detail.collections.length === 0 || detail.collections.some(({ c }) => !found.get(c.id)?.ibanSealed)) return null
  const keyring = billingKeyring(deps.config)
  const batch = {
    messageId: detail.run.messageId,
    createdAt: detail.run.createdAt,
    creditor: detail.run.creditor,
    collections: detail.collections.map(({ c }) => {
      const m = found.get(c.id)!
      return {
        invoiceNumber: c.endToEndId,
        amountCents: c.amountCents,
        mandate: { reference: c.mandateReference, signedOn: c.mandateSignedOn, scheme: c.scheme, sequenceType: c.sequenceType },
        debtor: { name: m.accountHolderName, iban: openIban(keyring, m.ibanSealed!, mandateOwner(m.reference)) },
        collectionDate: c.collectionOn,
        description: c.description,
      }
    }),
  }
  // The version configured now: a bank that moved to .08 gets an older run in .08 too.
  return renderPain008(batch, deps.config.billing.pain008Version)
}

/**
 * A collection the bank sent back, recorded on its invoice (billing.finance.service.ts): the
 * outcome the mandate's next debit is judged by (sequenceTypeFor). Returned after settlement, the
 * series has started and the next debit is RCUR; rejected before settlement, the mandate was never
 * used, so the next debit is FRST again and the mandate's last use (from which its 36 months
 * count) goes back to its latest collection that was not rejected (decisions/019-sepa-direct-debit.md).
 * Only a collection still `sent` changes: an outcome is recorded once.
 */
export async function markCollectionOutcome(tx: Db, collection: { id: number; mandateId: number | null }, ret: { outcome: 'returned' | 'rejected'; reason: string; on: string }) {
  await tx
    .update(directDebitCollections)
    .set({ outcome: ret.outcome, returnReason: ret.reason, outcomeOn: ret.on })
    .where(and(eq(directDebitCollections.id, collection.id), eq(directDebitCollections.outcome, 'sent')))
  if (ret.outcome !== 'rejected' || collection.mandateId === null) return
  const lastUse = await lastUseOfMandate(tx, collection.mandateId)
  await tx
    .update(mandates)
    .set({ lastCollectionAt: lastUse ? new Date(`${lastUse}T12:00:00Z`) : null })
    .where(eq(mandates.id, collection.mandateId))
}
