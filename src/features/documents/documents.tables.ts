import { pgTable, serial, text, timestamp, integer, uuid, unique, index, bigserial } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'

/**
 * The versioned documents: the privacy statement and the terms, which every account holder is
 * asked about, and the agreements the platform signs with organisations (the Deelovereenkomst
 * with partners, P11; the package agreement an organisation signs when it applies for a package;
 * the ambassadeur agreement of an organisation starting a wijk), which nobody with an account is
 * ever asked to agree to as a consent: an organisation signs them in its application. A new kind is
 * one word here, one slug in documents.queries.ts, one title and its default text.
 */
export const DOCUMENT_KINDS = ['privacy', 'terms', 'sharing', 'package', 'ambassadeur'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/**
 * The kinds a person agrees to or takes note of (signup, the consent gate, the renewal notice,
 * the export of consents). Every consent path reads this list, never DOCUMENT_KINDS, so adding an
 * agreement kind can never ask residents to sign it.
 */
export const CONSENT_KINDS = ['privacy', 'terms'] as const satisfies readonly DocumentKind[]
export type ConsentKind = (typeof CONSENT_KINDS)[number]

export function isConsentKind(kind: DocumentKind): kind is ConsentKind {
  return (CONSENT_KINDS as readonly DocumentKind[]).includes(kind)
}

/**
 * Versioned legal documents (DOCUMENT_KINDS). A version is a draft until the admin publishes it;
 * published versions are never changed, so every consent and every signed agreement points at
 * exact text.
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
  (t) => [index('consents_user_idx').on(t.userId, t.givenAt), index('consents_document_id_idx').on(t.documentId)],
)
