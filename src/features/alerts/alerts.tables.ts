import { pgTable, serial, uuid, text, integer, timestamp, index, unique } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * What an account holder follows in a wijk: a module ('agenda', 'prikbord', …), a theme (its
 * slug) or a Prikbord category ("tell me about new requests for Burenhulp").
 */
export const alertFollows = pgTable(
  'alert_follows',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['module', 'theme', 'category'] }).notNull(),
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('alert_follows_uq').on(t.userId, t.wijkId, t.kind, t.value), index('alert_follows_wijk_idx').on(t.wijkId, t.kind, t.value)],
)

/**
 * How often an account holder hears about what they follow: one mail per period holds
 * everything new since `last_sent_at`, so nobody is flooded. The unsubscribe link (one click, no
 * login) sets the frequency to 'never'.
 */
export const alertSettings = pgTable('alert_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  frequency: text('frequency', { enum: ['immediate', 'daily', 'weekly', 'never'] }).notNull().default('weekly'),
  /** Everything published after this moment goes into the next mail. */
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
  /** SHA-256 of the secret in the one-click unsubscribe link. */
  unsubscribeTokenHash: text('unsubscribe_token_hash').notNull().unique(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
