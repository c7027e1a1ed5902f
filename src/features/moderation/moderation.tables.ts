import { pgTable, serial, uuid, text, integer, timestamp, index, unique } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'
import { contentItems } from '../content/content.tables.js'

export const REPORT_REASONS = ['incorrect', 'offensive', 'spam', 'privacy', 'other'] as const

/**
 * "Meld dit": reports on public items, queued for the wijk team. One report per person per item;
 * an item reported by three different people is hidden until a wijkbeheerder decides.
 */
export const contentReports = pgTable(
  'content_reports',
  {
    id: serial('id').primaryKey(),
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    /** Copied from the item, for the wijk's queue. */
    wijkId: integer('wijk_id').notNull(),
    /** Null once the reporter's account is erased (the report still counts). */
    reporterUserId: uuid('reporter_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    /** What the wijkbeheerder decided and why (shown in the moderation record). */
    decision: text('decision'),
  },
  (t) => [unique('content_reports_once_uq').on(t.contentId, t.reporterUserId), index('content_reports_queue_idx').on(t.wijkId, t.status, t.createdAt), index('content_reports_reporter_user_id_idx').on(t.reporterUserId)],
)

/** Per wijk: when its team was last mailed about a growing report queue (at most once a day). */
export const wijkReportNotices = pgTable('wijk_report_notices', {
  wijkId: integer('wijk_id')
    .primaryKey()
    .references(() => wijken.id, { onDelete: 'cascade' }),
  lastMailedAt: timestamp('last_mailed_at', { withTimezone: true }).notNull(),
})
