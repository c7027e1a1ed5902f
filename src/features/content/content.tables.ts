import { sql } from 'drizzle-orm'
import { pgTable, serial, text, timestamp, integer, uuid, boolean, jsonb, index, primaryKey, unique, customType } from 'drizzle-orm/pg-core'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * Residents and organisations without email or computer, for whom the wijk team places and
 * maintains content (assisted posting). Their consent was given on paper; who recorded it and
 * when is kept here. Their items have no owner account: the wijk team manages them (features/wijkbeheer). Part of the
 * content model, because an item names the participant it was placed for.
 */
export const offlineParticipants = pgTable('offline_participants', {
  id: serial('id').primaryKey(),
  wijkId: integer('wijk_id')
    .notNull()
    .references(() => wijken.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** How the team reaches them (e.g. "telefoon via het buurthuis"); never shown publicly. */
  howToReach: text('how_to_reach').notNull().default(''),
  /** The date on the signed paper consent form. */
  paperConsentOn: text('paper_consent_on').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('offline_participants_recorded_by_idx').on(t.recordedBy), index('offline_participants_wijk_id_idx').on(t.wijkId)])

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const CONTENT_TYPES = ['activity', 'organisation', 'request', 'offer', 'news', 'showcase'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]
export const CONTENT_STATUSES = ['draft', 'published', 'hidden'] as const
export type ContentStatus = (typeof CONTENT_STATUSES)[number]

/** Weekly, every other week, or monthly on the same weekday (e.g. every 2nd Tuesday). */
export interface Recurrence {
  kind: 'weekly' | 'biweekly' | 'monthly-weekday'
  /** Last date (YYYY-MM-DD, Europe/Amsterdam) an occurrence may start; null = no end. */
  until: string | null
  /** Dates (YYYY-MM-DD) on which it does not take place. */
  exceptions: string[]
  /** Occurrences that take place at another date or time than the series gives them. */
  moves?: MovedOccurrence[]
}

/** One occurrence of a series, moved (calendar clients call this a changed instance). */
export interface MovedOccurrence {
  /** The date (YYYY-MM-DD, Europe/Amsterdam) the series gives it. */
  date: string
  /** The date it takes place instead. */
  to: string
  /** Its new start time (HH:MM); null keeps the series' time. Always null for all-day series. */
  time: string | null
  /** Its new end time (HH:MM) on the new date; null keeps the series' length. */
  endTime: string | null
}

/**
 * Everything a wijk offers, in one table: activities (Agenda), organisations (Organisatiegids),
 * requests and offers (Prikbord), news (Nieuws) and showcases (Etalage).
 *
 * PRIVACY: the contact_* fields are personal data. Each has its own *_public switch, false by
 * default (P05, P08). Public pages, feeds, search results and the sitemap read content only
 * through the public projection (content.public.ts), which drops every field not switched on.
 * The search vector holds only title, summary and body, never a contact field.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    type: text('type', { enum: CONTENT_TYPES }).notNull(),
    status: text('status', { enum: CONTENT_STATUSES }).notNull().default('draft'),
    /** Why a wijkbeheerder hid it (shown to the owner). */
    hiddenReason: text('hidden_reason'),
    /** Who hid it ('moderator': a wijkbeheerder; 'reports': three reports by different people), and when. */
    hiddenKind: text('hidden_kind', { enum: ['moderator', 'reports'] }),
    hiddenBy: uuid('hidden_by'),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    /** The owner fixed a hidden item and asks the wijk team to publish it again. */
    republishRequestedAt: timestamp('republish_requested_at', { withTimezone: true }),
    title: text('title').notNull(),
    /** URL part derived from the title: /<wijk>/<module>/<id>-<slug>. */
    slug: text('slug').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown, rendered to sanitised HTML. */
    body: text('body').notNull().default(''),
    /** The account that placed it; null while it belongs to the wijk (bulk import, not yet claimed; assisted posting). */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Placed by the wijk team for someone without email or computer (assisted posting). */
    offlineParticipantId: integer('offline_participant_id').references(() => offlineParticipants.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** First publication; for news the publication date shown. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * The owner lets partner websites show the item (API, widgets, partner feeds: P11). Off is
     * "alleen op WijkConnect tonen": the item then never leaves the platform's own pages.
     */
    sharedWithPartners: boolean('shared_with_partners').notNull().default(true),

    contactName: text('contact_name'),
    contactNamePublic: boolean('contact_name_public').notNull().default(false),
    contactEmail: text('contact_email'),
    contactEmailPublic: boolean('contact_email_public').notNull().default(false),
    contactPhone: text('contact_phone'),
    contactPhonePublic: boolean('contact_phone_public').notNull().default(false),
    contactAddress: text('contact_address'),
    contactAddressPublic: boolean('contact_address_public').notNull().default(false),

    // Activity (Agenda)
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    allDay: boolean('all_day').notNull().default(false),
    recurrence: jsonb('recurrence').$type<Recurrence>(),
    /**
     * Raised by a trigger (migration 0023) whenever something a calendar shows changes: the
     * SEQUENCE of the item's events in the iCal feeds, so subscribed calendars take the change.
     */
    revision: integer('revision').notNull().default(0),
    /** Where it takes place, as the owner wants it shown (a public place, not a contact field). */
    locationText: text('location_text'),
    locationOrgId: integer('location_org_id').references((): AnyPgColumn => contentItems.id, { onDelete: 'set null' }),
    /** Null = free. */
    costCents: integer('cost_cents'),
    joinInfo: text('join_info'),

    // Organisation (Organisatiegids)
    offers: text('offers'),
    openingHours: text('opening_hours'),
    website: text('website'),

    // Request / offer (Prikbord)
    category: text('category'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),

    // Showcase (Etalage)
    priceCents: integer('price_cents'),
    businessId: integer('business_id').references((): AnyPgColumn => contentItems.id, { onDelete: 'set null' }),

    /**
     * Since when the owner has it "uitgelicht" on the wijk home (issue 14); null when not. It shows
     * there only while the owner's package gives `featured`: the home's query asks that itself, so
     * an item of a package that ended stays marked but is not shown (decisions/021).
     */
    featuredAt: timestamp('featured_at', { withTimezone: true }),

    /** Dutch full-text search over the public text only. */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'C')`,
    ),
  },
  (t) => [
    index('content_wijk_type_idx').on(t.wijkId, t.type, t.status, t.publishedAt),
    index('content_type_updated_idx').on(t.wijkId, t.status, t.updatedAt),
    /** "Newest first" lists of one or more types read this index in order and stop early. */
    index('content_wijk_newest_idx').on(t.wijkId, t.status, t.publishedAt.desc().nullsLast(), t.id.desc()),
    index('content_owner_idx').on(t.ownerId),
    /** The wijk home's Uitgelicht section: the few marked items of one wijk, newest mark first. */
    index('content_featured_idx')
      .on(t.wijkId, t.featuredAt.desc())
      .where(sql`${t.featuredAt} is not null`),
    /**
     * The Prikbord's categories in use: a skip from one category to the next, then per category a
     * probe for a visible row, unexpired ones first (listCategories), so the cost follows the few
     * categories, not the wijk's thousands of items.
     */
    index('content_wijk_category_idx')
      .on(t.wijkId, t.category, t.expiresAt)
      .where(sql`${t.category} is not null`),
    index('content_offline_idx').on(t.offlineParticipantId),
    index('content_expires_idx').on(t.type, t.expiresAt),
    /**
     * Search within one wijk (decisions/036): the wijk's id is a key of the text and trigram
     * indexes themselves (btree_gin), so a word's matches in that wijk come straight from the
     * index, not from the whole city's matches intersected with a list of every item of the wijk.
     * A search over all wijken reads the same indexes by their second column.
     */
    index('content_wijk_search_idx').using('gin', t.wijkId, t.search),
    index('content_wijk_title_trgm_idx').using('gin', t.wijkId, t.title.op('gin_trgm_ops')),
    /** Lists in alphabetical order (the Organisatiegids): a walk of one page, not a sort of the wijk's organisations. */
    index('content_wijk_title_idx').on(t.wijkId, t.type, t.title, t.id).where(sql`${t.status} = 'published'`),
    /** Foreign keys (test/foreign-key-indexes.test.ts): the activities at an organisation, and deletes. */
    index('content_business_idx').on(t.businessId).where(sql`${t.businessId} is not null`),
    index('content_location_org_idx').on(t.locationOrgId).where(sql`${t.locationOrgId} is not null`),
  ],
)

/**
 * Occurrences of activities, expanded from their recurrence for a rolling horizon, so Agenda
 * listings are one indexed range query. Rebuilt when an activity is saved and extended daily.
 */
export const activityOccurrences = pgTable(
  'activity_occurrences',
  {
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    wijkId: integer('wijk_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.startsAt] }), index('occurrences_wijk_start_idx').on(t.wijkId, t.startsAt)],
)

/** Themes of a wijk (Ontmoeting, Sport en bewegen, …), edited by its wijkbeheerder. */
export const wijkThemes = pgTable(
  'wijk_themes',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('wijk_themes_slug_uq').on(t.wijkId, t.slug)],
)

export const contentThemes = pgTable(
  'content_themes',
  {
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => wijkThemes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.themeId] }), index('content_themes_theme_idx').on(t.themeId)],
)

/**
 * Up to 6 images per item, stored as WebP at fixed widths (files "<key>-<width>.webp"), all
 * metadata stripped. Alt text is required.
 */
export const contentImages = pgTable(
  'content_images',
  {
    id: serial('id').primaryKey(),
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** Content-hashed base key, e.g. "content/3f2a…"; widths in `widths`. */
    fileKey: text('file_key').notNull(),
    widths: jsonb('widths').$type<number[]>().notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('content_images_content_idx').on(t.contentId, t.position)],
)

/** People who co-manage an item (P07): they edit it, but do not delete it or manage co-managers. */
export const contentManagers = pgTable(
  'content_managers',
  {
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.userId] }), index('content_managers_user_idx').on(t.userId)],
)

/** Invitations to co-manage, sent by mail; only the token's SHA-256 is stored. */
export const contentInvitations = pgTable(
  'content_invitations',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    contentId: integer('content_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** 'co-manage' (P07), or 'claim': an organisation takes over an imported entry as its owner. */
    purpose: text('purpose', { enum: ['co-manage', 'claim'] }).notNull().default('co-manage'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('content_invitations_content_idx').on(t.contentId), index('content_invitations_invited_by_idx').on(t.invitedBy)],
)
