import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { packages } from './billing.packages.tables.js'
import { PAYMENT_METHODS } from './billing.ledger.tables.js'
import { billingCustomers, mandates } from './billing.customers.tables.js'
import { packageApplications } from './billing.applications.tables.js'

/** active; ending (cancelled at the end of the period, can be undone until then); ended. */
export const SUBSCRIPTION_STATUSES = ['active', 'ending', 'ended'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/**
 * A package an organisation has, from its approved application. Periods are calendar dates in
 * Europe/Amsterdam; the current period runs from its start up to (not including) its end, which
 * is also the date of the next invoice.
 */
export const subscriptions = pgTable(
  'billing_subscriptions',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => billingCustomers.id, { onDelete: 'restrict' }),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'restrict' }),
    /** Unique: one application can never start two subscriptions, however often it is approved. */
    applicationId: integer('application_id')
      .unique()
      .references(() => packageApplications.id, { onDelete: 'set null' }),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull().default('active'),
    startedOn: date('started_on').notNull(),
    currentPeriodStart: date('current_period_start').notNull(),
    currentPeriodEnd: date('current_period_end').notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    mandateId: integer('mandate_id').references(() => mandates.id, { onDelete: 'set null' }),
    endedOn: date('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('billing_subscriptions_period', sql`${t.currentPeriodEnd} > ${t.currentPeriodStart}`),
    check('billing_subscriptions_ending', sql`(${t.status} <> 'ending' or ${t.cancelAtPeriodEnd}) and (${t.status} <> 'active' or not ${t.cancelAtPeriodEnd})`),
    index('billing_subscriptions_customer_idx').on(t.customerId),
    index('billing_subscriptions_mandate_id_idx').on(t.mandateId),
    index('billing_subscriptions_package_id_idx').on(t.packageId),
  ],
)
