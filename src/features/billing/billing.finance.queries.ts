/**
 * Reading the ledger for the admin's finance pages and the bookkeeper's journal. "Overdue" is not
 * stored: it is an open (or returned) invoice whose due date has passed, judged on today's date.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { ledgerTotals } from './billing.ledger.js'
import { invoiceLines, invoicePayments, invoiceReminders, invoices } from './billing.ledger.tables.js'

export const LEDGER_VIEWS = ['open', 'achterstallig', 'betaald', 'alle'] as const
export type LedgerView = (typeof LEDGER_VIEWS)[number]

const unpaid = inArray(invoices.status, ['open', 'returned'])

function viewCondition(view: LedgerView, today: string): SQL | undefined {
  if (view === 'open') return unpaid
  if (view === 'achterstallig') return and(unpaid, lt(invoices.dueOn, today))
  if (view === 'betaald') return eq(invoices.status, 'paid')
  return undefined
}

const yearRange = (year: number) => and(gte(invoices.issuedOn, `${year}-01-01`), lte(invoices.issuedOn, `${year}-12-31`))

export async function listLedger(db: Db, view: LedgerView, year: number, today: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      organisation: sql<string>`${invoices.customer}->>'organisation'`,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      totalCents: invoices.totalCents,
      status: invoices.status,
      paymentMethod: invoices.paymentMethod,
    })
    .from(invoices)
    .where(and(yearRange(year), viewCondition(view, today)))
    .orderBy(desc(invoices.issuedOn), desc(invoices.id))
}
export type LedgerListRow = Awaited<ReturnType<typeof listLedger>>[number]

/** Totals at a glance: what is open, what is overdue, what came in this year. */
export async function ledgerSummary(db: Db, year: number, today: string) {
  const [row] = await db
    .select({
      openCount: sql<number>`count(*) filter (where ${unpaid} and ${invoices.dueOn} >= ${today})::int`,
      openCents: sql<number>`coalesce(sum(${invoices.totalCents}) filter (where ${unpaid} and ${invoices.dueOn} >= ${today}), 0)::int`,
      overdueCount: sql<number>`count(*) filter (where ${unpaid} and ${invoices.dueOn} < ${today})::int`,
      overdueCents: sql<number>`coalesce(sum(${invoices.totalCents}) filter (where ${unpaid} and ${invoices.dueOn} < ${today}), 0)::int`,
      paidCount: sql<number>`count(*) filter (where ${invoices.status} = 'paid')::int`,
      paidCents: sql<number>`coalesce(sum(${invoices.totalCents}) filter (where ${invoices.status} = 'paid'), 0)::int`,
    })
    .from(invoices)
    .where(and(yearRange(year), eq(invoices.kind, 'invoice')))
  return row!
}

/** Per month of the year: what was invoiced (credit notes subtracted) and what of it is paid. */
export async function ledgerPerMonth(db: Db, year: number) {
  const sign = sql`case when ${invoices.kind} = 'credit-note' then -1 else 1 end`
  return db
    .select({
      month: sql<string>`to_char(${invoices.issuedOn}, 'YYYY-MM')`,
      count: sql<number>`count(*)::int`,
      netCents: sql<number>`sum(${sign} * ${invoices.netCents})::int`,
      vatCents: sql<number>`sum(${sign} * ${invoices.vatCents})::int`,
      totalCents: sql<number>`sum(${sign} * ${invoices.totalCents})::int`,
      paidCents: sql<number>`coalesce(sum(${invoices.totalCents}) filter (where ${invoices.status} = 'paid'), 0)::int`,
    })
    .from(invoices)
    .where(yearRange(year))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
}

export async function findLedgerEntry(db: Db, id: number) {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id)).limit(1)
  if (!invoice) return null
  const [lines, payments, corrects, reminders] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position)),
    db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, id)).orderBy(asc(invoicePayments.receivedOn), asc(invoicePayments.id)),
    invoice.correctsId === null ? null : db.select({ id: invoices.id, number: invoices.number, issuedOn: invoices.issuedOn }).from(invoices).where(eq(invoices.id, invoice.correctsId)).limit(1),
    db.select({ number: invoiceReminders.number, sentOn: invoiceReminders.sentOn }).from(invoiceReminders).where(eq(invoiceReminders.invoiceId, id)).orderBy(asc(invoiceReminders.number)),
  ])
  return { invoice, lines, payments, corrects: corrects?.[0] ?? null, reminders }
}
export type LedgerEntry = NonNullable<Awaited<ReturnType<typeof findLedgerEntry>>>

/**
 * One line per invoice and credit note of the year for the bookkeeper, amounts per VAT rate
 * (computed as on the invoice: VAT per rate on the rate's total), credit notes negative.
 */
export async function journalRows(db: Db, year: number) {
  const rows = await db.select().from(invoices).where(yearRange(year)).orderBy(asc(invoices.issuedOn), asc(invoices.kind), asc(invoices.sequence))
  const lines = rows.length ? await db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, rows.map((r) => r.id))) : []
  const numberOf = new Map(rows.map((r) => [r.id, r.number]))
  const missing = rows.filter((r) => r.correctsId !== null && !numberOf.has(r.correctsId)).map((r) => r.correctsId!)
  if (missing.length) {
    for (const r of await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, missing))) numberOf.set(r.id, r.number)
  }
  return rows.map((r) => {
    const sign = r.kind === 'credit-note' ? -1 : 1
    const perRate = new Map(ledgerTotals(lines.filter((l) => l.invoiceId === r.id)).rates.map((x) => [x.vatRate, x]))
    const at = (rate: number, key: 'netCents' | 'vatCents') => sign * (perRate.get(rate)?.[key] ?? 0)
    return {
      invoice: r,
      corrects: r.correctsId === null ? null : (numberOf.get(r.correctsId) ?? null),
      net21: at(2100, 'netCents'),
      vat21: at(2100, 'vatCents'),
      net9: at(900, 'netCents'),
      vat9: at(900, 'vatCents'),
      net0: at(0, 'netCents'),
      total: sign * r.totalCents,
    }
  })
}
