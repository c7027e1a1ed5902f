/**
 * Invoicing subscriptions (P10), run by the job queue: first every subscription whose period has
 * passed moves on to its next period (or ends, when it was cancelled at the period's end); then
 * every subscription in force without an invoice for its current period gets one, in advance,
 * mailed with its PDF and e-invoice in the same transaction that issues it.
 *
 * Safe to run twice, or in two processes at once: a period moves only from the end it was read
 * at, and the ledger takes one invoice per subscription and period (AlreadyIssued), so a second
 * run issues nothing and mails nothing.
 */
import { and, eq, inArray, ne, notExists, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { users } from '../accounts/accounts.tables.js'
import { addDays, amsterdamDay } from './billing.dates.js'
import { addPeriod } from './billing.periods.js'
import { collectionDateFor } from './billing.sepa.dates.js'
import { AlreadyIssued, issueToLedger, type InvoiceDraft } from './billing.ledger.js'
import { invoiceLines, invoices } from './billing.ledger.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packages } from './billing.packages.tables.js'
import { subscriptions } from './billing.subscriptions.tables.js'
import { INVOICE_CONTENT_TYPES, INVOICE_FORMATS } from './billing.invoice-document.js'
import { invoiceFiles, ledgerDocument } from './billing.invoice-files.js'
import { invoiceMail, lineDescription } from './billing.invoice-mail.js'

type InvoicingDeps = Pick<Deps, 'db' | 'clock' | 'config'>

/**
 * Days between the invoice (the pre-notification) and the collection: the SEPA rulebook's
 * default of 14 calendar days, so no debtor is surprised whatever their bank agreed.
 */
export const PRE_NOTIFICATION_DAYS = 14

/** The job type of a run queued by an event (an approval); the hourly schedule needs none. */
export const INVOICING_JOB = 'billing.invoicing'

const inForce = inArray(subscriptions.status, ['active', 'ending'])

/** Moves passed periods on; a subscription cancelled at the end of its period ends. */
export async function rollPeriods(deps: InvoicingDeps): Promise<number> {
  const { db, clock } = deps
  const today = amsterdamDay(clock.now())
  const due = await db
    .select({ id: subscriptions.id, status: subscriptions.status, end: subscriptions.currentPeriodEnd, period: packages.period })
    .from(subscriptions)
    .innerJoin(packages, eq(packages.id, subscriptions.packageId))
    .where(and(inForce, sql`${subscriptions.currentPeriodEnd} <= ${today}`))
  for (const s of due) {
    const seen = eq(subscriptions.currentPeriodEnd, s.end)
    if (s.status === 'ending') {
      await db.transaction(async (tx) => {
        const [ended] = await tx.update(subscriptions).set({ status: 'ended', endedOn: s.end, updatedAt: clock.now() }).where(and(eq(subscriptions.id, s.id), seen)).returning({ mandateId: subscriptions.mandateId })
        // Its mandate ends with it: nothing is collected any more, and the IBAN's 13 months start.
        if (ended?.mandateId) await tx.update(mandates).set({ status: 'ended', endedAt: clock.now() }).where(and(eq(mandates.id, ended.mandateId), ne(mandates.status, 'ended')))
      })
      continue
    }
    // A job that did not run for a while catches up period by period; only the current one is invoiced.
    let start = s.end
    let end = addPeriod(start, s.period)
    while (end <= today) [start, end] = [end, addPeriod(end, s.period)]
    await db.update(subscriptions).set({ currentPeriodStart: start, currentPeriodEnd: end, updatedAt: clock.now() }).where(and(eq(subscriptions.id, s.id), seen))
  }
  return due.length
}

/** Subscriptions in force without an invoice for their current period, with what the invoice needs. */
async function uninvoiced(deps: InvoicingDeps) {
  return deps.db
    .select({ subscription: subscriptions, customer: billingCustomers, pkg: packages, mandate: mandates, lang: users.lang })
    .from(subscriptions)
    .innerJoin(billingCustomers, eq(billingCustomers.id, subscriptions.customerId))
    .innerJoin(packages, eq(packages.id, subscriptions.packageId))
    .leftJoin(mandates, eq(mandates.id, subscriptions.mandateId))
    .leftJoin(users, eq(users.id, billingCustomers.userId))
    .where(
      and(
        inForce,
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(invoices)
            .where(and(eq(invoices.subscriptionId, subscriptions.id), eq(invoices.periodStart, subscriptions.currentPeriodStart), eq(invoices.kind, 'invoice'))),
        ),
      ),
    )
}
type Uninvoiced = Awaited<ReturnType<typeof uninvoiced>>[number]

function draftFor(deps: InvoicingDeps, u: Uninvoiced, today: string): InvoiceDraft {
  const { subscription: s, customer: c, pkg, mandate } = u
  const lang: Lang = u.lang ?? 'nl'
  const periodEnd = addDays(s.currentPeriodEnd, -1)
  const debit = s.paymentMethod === 'direct-debit' && mandate?.status === 'active'
  const collectionOn = debit ? collectionDateFor(today, PRE_NOTIFICATION_DAYS, deps.clock.now()) : undefined
  return {
    kind: 'invoice',
    accountId: c.userId,
    subscriptionId: s.id,
    customer: {
      organisation: c.organisationName,
      contactName: c.contactName,
      street: c.street,
      houseNumber: c.houseNumber,
      postcode: c.postalCode,
      place: c.place,
      country: c.country,
      email: c.billingEmail,
      ...(c.kvkNumber ? { kvk: c.kvkNumber } : {}),
      ...(c.vatNumber ? { vatNumber: c.vatNumber } : {}),
    },
    seller: deps.config.billing.operator,
    lang,
    issuedOn: today,
    dueOn: collectionOn ?? addDays(today, deps.config.billing.paymentTermDays),
    periodStart: s.currentPeriodStart,
    periodEnd,
    paymentMethod: debit ? 'direct-debit' : 'transfer',
    ...(debit ? { mandateReference: mandate!.reference, debtorIbanMasked: mandate!.ibanMasked, collectionOn } : {}),
    lines: [{ description: lineDescription(pkg, lang, s.currentPeriodStart, periodEnd), quantity: 1, unitPriceCents: pkg.priceCents, vatRate: pkg.vatRate }],
  }
}

/** Issues and mails one invoice; false when another run issued it first. */
async function issueOne(deps: InvoicingDeps, u: Uninvoiced, today: string): Promise<boolean> {
  const now = deps.clock.now()
  try {
    await deps.db.transaction(async (tx) => {
      const row = await issueToLedger(tx, draftFor(deps, u, today), now)
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, row.id))
      const doc = ledgerDocument(row, lines, null)
      const files = await invoiceFiles(doc)
      await queueMail(tx, now, {
        key: `billing.invoice:${row.id}`,
        to: row.customer.email,
        userId: row.accountId,
        ...invoiceMail(deps.config, doc, row),
        attachments: INVOICE_FORMATS.map((f) => ({ ...files[f], contentType: INVOICE_CONTENT_TYPES[f] })),
      })
    })
    return true
  } catch (e) {
    if (e instanceof AlreadyIssued) return false
    throw e
  }
}

/** The whole run: periods on, then the missing invoices. Returns how many were issued. */
export async function runInvoicing(deps: InvoicingDeps): Promise<number> {
  await rollPeriods(deps)
  const today = amsterdamDay(deps.clock.now())
  let issued = 0
  for (const u of await uninvoiced(deps)) if (await issueOne(deps, u, today)) issued++
  return issued
}
