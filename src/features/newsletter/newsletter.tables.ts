import { pgTable, serial, uuid, text, integer, timestamp, index, unique, jsonb } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/**
 * Subscriptions to a wijk's newsletter. An account holder subscribes with their account (user_id
 * set, confirmed at once); a visitor without an account subscribes by email with double opt-in
 * (user_id null, confirmed when the mailed link is opened). Cancelling an account deletes its rows.
 */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Only for subscribers without an account (lower-cased); account holders use their account's address. */
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    /**
     * The language of the mails and link pages of a subscriber without an account: the page's
     * language at sign-up. Account holders get their account's language instead.
     */
    lang: text('lang', { enum: ['nl', 'en'] }).notNull().default('nl'),
    status: text('status', { enum: ['pending', 'confirmed'] }).notNull().default('pending'),
    /** SHA-256 of the secret in the one-click unsubscribe and confirmation links. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    unique('newsletter_user_wijk_uq').on(t.wijkId, t.userId),
    unique('newsletter_email_wijk_uq').on(t.wijkId, t.email),
    index('newsletter_user_idx').on(t.userId),
    index('newsletter_wijk_status_idx').on(t.wijkId, t.status),
  ],
)

/** Which automatic blocks a newsletter carries, filled from the wijk's content of its period. */
export interface NewsletterBlocks {
  activities: boolean
  prikbord: boolean
  news: boolean
}

/**
 * A wijk's newsletter: composed by its wijk team (markdown plus automatic blocks), previewed,
 * test-sent, then sent to the confirmed subscribers through the outbox. Sent issues keep what was
 * sent (without any greeting or link of a subscriber) for the public archive of the wijk.
 */
export const newsletters = pgTable(
  'newsletters',
  {
    id: serial('id').primaryKey(),
    wijkId: integer('wijk_id')
      .notNull()
      .references(() => wijken.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    /** Markdown, rendered to sanitised HTML and plain text. */
    body: text('body').notNull().default(''),
    blocks: jsonb('blocks').$type<NewsletterBlocks>().notNull(),
    /** The period the automatic blocks cover. */
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['draft', 'sending', 'sent'] }).notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The issue as sent, for the public archive (no subscriber's name or link in it). */
    archivedHtml: text('archived_html'),
    archivedText: text('archived_text'),
    recipients: integer('recipients').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
  },
  (t) => [index('newsletters_wijk_idx').on(t.wijkId, t.status, t.sentAt)],
)

/** One row per subscriber a newsletter went to: progress while sending, and the record afterwards. */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    id: serial('id').primaryKey(),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    /** Null once that subscriber unsubscribed or their account was erased. */
    subscriptionId: integer('subscription_id').references(() => newsletterSubscriptions.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['queued', 'sent'] }).notNull().default('queued'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [unique('newsletter_deliveries_uq').on(t.newsletterId, t.subscriptionId), index('newsletter_deliveries_status_idx').on(t.newsletterId, t.status), index('newsletter_deliveries_subscription_id_idx').on(t.subscriptionId)],
)
