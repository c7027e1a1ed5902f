import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { Sealed } from '../../kernel/crypto/sealed.js'
import { users } from '../accounts/accounts.tables.js'
import { MANDATE_SCHEMES } from './billing.mandate-rules.js'

/** pending until the application is approved; ended when declined, cancelled or expired. */
export const MANDATE_STATUSES = ['pending', 'active', 'ended'] as const
export type MandateStatus = (typeof MANDATE_STATUSES)[number]

/**
 * An organisation's billing details, as given in its application: what invoices are addressed
 * to. Linked to the account that applied; erasing that account detaches the row (user_id null)
 * rather than deleting it, as invoices will keep pointing at it (the fiscal ledger, issue 14).
 */
export const billingCustomers = pgTable('billing_customers', {
  id: serial('id').primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  organisationName: text('organisation_name').notNull(),
  /** KvK number, 8 digits, when the organisation has one. */
  kvkNumber: text('kvk_number'),
  /** Dutch VAT number (NL + 9 digits + B + 2 digits), when the organisation has one. */
  vatNumber: text('vat_number'),
  street: text('street').notNull(),
  houseNumber: text('house_number').notNull(),
  /** Dutch postcodes normalised to "1234 AB". */
  postalCode: text('postal_code').notNull(),
  place: text('place').notNull(),
  /** ISO 3166-1 alpha-2. */
  country: text('country').notNull().default('NL'),
  billingEmail: text('billing_email').notNull(),
  /** The contact person: asked here and nowhere else on the platform (P02). */
  contactName: text('contact_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('billing_customers_user_id_idx').on(t.userId)])

/**
 * A SEPA direct debit mandate (P09): a first-class record with its own unique reference. The
 * account number is only ever stored sealed (billing.crypto.ts, bound to the reference); the
 * masked form is what every page shows. A destroyed IBAN is a null iban_sealed.
 */
export const mandates = pgTable(
  'billing_mandates',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => billingCustomers.id, { onDelete: 'cascade' }),
    /** The account holder who signed it; erasing the account erases the mandate. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull().unique(),
    scheme: text('scheme', { enum: MANDATE_SCHEMES }).notNull().default('CORE'),
    signedOn: date('signed_on').notNull(),
    signedPlace: text('signed_place').notNull(),
    signerName: text('signer_name').notNull(),
    /** AES-256-GCM under BILLING_KEY, never the plain number. */
    ibanSealed: jsonb('iban_sealed').$type<Sealed>(),
    /** "NL•• •••• •••• ••43 00": for display. */
    ibanMasked: text('iban_masked').notNull(),
    accountHolderName: text('account_holder_name').notNull(),
    status: text('status', { enum: MANDATE_STATUSES }).notNull().default('pending'),
    lastCollectionAt: timestamp('last_collection_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // MANDATE_REFERENCE_MAX, written out: a check constraint is DDL, which takes no parameters.
    check('billing_mandates_reference_length', sql`char_length(${t.reference}) <= 35`),
    index('billing_mandates_user_idx').on(t.userId),
    index('billing_mandates_customer_id_idx').on(t.customerId),
  ],
)
