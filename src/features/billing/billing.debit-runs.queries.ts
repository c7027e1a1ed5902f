/**
 * Reading direct debit runs: the invoices due for collection, the mandates' earlier collections
 * (for the sequence type and the 36-month expiry), the runs made and one run with its debits.
 */
import { and, asc, desc, eq, inArray, lte, max, ne, notExists, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { addDays } from './billing.dates.js'
import { mandates } from './billing.customers.tables.js'
import { invoices } from './billing.ledger.tables.js'
import { directDebitCollections, directDebitRuns } from './billing.debit-runs.tables.js'

/** How far ahead the page looks by default: a week's collections fit one file. */
export const DEFAULT_HORIZON_DAYS = 7

/**
 * Open direct-debit invoices whose announced collection day is within `days` from today or past,
 * and that no run has collected yet, with their mandate (null when it was erased with its account).
 */
export async function invoicesDueForCollection(db: Db, today: string, days: number) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      organisation: sql<string>`${invoices.customer}->>'organisation'`,
      lang: invoices.lang,
      issuedOn: invoices.issuedOn,
      collectionOn: invoices.collectionOn,
      totalCents: invoices.totalCents,
      mandateReference: invoices.mandateReference,
      mandate: {
        id: mandates.id,
        reference: mandates.reference,
        signedOn: mandates.signedOn,
        scheme: mandates.scheme,
        status: mandates.status,
        endedAt: mandates.endedAt,
        lastCollectionAt: mandates.lastCollectionAt,
        ibanSealed: mandates.ibanSealed,
        accountHolderName: mandates.accountHolderName,
      },
    })
    .from(invoices)
    .leftJoin(mandates, eq(mandates.reference, invoices.mandateReference))
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        eq(invoices.paymentMethod, 'direct-debit'),
        eq(invoices.status, 'open'),
        lte(invoices.collectionOn, addDays(today, days)),
        notExists(db.select({ one: sql`1` }).from(directDebitCollections).where(eq(directDebitCollections.invoiceId, invoices.id))),
      ),
    )
    .orderBy(asc(invoices.collectionOn), asc(invoices.number))
}
export type DueRow = Awaited<ReturnType<typeof invoicesDueForCollection>>[number]

/** Every earlier collection under these mandates: their outcomes and days. */
export async function collectionsUnder(db: Db, mandateIds: number[]) {
  if (mandateIds.length === 0) return []
  return db
    .select({ mandateId: directDebitCollections.mandateId, outcome: directDebitCollections.outcome, collectionOn: directDebitCollections.collectionOn })
    .from(directDebitCollections)
    .where(inArray(directDebitCollections.mandateId, mandateIds))
}

/** The collection of an invoice in a run, if a run collected it (at most one: unique invoice_id). */
export async function collectionOfInvoice(db: Db, invoiceId: number) {
  const [row] = await db
    .select({ id: directDebitCollections.id, mandateId: directDebitCollections.mandateId, outcome: directDebitCollections.outcome })
    .from(directDebitCollections)
    .where(eq(directDebitCollections.invoiceId, invoiceId))
    .limit(1)
  return row ?? null
}

/** The collection day of the mandate's latest collection that was not rejected, or null. */
export async function lastUseOfMandate(db: Db, mandateId: number): Promise<string | null> {
  const [row] = await db
    .select({ on: max(directDebitCollections.collectionOn) })
    .from(directDebitCollections)
    .where(and(eq(directDebitCollections.mandateId, mandateId), ne(directDebitCollections.outcome, 'rejected')))
  return row?.on ?? null
}

export async function listRuns(db: Db) {
  return db.select().from(directDebitRuns).orderBy(desc(directDebitRuns.createdAt), desc(directDebitRuns.id)).limit(100)
}

export async function findRun(db: Db, id: number) {
  const [run] = await db.select().from(directDebitRuns).where(eq(directDebitRuns.id, id)).limit(1)
  if (!run) return null
  const collections = await db
    .select({ c: directDebitCollections, organisation: sql<string>`${invoices.customer}->>'organisation'`, invoiceNumber: invoices.number })
    .from(directDebitCollections)
    .innerJoin(invoices, eq(invoices.id, directDebitCollections.invoiceId))
    .where(eq(directDebitCollections.runId, id))
    .orderBy(asc(directDebitCollections.collectionOn), asc(directDebitCollections.sequenceType), asc(directDebitCollections.endToEndId))
  return { run, collections }
}
export type RunDetail = NonNullable<Awaited<ReturnType<typeof findRun>>>

/** The sealed IBANs and holder names of a run's mandates, to render its file again. */
export async function mandatesOfRun(db: Db, runId: number) {
  return db
    .select({ collectionId: directDebitCollections.id, reference: mandates.reference, ibanSealed: mandates.ibanSealed, accountHolderName: mandates.accountHolderName })
    .from(directDebitCollections)
    .innerJoin(mandates, eq(mandates.id, directDebitCollections.mandateId))
    .where(eq(directDebitCollections.runId, runId))
}
