import { pgTable, serial, text, timestamp, integer, uuid, unique, index, bigserial } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/** The documents a person agrees to: the privacy statement and the terms. */
export const DOCUMENT_KINDS = ['privacy', 'terms'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/**
 * Versioned legal documents: the privacy statement and the terms. A version is a draft until the
 * admin publishes it; published versions are never changed, so every consent points at exact text.
 */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    version: integer('version').notNull(),
    bodyNl: text('body_nl').notNull(),
    bodyEn: text('body_en').notNull(),
    /** Short summary of what changed, shown in the notice to users. */
    changeNote: text('change_note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [unique('legal_documents_kind_version_uq').on(t.kind, t.version)],
)

/**
 * Proof of consent (GDPR art. 7(1)): who agreed to or took note of which exact document version,
 * when, and how (P03, P04).
 */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => legalDocuments.id, { onDelete: 'restrict' }),
    /** 'signup', 'renewal' (after a new version), or 'paper' (recorded by a wijkbeheerder). */
    channel: text('channel', { enum: ['signup', 'renewal', 'paper'] }).notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.givenAt)],
)
