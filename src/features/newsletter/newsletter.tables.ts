import { pgTable, serial, uuid, text, integer, timestamp, index, unique } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * Subscriptions to a wijk's newsletter. An account holder subscribes with their account (user_id
 * set, confirmed at once); a visitor without an account subscribes by email with double opt-in
 * (user_id null, confirmed when the mailed link is opened). Cancelling an account deletes its rows.
 */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Only for subscribers without an account (lower-cased); account holders use their account's address. */
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    status: text('status', { enum: ['pending', 'confirmed'] }).notNull().default('pending'),
    /** SHA-256 of the secret in the one-click unsubscribe and confirmation links. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    unique('newsletter_user_wijk_uq').on(t.wijkId, t.userId),
    unique('newsletter_email_wijk_uq').on(t.wijkId, t.email),
    index('newsletter_user_idx').on(t.userId),
    index('newsletter_wijk_status_idx').on(t.wijkId, t.status),
  ],
)
