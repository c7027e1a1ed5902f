import { pgTable, serial, integer, uuid, text, timestamp, index, unique } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/**
 * The register of personal-data breaches (P22, AVG art. 33(5)): every breach is recorded, whether
 * or not it had to be reported to the Autoriteit Persoonsgegevens.
 */
export const breaches = pgTable(
  'breaches',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    /** When it started, if known. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    whatHappened: text('what_happened').notNull(),
    /** Kinds of personal data involved (e.g. "e-mailadressen, namen"). */
    dataKinds: text('data_kinds').notNull(),
    /** Kinds of people involved (e.g. "bewoners van De Vlinderhof"). */
    peopleKinds: text('people_kinds').notNull(),
    /** About how many people. */
    approxPeople: integer('approx_people'),
    /** About how many records. */
    approxRecords: integer('approx_records'),
    likelyConsequences: text('likely_consequences').notNull().default(''),
    measuresTaken: text('measures_taken').notNull().default(''),
    /** Why the authority was or was not notified. */
    authorityDecision: text('authority_decision', { enum: ['undecided', 'notify', 'not-required'] }).notNull().default('undecided'),
    authorityNotifiedAt: timestamp('authority_notified_at', { withTimezone: true }),
    /** The authority's case number, once reported. */
    authorityReference: text('authority_reference'),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('breaches_discovered_idx').on(t.discoveredAt)],
)

/**
 * One row per account holder told about a breach: written when the notification is started
 * (status 'queued'), marked 'sent' when its mail is queued in the outbox. The record of who was
 * notified when; the user id becomes null if that account is later erased.
 */
export const breachNotifications = pgTable(
  'breach_notifications',
  {
    id: serial('id').primaryKey(),
    breachId: integer('breach_id')
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['queued', 'sent'] }).notNull().default('queued'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [unique('breach_notifications_uq').on(t.breachId, t.userId), index('breach_notifications_status_idx').on(t.breachId, t.status)],
)
