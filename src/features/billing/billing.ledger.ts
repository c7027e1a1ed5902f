/**
 * Issuing to the fiscal ledger: an invoice or credit note gets its number from its kind's series
 * for the year, in the same transaction that writes it, so numbers run 1, 2, 3 … without a gap or
 * a double even with several processes (the series row is the lock), and an issue that fails gives
 * its number back. What is issued is never changed (a trigger refuses it); a correction is a
 * credit note that references the invoice.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { invoiceTotals } from './billing.invoice-document.js'
import type { BillingOperator } from '../../config/billing.js'
import { invoiceLines, invoicePayments, invoiceSeries, invoices, type BilledCustomer, type LedgerKind, type PaymentMethod } from './billing.ledger.tables.js'

export interface DraftLine {
  description: string
  quantity: number
  unitPriceCents: number
  /** Basis points: 2100 is 21 %. */
  vatRate: number
}

export interface InvoiceDraft {
  kind: LedgerKind
  accountId: string | null
  subscriptionId?: number
  /** Credit notes: the invoice corrected. */
  correctsId?: number
  customer: BilledCustomer
  seller: BillingOperator
  lang: Lang
  /** Dates as YYYY-MM-DD, in Amsterdam's calendar. */
  issuedOn: string
  dueOn: string
  periodStart: string
  periodEnd: string
  paymentMethod: PaymentMethod
  mandateReference?: string
  debtorIbanMasked?: string
  collectionOn?: string
  lines: readonly DraftLine[]
}

/** Fiscal records are kept 7 years after the end of the year they belong to (AWR art. 52). */
export const LEDGER_YEARS = 7

export function retainUntil(year: number): string {
  return `${year + LEDGER_YEARS}-12-31`
}

/** "2026-00001" for invoices, "C2026-00001" for credit notes. */
export function ledgerNumber(kind: LedgerKind, year: number, sequence: number): string {
  return `${kind === 'credit-note' ? 'C' : ''}${year}-${String(sequence).padStart(5, '0')}`
}

/**
 * The amounts as the invoice prints them (billing.invoice-document.ts: VAT per rate on that rate's
 * total, EN 16931 BR-CO-17), in the ledger's column names.
 */
export function ledgerTotals(lines: readonly DraftLine[]) {
  const totals = invoiceTotals(lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, vatRateBasisPoints: l.vatRate })))
  return {
    lines: lines.map((l, i) => ({ ...l, netCents: totals.lines[i]!.lineTotalCents })),
    rates: totals.vatBreakdown.map((r) => ({ vatRate: r.vatRateBasisPoints, netCents: r.taxableCents, vatCents: r.vatCents })),
    netCents: totals.totalExclVatCents,
    vatCents: totals.totalVatCents,
    totalCents: totals.totalInclVatCents,
  }
}

export class AlreadyIssued extends Error {
  constructor() {
    super('this subscription already has an invoice for this period')
  }
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } }
  const c = err.cause ?? err
  return c.code === '23505' && c.constraint === constraint
}

/**
 * Issues the draft with the next number of its series. A second invoice for the same
 * subscription and period throws AlreadyIssued, and its number is not used.
 */
export async function issueToLedger(db: Db, draft: InvoiceDraft, now: Date) {
  if (draft.lines.length === 0) throw new RangeError('an invoice has at least one line')
  const year = Number(draft.issuedOn.slice(0, 4))
  const totals = ledgerTotals(draft.lines)
  try {
    return await db.transaction(async (tx) => {
      const [series] = await tx
        .insert(invoiceSeries)
        .values({ kind: draft.kind, year, last: 1 })
        .onConflictDoUpdate({ target: [invoiceSeries.kind, invoiceSeries.year], set: { last: sql`${invoiceSeries.last} + 1` } })
        .returning({ last: invoiceSeries.last })
      const sequence = series!.last
      const [row] = await tx
        .insert(invoices)
        .values({
          kind: draft.kind,
          year,
          sequence,
          number: ledgerNumber(draft.kind, year, sequence),
          accountId: draft.accountId,
          subscriptionId: draft.subscriptionId ?? null,
          correctsId: draft.correctsId ?? null,
          customer: draft.customer,
          seller: draft.seller,
          lang: draft.lang,
          issuedOn: draft.issuedOn,
          dueOn: draft.dueOn,
          periodStart: draft.periodStart,
          periodEnd: draft.periodEnd,
          paymentMethod: draft.paymentMethod,
          mandateReference: draft.mandateReference ?? null,
          debtorIbanMasked: draft.debtorIbanMasked ?? null,
          collectionOn: draft.collectionOn ?? null,
          netCents: totals.netCents,
          vatCents: totals.vatCents,
          totalCents: totals.totalCents,
          retainUntil: retainUntil(year),
          createdAt: now,
        })
        .returning()
      await tx.insert(invoiceLines).values(totals.lines.map((l, i) => ({ invoiceId: row!.id, position: i + 1, ...l })))
      return row!
    })
  } catch (e) {
    if (isUniqueViolation(e, 'invoices_subscription_period_uq')) throw new AlreadyIssued()
    throw e
  }
}

/** Money received against an invoice; paid once what came in covers the total. */
export async function recordPayment(db: Db, invoiceId: number, payment: { amountCents: number; receivedOn: string; method: PaymentMethod }, now: Date) {
  await db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update')
    if (!invoice) throw new RangeError(`no invoice ${invoiceId}`)
    await tx.insert(invoicePayments).values({ invoiceId, ...payment, createdAt: now })
    const [{ received }] = (await tx
      .select({ received: sql<number>`coalesce(sum(${invoicePayments.amountCents}), 0)::int` })
      .from(invoicePayments)
      .where(eq(invoicePayments.invoiceId, invoiceId))) as [{ received: number }]
    if (received >= invoice.totalCents) await tx.update(invoices).set({ status: 'paid', paidOn: payment.receivedOn }).where(eq(invoices.id, invoiceId))
  })
}

/** What came in by direct debit on an invoice, less what went back: more than 0 means there is a collection that can come back. */
export async function collectedByDirectDebit(db: Db, invoiceId: number): Promise<number> {
  const [{ collected }] = (await db
    .select({ collected: sql<number>`coalesce(sum(${invoicePayments.amountCents}), 0)::int` })
    .from(invoicePayments)
    .where(and(eq(invoicePayments.invoiceId, invoiceId), eq(invoicePayments.method, 'direct-debit')))) as [{ collected: number }]
  return collected
}

/**
 * A collection that came back (an R-transaction), recorded with its reason code as money going
 * out again, so the payments still add up. A return (storno: settled, then sent back) leaves the
 * invoice open but marked returned; a reject (refused before settlement: no money moved) takes
 * the booked collection back and the invoice is simply open again.
 */
export async function recordReturn(db: Db, invoiceId: number, ret: { amountCents: number; receivedOn: string; reason: string; outcome: 'returned' | 'rejected' }, now: Date) {
  await db.transaction(async (tx) => {
    await tx.insert(invoicePayments).values({ invoiceId, amountCents: -ret.amountCents, receivedOn: ret.receivedOn, method: 'direct-debit', returnReason: ret.reason, createdAt: now })
    await tx
      .update(invoices)
      .set({ status: ret.outcome === 'returned' ? 'returned' : 'open', paidOn: null })
      .where(and(eq(invoices.id, invoiceId), eq(invoices.paymentMethod, 'direct-debit')))
  })
}
