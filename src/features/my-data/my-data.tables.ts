import { pgTable, uuid, text, integer, timestamp, index } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/**
 * "Download mijn gegevens" (P23): one row per requested export. A job writes the ZIP to the file
 * store; only its owner can download it, until expires_at (24 hours), after which a retention
 * rule deletes the file and the row.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    /** Random, so export URLs cannot be guessed; the route also checks the owner. */
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['queued', 'running', 'ready', 'failed'] }).notNull().default('queued'),
    /** 0..100 while running. */
    progress: integer('progress').notNull().default(0),
    /** File-store key of the ZIP once ready. */
    fileKey: text('file_key'),
    sizeBytes: integer('size_bytes'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.requestedAt), index('data_exports_expires_idx').on(t.expiresAt)],
)
