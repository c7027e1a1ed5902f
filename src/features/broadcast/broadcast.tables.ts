import { pgTable, serial, uuid, text, integer, timestamp, index, unique } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/** A message from the wijk team to every content owner of the wijk ("who can help this week?"). */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['sending', 'sent'] }).notNull().default('sending'),
    recipients: integer('recipients').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
  },
  (t) => [index('broadcasts_wijk_idx').on(t.wijkId, t.createdAt)],
)

/** Who received a broadcast, and when: progress while sending, the record afterwards. */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    id: serial('id').primaryKey(),
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['queued', 'sent'] }).notNull().default('queued'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [unique('broadcast_recipients_uq').on(t.broadcastId, t.userId), index('broadcast_recipients_status_idx').on(t.broadcastId, t.status), index('broadcast_recipients_user_id_idx').on(t.userId)],
)
