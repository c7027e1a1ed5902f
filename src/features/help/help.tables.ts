import { pgTable, serial, uuid, text, integer, timestamp, index } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { contentItems } from '../content/content.tables.js'

/**
 * Questions and problem reports sent from the "Hulp nodig" page, and cancellation requests an
 * admin records on someone's behalf (e.g. received by email). Handled in /beheer/hulpvragen.
 * A problem about content carries its wijk, so that wijk's wijkbeheerders see it too.
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['question', 'content-problem', 'cancellation'] }).notNull(),
    /** The account that asked; null once that account is erased. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    wijkId: integer('wijk_id').references(() => wijken.id, { onDelete: 'set null' }),
    contentItemId: integer('content_item_id').references(() => contentItems.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    /** The answer sent to the requester, if any. */
    answer: text('answer'),
    handledBy: uuid('handled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('support_requests_status_idx').on(t.status, t.createdAt),
    index('support_requests_wijk_idx').on(t.wijkId, t.status),
    index('support_requests_user_idx').on(t.userId),
    index('support_requests_content_item_id_idx').on(t.contentItemId),
  ],
)
