import { sql } from 'drizzle-orm'
import { pgTable, serial, integer, uuid, text, timestamp, boolean, index, unique } from 'drizzle-orm/pg-core'
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
    /** What happened to the data, as the AP's form asks: read, copied, altered, deleted, stolen, lost. */
    nature: text('nature').array().notNull().default(sql`'{}'::text[]`),
    /** Whether the breach is still going on. */
    ongoing: boolean('ongoing').notNull().default(false),
    /** Whether the data involved was encrypted (which lowers the risk). */
    dataEncrypted: text('data_encrypted', { enum: ['no', 'partly', 'yes'] }).notNull().default('no'),
    /** Measures still planned (the AP asks for taken and proposed separately). */
    measuresProposed: text('measures_proposed').notNull().default(''),
    /** What the people involved can do themselves; goes into the mail that informs them. */
    advice: text('advice').notNull().default(''),
    /** Whether the people involved are told (AVG art. 34), and why not when they are not. */
    informDecision: text('inform_decision', { enum: ['undecided', 'inform', 'not-required'] }).notNull().default('undecided'),
    informReason: text('inform_reason').notNull().default(''),
    /** People in other EU countries involved (the AP then coordinates with other authorities). */
    crossBorder: boolean('cross_border').notNull().default(false),
    /** Who the authority can contact about this breach: name, role, phone or email. */
    contactPerson: text('contact_person').notNull().default(''),
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
  (t) => [unique('breach_notifications_uq').on(t.breachId, t.userId), index('breach_notifications_status_idx').on(t.breachId, t.status), index('breach_notifications_user_id_idx').on(t.userId)],
)
