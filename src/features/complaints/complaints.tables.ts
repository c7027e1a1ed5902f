import { pgTable, serial, uuid, text, timestamp, index } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/**
 * Complaints about the processing of personal data (P29), from account holders or visitors.
 * Recorded with a status and an answer, which is mailed to the complainant.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    /** Short reference the complainant can quote, e.g. "K-2026-0007". */
    reference: text('reference').notNull().unique(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    lang: text('lang', { enum: ['nl', 'en'] }).notNull().default('nl'),
    body: text('body').notNull(),
    status: text('status', { enum: ['received', 'in-progress', 'answered', 'closed'] }).notNull().default('received'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('complaints_status_idx').on(t.status, t.createdAt), index('complaints_user_idx').on(t.userId)],
)
