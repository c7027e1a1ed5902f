import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import type { SepaCreditor } from './billing.sepa.js'
import type { LeftOutReason } from './billing.sepa.batch.js'
import { MANDATE_SCHEMES } from './billing.mandate-rules.js'
import { mandates } from './billing.customers.tables.js'
import { invoices } from './billing.ledger.tables.js'

/** `noMandate`: the mandate or its IBAN is gone (erased with the account); nothing to collect from. */
export type RunLeftOutReason = LeftOutReason | 'noMandate'
export interface LeftOutInvoice {
  invoiceId: number
  invoiceNumber: string
  reason: RunLeftOutReason
}

export const SEQUENCE_TYPES = ['FRST', 'RCUR'] as const
export const COLLECTION_OUTCOMES = ['sent', 'rejected', 'returned'] as const

/**
 * A direct debit run (P09): one pain.008 file the admin made for the bank. The file itself is not
 * stored, because it holds the debtors' IBANs in the clear; it is rendered again from the run, its
 * collections and the sealed IBANs whenever the admin downloads it. Kept with the ledger (7 years,
 * retention rule billing.ledger): it says how each direct-debit invoice was collected.
 */
export const directDebitRuns = pgTable(
  'direct_debit_runs',
  {
    id: serial('id').primaryKey(),
    /** The file's MsgId: a bank refuses a message id it has seen, so one per run, never reused. */
    messageId: text('message_id').notNull().unique(),
    /** The admin who made it; null once that account is erased. */
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The operator as creditor when the run was made: a later move of account does not change the file. */
    creditor: jsonb('creditor').$type<SepaCreditor>().notNull(),
    firstCollectionOn: date('first_collection_on', { mode: 'string' }).notNull(),
    lastCollectionOn: date('last_collection_on', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    totalCents: integer('total_cents').notNull(),
    /** The due invoices the run did not collect, and why (expired, revoked, firstPending). */
    leftOut: jsonb('left_out').$type<LeftOutInvoice[]>().notNull(),
    /** The later of the year-end rule for the run and for its invoices: see billing.ledger's retention. */
    retainUntil: date('retain_until', { mode: 'string' }).notNull(),
  },
  (t) => [check('direct_debit_runs_count_positive', sql`${t.count} > 0`), index('direct_debit_runs_retain_until_idx').on(t.retainUntil), index('direct_debit_runs_created_by_user_id_idx').on(t.createdByUserId)],
)

/**
 * One debit in a run: an invoice collected under a mandate. An invoice is collected at most once
 * (unique invoice_id): a second run, or two admins at once, cannot send it to the bank again; a
 * returned collection is not sent again by a run (the admin asks for a transfer or a new mandate).
 * The outcome is what the bank reported; sequenceTypeFor reads them for the mandate's next debit.
 */
export const directDebitCollections = pgTable(
  'direct_debit_collections',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => directDebitRuns.id, { onDelete: 'cascade' }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    /** null once the mandate is erased with its account; the reference stays, as on the invoice. */
    mandateId: integer('mandate_id').references(() => mandates.id, { onDelete: 'set null' }),
    mandateReference: text('mandate_reference').notNull(),
    mandateSignedOn: date('mandate_signed_on', { mode: 'string' }).notNull(),
    scheme: text('scheme', { enum: MANDATE_SCHEMES }).notNull(),
    sequenceType: text('sequence_type', { enum: SEQUENCE_TYPES }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The EndToEndId: the invoice number, by which the bank reports a return. */
    endToEndId: text('end_to_end_id').notNull(),
    collectionOn: date('collection_on', { mode: 'string' }).notNull(),
    /** The remittance text the debtor sees on their statement. */
    description: text('description').notNull(),
    outcome: text('outcome', { enum: COLLECTION_OUTCOMES }).notNull().default('sent'),
    returnReason: text('return_reason'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
  },
  (t) => [
    unique('direct_debit_collections_invoice_uq').on(t.invoiceId),
    index('direct_debit_collections_run_idx').on(t.runId),
    index('direct_debit_collections_mandate_idx').on(t.mandateId),
    check('direct_debit_collections_amount_positive', sql`${t.amountCents} > 0`),
  ],
)
