import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core'

/**
 * The one thing sessions know of accounts: a `users` table keyed by a uuid `id`. Declared here by
 * name only (features/accounts owns the table), so the foreign key below stays in the schema that
 * drizzle-kit compares with the migrations without the kernel importing a feature.
 */
const users = pgTable('users', { id: uuid('id').primaryKey() })

/** Login sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Random id that names the session in the owner's "log out this session" form; never the token or its hash. */
    handle: uuid('handle').notNull().unique().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Per-session CSRF secret for forms. */
    csrfToken: text('csrf_token').notNull(),
    /** Browser family and OS only (e.g. "Firefox op Linux"), shown on Mijn gegevens. */
    device: text('device').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)
