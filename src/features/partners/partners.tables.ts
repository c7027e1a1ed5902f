import { sql } from 'drizzle-orm'
import { bigserial, check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { cities, wijken } from '../places/places.tables.js'
import { legalDocuments } from '../documents/documents.tables.js'
import type { ContentType } from '../content/content.tables.js'

/**
 * concept: being prepared, gives no access; actief: gives access between its start and end
 * date; opgeschort: access cut for now (keys and widgets refused at once, kept for later);
 * beeindigd: over for good.
 */
export const PARTNER_STATUSES = ['concept', 'actief', 'opgeschort', 'beeindigd'] as const
export type PartnerStatus = (typeof PARTNER_STATUSES)[number]

/** Requests per minute per key unless the agreement says otherwise. */
export const DEFAULT_PARTNER_RATE = 600

/**
 * A partner and its data-sharing agreement (P11, P12): who receives wijk content, for what, and
 * within which scope. Only public content within the scope is ever shared, and only while the
 * agreement is active and within its dates (partners.access.ts).
 */
export const partners = pgTable('partners', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** The partner's contact for the agreement: personal data of someone outside the platform. */
  contactName: text('contact_name').notNull(),
  contactEmail: text('contact_email').notNull(),
  /** Web origins (scheme://host[:port]) where its widgets may appear; CORS and frame-ancestors follow them. */
  origins: jsonb('origins').$type<string[]>().notNull().default([]),
  purposeNl: text('purpose_nl').notNull(),
  purposeEn: text('purpose_en').notNull(),
  /** Which content types it receives; the wijken and cities are in partner_scope. */
  contentTypes: jsonb('content_types').$type<ContentType[]>().notNull(),
  startsOn: date('starts_on').notNull(),
  /** Last day of access; null = until ended. */
  endsOn: date('ends_on'),
  status: text('status', { enum: PARTNER_STATUSES }).notNull().default('concept'),
  ratePerMinute: integer('rate_per_minute').notNull().default(DEFAULT_PARTNER_RATE),
  /** The version of the Deelovereenkomst the partner signed, by whom (their name) and on which day. */
  agreementDocumentId: integer('agreement_document_id').references(() => legalDocuments.id, { onDelete: 'restrict' }),
  signedBy: text('signed_by'),
  signedOn: date('signed_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('partners_agreement_document_id_idx').on(t.agreementDocumentId)])

/**
 * The wijken and cities an agreement covers. A city covers every wijk in it, also wijken added
 * later (a city network sees its whole city in one call).
 */
export const partnerScope = pgTable(
  'partner_scope',
  {
    id: serial('id').primaryKey(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    cityId: integer('city_id').references(() => cities.id, { onDelete: 'cascade' }),
    wijkId: integer('wijk_id').references(() => wijken.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('partner_scope_partner_idx').on(t.partnerId),
    index('partner_scope_wijk_idx').on(t.wijkId),
    index('partner_scope_city_idx').on(t.cityId),
    /** A row names a city or a wijk, never both and never neither. */
    check('partner_scope_one_place', sql`(${t.cityId} is null) <> (${t.wijkId} is null)`),
  ],
)

/**
 * API keys of a partner. The key itself is shown once, at creation; only its SHA-256 is stored,
 * with a visible prefix so a partner and the admin can tell keys apart.
 */
export const partnerKeys = pgTable(
  'partner_keys',
  {
    id: serial('id').primaryKey(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The admin who made it. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('partner_keys_partner_idx').on(t.partnerId), index('partner_keys_created_by_idx').on(t.createdBy)],
)

/** Requests per key per day: a count only, never who or from where. */
export const partnerKeyUse = pgTable(
  'partner_key_use',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => partnerKeys.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.day] })],
)

/**
 * Every change to a content item, and every change of an owner's account status, as a row:
 * the changes feed (/api/v1/changes) reads it to tell partners which items left their scope,
 * so they can remove their copies. Written by database triggers (migration 0018), so no code
 * path that hides, deletes or cancels can forget it. Ids and times only; no personal data.
 */
export const contentChanges = pgTable(
  'content_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    contentId: integer('content_id').notNull(),
    wijkId: integer('wijk_id').notNull(),
    type: text('type').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_changes_wijk_seq_idx').on(t.wijkId, t.seq), index('content_changes_changed_idx').on(t.changedAt)],
)
