import { pgTable, uuid, integer, timestamp, primaryKey, index } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

// Offline participants are part of the content model (content.tables.ts) and a wijk's links are
// the wijk's own (places.tables.ts): the wijk team edits them here, the public site shows them.

/** When a wijk team member last opened the wijk's dashboard: "new and changed since last visit". */
export const wijkbeheerVisits = pgTable(
  'wijkbeheer_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.wijkId] }), index('wijkbeheer_visits_wijk_id_idx').on(t.wijkId)],
)
