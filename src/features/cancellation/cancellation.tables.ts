import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core'

/**
 * Encrypted copies of cancelled accounts (P26), kept 5 years only to reactivate an account on
 * request, then destroyed by a daily job. No public or user route reads this table; only the
 * admin restore flow does. The payload is AES-256-GCM with the ARCHIVE_KEY named by key_id.
 */
export const accountArchives = pgTable(
  'account_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The erased account's id; it comes back under the same id when restored. */
    originalUserId: uuid('original_user_id').notNull(),
    /** HMAC-SHA256 (with the archive key) of the lower-cased email, to find an archive on request without storing the address in clear. */
    emailLookup: text('email_lookup').notNull(),
    keyId: text('key_id').notNull(),
    /** base64: 12-byte IV, ciphertext and 16-byte GCM tag. */
    iv: text('iv').notNull(),
    ciphertext: text('ciphertext').notNull(),
    authTag: text('auth_tag').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }).notNull(),
    purgeAfter: timestamp('purge_after', { withTimezone: true }).notNull(),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
  },
  (t) => [index('account_archives_purge_idx').on(t.purgeAfter), index('account_archives_lookup_idx').on(t.emailLookup)],
)
