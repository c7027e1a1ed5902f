import { pgTable, serial, text, timestamp, integer, uuid, unique, uniqueIndex, index } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * Roles: a platform admin has no wijk; an ambassadeur or wijkbeheerder is scoped to one wijk.
 * A person may hold several rows (e.g. wijkbeheerder of two wijken).
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'ambassadeur', 'wijkbeheerder'] }).notNull(),
    wijkId: integer('wijk_id').references(() => wijken.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [unique('role_assignments_uq').on(t.userId, t.role, t.wijkId).nullsNotDistinct(), index('role_assignments_wijk_idx').on(t.wijkId)],
)

/**
 * An invitation to a role for an address without an account (issue 5). The token is mailed;
 * only its SHA-256 is stored. At most one open invitation per address, role and wijk: an
 * expired one is closed (revoked_at) before a new one is made.
 */
export const roleInvitations = pgTable(
  'role_invitations',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'ambassadeur', 'wijkbeheerder'] }).notNull(),
    wijkId: integer('wijk_id').references(() => wijken.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('role_invitations_open_uq')
      .on(t.email, t.role, sql`coalesce(${t.wijkId}, 0)`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index('role_invitations_wijk_idx').on(t.wijkId),
    index('role_invitations_accepted_by_idx').on(t.acceptedBy),
    index('role_invitations_invited_by_idx').on(t.invitedBy),
  ],
)
