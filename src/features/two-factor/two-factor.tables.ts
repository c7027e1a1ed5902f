import { pgTable, serial, text, timestamp, uuid, bigint, integer, index, primaryKey } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/**
 * A person's authenticator app (TOTP, RFC 6238). The secret is stored encrypted
 * (two-factor.crypto.ts); confirmedAt stays null until the person typed a valid code, and only a
 * confirmed row counts as a factor. lastUsedStep is the last 30-second time step whose code was
 * accepted: a code of that step or an earlier one is refused (no replay).
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
})

/** Ten single-use recovery codes per person, stored as keyed hashes; a new set replaces the old. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
)

/** Passkeys (WebAuthn credentials). Only the public key is stored; the name is the person's own. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** base64url credential id, as the browser reports it. */
    credentialId: text('credential_id').notNull().unique(),
    /** base64url COSE public key. */
    publicKey: text('public_key').notNull(),
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    /** Comma-separated transports the authenticator reported (usb, internal, …). */
    transports: text('transports').notNull().default(''),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
)

/**
 * A login that passed the password and waits for the second factor: a random token in an
 * HttpOnly cookie, stored as its SHA-256, bound to the person and the path to land on, for
 * five minutes. It is deleted when the second step succeeds.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nextPath: text('next_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pending_logins_user_idx').on(t.userId), index('pending_logins_expires_idx').on(t.expiresAt)],
)

/** WebAuthn challenges: one open challenge per person and purpose, single use, short-lived. */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['register', 'login'] }).notNull(),
    challenge: text('challenge').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.purpose] }), index('webauthn_challenges_expires_idx').on(t.expiresAt)],
)

/**
 * Since when this installation requires a second factor, per group of roles ('admin', or
 * 'other-roles' for ambassadeurs and wijkbeheerders). Written at start from the configuration;
 * a person's grace period runs from their appointment or from this moment, whichever is later,
 * so switching the requirement on never withholds anyone's powers at once.
 */
export const secondFactorRequirements = pgTable('second_factor_requirements', {
  scope: text('scope', { enum: ['admin', 'other-roles'] }).primaryKey(),
  since: timestamp('since', { withTimezone: true }).notNull(),
})

/** The one reminder mail per person during a grace period. */
export const secondFactorReminders = pgTable('second_factor_reminders', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  /** Days left that the mail announced, for the record. */
  daysLeft: integer('days_left').notNull(),
})
