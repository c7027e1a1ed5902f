import { pgTable, text, timestamp, uuid, integer, index, serial } from 'drizzle-orm/pg-core'
import { wijken } from '../places/places.tables.js'

/**
 * Account holders. Only email, password and first name are required (data minimisation, P02);
 * everything else is optional and asked where it is used.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** argon2id PHC string (P19). */
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    homeWijkId: integer('home_wijk_id').references(() => wijken.id, { onDelete: 'set null' }),
    /** Language for mail and pages: 'nl' or 'en'. */
    lang: text('lang', { enum: ['nl', 'en'] }).notNull().default('nl'),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull().default('active'),
    /** When the account was cancelled (P24): hidden from every public page at once, erased from the live database within 48 hours. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [index('users_home_wijk_idx').on(t.homeWijkId), index('users_status_idx').on(t.status, t.cancelledAt)],
)

/** Single-use links sent by mail: verify an email address, reset a password, confirm a new email. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify-email', 'reset-password', 'change-email'] }).notNull(),
    /** For change-email: the address to switch to once confirmed. */
    newEmail: text('new_email'),
    /** For verify-email: the local path the person was on when they signed up, to return to after login. */
    nextPath: text('next_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId), index('account_tokens_expires_idx').on(t.expiresAt)],
)

/**
 * A request for a mailed link (password reset, a new confirmation link) waiting for its job. The
 * request answers after the same work for every address (rate limits, this row, a job); whether
 * the address has an account is looked up only by the job, which deletes the row in the same
 * transaction. So the address is kept for seconds, and the answer's timing says nothing about it.
 */
export const mailLinkRequests = pgTable(
  'mail_link_requests',
  {
    id: serial('id').primaryKey(),
    purpose: text('purpose', { enum: ['reset-password', 'verify-email'] }).notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mail_link_requests_created_idx').on(t.createdAt)],
)
