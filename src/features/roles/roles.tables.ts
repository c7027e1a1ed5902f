import { pgTable, serial, text, timestamp, integer, uuid, unique, index } from 'drizzle-orm/pg-core'
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
