import { pgTable, bigserial, text, jsonb, integer, timestamp, index, uuid } from 'drizzle-orm/pg-core'

export interface StoredAttachment {
  filename: string
  contentType: string
  /** The file's bytes, base64. */
  content: string
}

/**
 * Every outgoing mail, written in the same transaction as its cause and delivered by a job.
 * Delivered rows are purged by a retention job (see docs/retention.md).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Idempotency key: the same cause never produces two mails. */
    key: text('key').notNull().unique(),
    /** The account the mail is about, so erasure can remove pending mail. */
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** Files sent with the mail (an invoice's PDF), base64, kept only as long as the row. */
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default([]),
    /** What kind of mail, for the dev mailbox and statistics (e.g. 'account.verify'). */
    template: text('template').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull().default('pending'),
    /** While 'sending': until when this claim holds (a crashed sender's claim runs out). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.createdAt), index('outbox_user_idx').on(t.userId)],
)
