import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { legalDocuments } from '../documents/documents.tables.js'
import { packages } from './billing.packages.tables.js'
import { PAYMENT_METHODS } from './billing.ledger.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'

/** package: /pakketten/<slug>/aanvragen; ambassadeur: /ambassadeur-worden, with a proposed wijk. */
export const APPLICATION_KINDS = ['package', 'ambassadeur'] as const
export type ApplicationKind = (typeof APPLICATION_KINDS)[number]

export const APPLICATION_STATUSES = ['pending', 'approved', 'declined'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/**
 * An application for a package at /pakketten/<slug>/aanvragen, or to become the ambassadeur of
 * a new wijk at /ambassadeur-worden (kind 'ambassadeur': the package is the ambassadeur fee, the
 * agreement the ambassadeur agreement, the wijk in billing_wijk_proposals), with the signed
 * agreement: which exact version, when, and the name the signer typed. The platform admin
 * approves or declines it once.
 */
export const packageApplications = pgTable(
  'billing_applications',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: APPLICATION_KINDS }).notNull().default('package'),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'restrict' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => billingCustomers.id, { onDelete: 'cascade' }),
    /** The applicant; erasing the account erases the application. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    mandateId: integer('mandate_id').references(() => mandates.id, { onDelete: 'set null' }),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    /** The signed agreement: the exact published version, when, and the name typed. */
    documentId: integer('document_id')
      .notNull()
      .references(() => legalDocuments.id, { onDelete: 'restrict' }),
    documentVersion: integer('document_version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    signerName: text('signer_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('billing_applications_decided', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    check('billing_applications_mandate', sql`(${t.paymentMethod} = 'direct-debit') or (${t.mandateId} is null)`),
    index('billing_applications_status_idx').on(t.status, t.createdAt),
    index('billing_applications_user_idx').on(t.userId),
    index('billing_applications_customer_id_idx').on(t.customerId),
    index('billing_applications_decided_by_idx').on(t.decidedBy),
    index('billing_applications_document_id_idx').on(t.documentId),
    index('billing_applications_mandate_id_idx').on(t.mandateId),
    index('billing_applications_package_id_idx').on(t.packageId),
  ],
)
