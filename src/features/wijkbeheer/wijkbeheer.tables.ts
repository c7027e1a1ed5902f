import { pgTable, serial, uuid, text, integer, timestamp, primaryKey } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * Residents and organisations without email or computer, for whom the wijk team places and
 * maintains content (assisted posting). Their consent was given on paper; who recorded it and
 * when is kept here. Their items have no owner account: the wijk team manages them.
 */
export const offlineParticipants = pgTable('offline_participants', {
  id: serial('id').primaryKey(),
  wijkId: integer('wijk_id')
    .notNull()
    .references(() => wijken.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** How the team reaches them (e.g. "telefoon via het buurthuis"); never shown publicly. */
  howToReach: text('how_to_reach').notNull().default(''),
  /** The date on the signed paper consent form. */
  paperConsentOn: text('paper_consent_on').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/** Existing resident-run websites of a wijk, linked from its site. */
export const wijkLinks = pgTable('wijk_links', {
  id: serial('id').primaryKey(),
  wijkId: integer('wijk_id')
    .notNull()
    .references(() => wijken.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  url: text('url').notNull(),
  position: integer('position').notNull().default(0),
})

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
  (t) => [primaryKey({ columns: [t.userId, t.wijkId] })],
)
