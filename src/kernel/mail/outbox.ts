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
import { enqueue } from '../jobs/queue.js'

export interface RenderedMail {
  template: string
  subject: string
  text: string
  html: string
}

export interface OutgoingMail extends RenderedMail {
  key: string
  to: string
  userId?: string | null
  replyTo?: string | null
  headers?: Record<string, string>
}

export const DELIVER_JOB = 'mail.deliver'
export const MAX_DELIVERY_ATTEMPTS = 10

/** Queues a mail; returns the outbox id, or null when a mail with this key was queued before. */
export async function queueMail(db: Db, now: Date, mail: OutgoingMail): Promise<number | null> {
  const [row] = await db
    .insert(outbox)
    .values({
      key: mail.key,
      userId: mail.userId ?? null,
      toAddress: mail.to,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      headers: mail.headers ?? {},
      template: mail.template,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.key })
    .returning({ id: outbox.id })
  if (!row) return null
  await enqueue(db, now, { type: DELIVER_JOB, payload: { outboxId: row.id }, key: `mail:${row.id}`, maxAttempts: MAX_DELIVERY_ATTEMPTS })
  return row.id
}
