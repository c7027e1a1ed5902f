import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import type { BillingOperator } from '../../config/billing.js'

/** An invoice, or a credit note that corrects one; each kind has its own number series. */
export const LEDGER_KINDS = ['invoice', 'credit-note'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

export const PAYMENT_METHODS = ['transfer', 'direct-debit'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/**
 * open: waiting for payment (transfer) or collection (direct debit); paid; returned: a collection
 * came back (storno), so it is open again but says why; credited: fully corrected by a credit note.
 */
export const INVOICE_STATUSES = ['open', 'paid', 'returned', 'credited'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/**
 * The customer as printed on the invoice (art. 35a Wet OB: name and address), copied when the
 * invoice is issued: it is part of the fiscal record, kept 7 years, and never follows later
 * changes to the customer's details or the erasure of their account.
 */
export interface BilledCustomer {
  organisation: string
  contactName: string
  street: string
  houseNumber: string
  postcode: string
  place: string
  country: string
  email: string
  kvk?: string
  vatNumber?: string
}

/**
 * The last number given out per kind and year. A number is taken by raising `last` in the
 * transaction that issues the invoice: the row stays locked until that transaction ends, so two
 * processes take turns, and a rolled-back issue gives its number back (no gaps, no doubles).
 */
export const invoiceSeries = pgTable(
  'invoice_series',
  {
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.year] })],
)

/**
 * The fiscal ledger (P10): issued invoices and credit notes. Fiscal columns are never updated
 * after issue (a trigger refuses it, migration); only the payment state moves, and cancelling an
 * account only loosens `account_id`. Kept until `retain_until`, 7 years after the end of the year
 * of issue (retention rule billing.ledger).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    /** "2026-00001"; credit notes "C2026-00001". */
    number: text('number').notNull().unique(),
    /** The account that receives and sees it; null once that account is erased. */
    accountId: uuid('account_id').references(() => users.id, { onDelete: 'set null' }),
    /** What it bills; null for credit notes and for invoices made by hand. */
    subscriptionId: integer('subscription_id'),
    /** The invoice a credit note corrects. */
    correctsId: integer('corrects_id'),
    customer: jsonb('customer').$type<BilledCustomer>().notNull(),
    /** The operator as printed on it (name, address, KvK, VAT number, account, Incassant-ID): a move never changes an issued invoice. */
    seller: jsonb('seller').$type<BillingOperator>().notNull(),
    lang: text('lang', { enum: ['nl', 'en'] }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    /** Direct debit only: the mandate and the collection date the invoice announces (pre-notification). */
    mandateReference: text('mandate_reference'),
    /** Direct debit only: the debtor's account, masked as printed; the full number is never in the ledger. */
    debtorIbanMasked: text('debtor_iban_masked'),
    collectionOn: date('collection_on', { mode: 'string' }),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('open'),
    paidOn: date('paid_on', { mode: 'string' }),
    retainUntil: date('retain_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('invoices_kind_year_sequence_uq').on(table.kind, table.year, table.sequence),
    // One invoice per subscription and period, whoever issues it and however often (the job is idempotent).
    unique('invoices_subscription_period_uq').on(table.subscriptionId, table.periodStart, table.kind),
    index('invoices_account_idx').on(table.accountId),
    index('invoices_status_due_idx').on(table.status, table.dueOn),
    index('invoices_retain_until_idx').on(table.retainUntil),
    check('invoices_credit_note_corrects', sql`(${table.kind} = 'credit-note') = (${table.correctsId} is not null)`),
    check('invoices_direct_debit_mandate', sql`(${table.paymentMethod} = 'direct-debit') = (${table.mandateReference} is not null)`),
    check('invoices_totals_add_up', sql`${table.netCents} + ${table.vatCents} = ${table.totalCents}`),
  ],
)

/** The lines of an invoice, each with its own description, price and rate as issued. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    netCents: integer('net_cents').notNull(),
  },
  (table) => [primaryKey({ columns: [table.invoiceId, table.position] }), check('invoice_lines_quantity_positive', sql`${table.quantity} > 0`)],
)

/** Money received (or collected) against an invoice, recorded by the admin or a collection run. */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: serial('id').primaryKey(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    /** A returned collection's reason code (AC04, MD06 …); its amount is then negative. */
    returnReason: text('return_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('invoice_payments_invoice_idx').on(table.invoiceId)],
)

/**
 * The reminders sent for an unpaid invoice (1 and 2): a reminder is sent by inserting its row in
 * the transaction that queues its mail, so two runs, or a rerun, never send one twice.
 */
export const invoiceReminders = pgTable(
  'invoice_reminders',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.invoiceId, table.number] }), check('invoice_reminders_number', sql`${table.number} between 1 and 2`)],
)
