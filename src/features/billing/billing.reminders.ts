/**
 * Reminders of unpaid transfer invoices (issue 14): the first BILLING_REMINDER_DAYS[0] days after
 * the due date, the second (if configured) BILLING_REMINDER_DAYS[1] days after it, never more.
 * Only transfer invoices: a direct debit is collected, and a returned one is the admin's to
 * follow up. Each reminder goes to the billing address with the invoice's PDF again attached.
 *
 * Once per invoice and number, also with two processes: the reminder's row is inserted in the
 * transaction that queues its mail (primary key invoice and number), and the mail's own key is
 * the same pair.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Deps } from '../../kernel/context.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { addDays, amsterdamDay } from './billing.dates.js'
import { invoiceLines, invoiceReminders, invoices } from './billing.ledger.tables.js'
import { INVOICE_CONTENT_TYPES } from './billing.invoice-document.js'
import { invoiceFile, ledgerDocument } from './billing.invoice-files.js'
import { reminderMail } from './billing.invoice-mail.js'

type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'config'>

/** Unpaid transfer invoices past the first reminder day, with how many reminders they had. */
function candidates(deps: ReminderDeps, today: string, firstAfterDays: number) {
  const sent = deps.db
    .select({ invoiceId: invoiceReminders.invoiceId, count: sql<number>`count(*)::int`.as('count') })
    .from(invoiceReminders)
    .groupBy(invoiceReminders.invoiceId)
    .as('sent')
  return deps.db
    .select({ invoice: invoices, sent: sql<number>`coalesce(${sent.count}, 0)` })
    .from(invoices)
    .leftJoin(sent, eq(sent.invoiceId, invoices.id))
    .where(and(eq(invoices.kind, 'invoice'), eq(invoices.paymentMethod, 'transfer'), eq(invoices.status, 'open'), lte(invoices.dueOn, addDays(today, -firstAfterDays))))
    .orderBy(asc(invoices.dueOn), asc(invoices.id))
}

/** The reminder now due for an invoice, or null: the next one whose day has come. */
export function reminderDue(dueOn: string, alreadySent: number, reminderDays: readonly number[], today: string): number | null {
  const next = alreadySent + 1
  const after = reminderDays[next - 1]
  return after !== undefined && addDays(dueOn, after) <= today ? next : null
}

/** Sends the reminders that are due; returns how many. */
export async function sendReminders(deps: ReminderDeps): Promise<number> {
  const days = deps.config.billing.reminderDays
  if (days.length === 0) return 0
  const now = deps.clock.now()
  const today = amsterdamDay(now)
  let count = 0
  for (const { invoice, sent } of await candidates(deps, today, days[0]!)) {
    const number = reminderDue(invoice.dueOn, Number(sent), days, today)
    if (number === null) continue
    const queued = await deps.db.transaction(async (tx) => {
      const [taken] = await tx.insert(invoiceReminders).values({ invoiceId: invoice.id, number, sentOn: today, createdAt: now }).onConflictDoNothing().returning({ number: invoiceReminders.number })
      if (!taken) return false
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id))
      const doc = ledgerDocument(invoice, lines, null)
      const pdf = await invoiceFile(doc, 'pdf')
      await queueMail(tx, now, {
        key: `billing.reminder:${invoice.id}:${number}`,
        to: invoice.customer.email,
        userId: invoice.accountId,
        ...reminderMail(deps.config, doc, invoice, number),
        attachments: [{ ...pdf, contentType: INVOICE_CONTENT_TYPES.pdf }],
      })
      return true
    })
    if (queued) count++
  }
  return count
}
