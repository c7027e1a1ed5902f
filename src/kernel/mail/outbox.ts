/**
 * Code never sends mail directly: it queues an outbox row, in the same transaction as the change
 * that causes it, plus a delivery job. The key makes queueing idempotent: a retried cause never
 * produces a second mail.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.insert(users).values(...)
 *   await queueMail(tx, clock.now(), { key: `verify:${userId}:${tokenHash}`, to, ...verifyEmail(t, link) })
 * })
 */
import type { Db } from '../db/client.js'
import { outbox } from './outbox.tables.js'
import { enqueueMany } from '../jobs/queue.js'

export interface RenderedMail {
  template: string
  subject: string
  text: string
  html: string
}

export interface MailAttachment {
  filename: string
  contentType: string
  content: Buffer
}

export interface OutgoingMail extends RenderedMail {
  key: string
  to: string
  userId?: string | null
  replyTo?: string | null
  headers?: Record<string, string>
  /** Small files only (a PDF of some kilobytes): they are stored in the outbox row until it is purged. */
  attachments?: MailAttachment[]
}

export const DELIVER_JOB = 'mail.deliver'
export const MAX_DELIVERY_ATTEMPTS = 10

/** Queues a mail; returns the outbox id, or null when a mail with this key was queued before. */
export async function queueMail(db: Db, now: Date, mail: OutgoingMail): Promise<number | null> {
  const [id] = await queueMails(db, now, [mail])
  return id ?? null
}

/**
 * Queues several mails with two statements, however many there are: a list's batch costs the
 * database (and, on PGlite, the visitors waiting for it) no more round trips than one mail.
 * Returns the ids of the rows created; a key queued before is skipped.
 */
export async function queueMails(db: Db, now: Date, mails: OutgoingMail[]): Promise<number[]> {
  if (mails.length === 0) return []
  const rows = await db
    .insert(outbox)
    .values(
      mails.map((mail) => ({
        key: mail.key,
        userId: mail.userId ?? null,
        toAddress: mail.to,
        replyTo: mail.replyTo ?? null,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        headers: mail.headers ?? {},
        attachments: (mail.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('base64') })),
        template: mail.template,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: outbox.key })
    .returning({ id: outbox.id })
  const ids = rows.map((r) => r.id).sort((a, b) => a - b)
  await enqueueMany(
    db,
    now,
    ids.map((id) => ({ type: DELIVER_JOB, payload: { outboxId: id }, key: `mail:${id}`, maxAttempts: MAX_DELIVERY_ATTEMPTS })),
  )
  return ids
}
