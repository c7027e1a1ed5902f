/**
 * The delivery job: sends one outbox row. The row is claimed by an atomic status change before
 * sending (no transaction is held during network I/O, which would stall the embedded database),
 * so two processes never send the same row. A fixed Message-ID per row lets a receiving server
 * drop the rare duplicate after a crash between sending and marking.
 *
 * That duplicate comes one lease after the crash (a minute unless MAIL_RESEND_AFTER_CRASH_SECONDS
 * says otherwise), not later: the job's lease is renewed while a live process still sends, and
 * the row's own claim ends a little before the job's lease, so whoever takes the job over can
 * claim the row at once.
 */
import { and, sql, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { JobRegistry } from '../jobs/registry.js'
import { outbox } from './outbox.tables.js'
import { DELIVER_JOB, MAX_DELIVERY_ATTEMPTS } from './outbox.js'
import type { MailTransport } from './transport.js'
import { MINUTE, addMs } from '../clock.js'

/** How soon a delivery whose process died is tried again, unless configured (MAIL_RESEND_AFTER_CRASH_SECONDS). */
export const DELIVERY_LEASE_MS = MINUTE
/** How much shorter the outbox row's claim is than the job's lease, so a taken-over job finds the row free. */
const ROW_CLAIM_MARGIN_MS = 5_000

/** The row is being sent by a worker whose claim has not run out: try again later, never drop it. */
export class OutboxRowBusyError extends Error {}

/** The fixed Message-ID of an outbox row's mail. */
export function outboxMessageId(id: number, publicBaseUrl: string): string {
  return `<outbox-${id}@${new URL(publicBaseUrl).hostname}>`
}

/** The outbox row a Message-ID belongs to, or null. */
export function outboxIdOf(messageId: string): number | null {
  const m = /^<outbox-(\d+)@/.exec(messageId)
  return m ? Number(m[1]) : null
}

export function registerMailDelivery(registry: JobRegistry, transport: () => MailTransport, leaseMs = DELIVERY_LEASE_MS): void {
  const rowClaimMs = leaseMs - ROW_CLAIM_MARGIN_MS
  registry.define({
    type: DELIVER_JOB,
    leaseMs,
    payload: z.object({ outboxId: z.number().int().positive() }),
    handle: async ({ deps, attempt }, payload) => {
      const id = payload.outboxId
      const { db, config, clock } = deps
      const now = clock.now()
      const [row] = await db
        .update(outbox)
        .set({ status: 'sending', lockedUntil: addMs(now, rowClaimMs), attempts: sql`${outbox.attempts} + 1` })
        .where(
          sql`${outbox.id} = ${id} and (${outbox.status} = 'pending' or (${outbox.status} = 'sending' and ${outbox.lockedUntil} < ${now}))`,
        )
        .returning()
      if (!row) {
        // Sent, failed for good or gone: nothing to do. Still being sent under a live claim: the
        // job must come back, or a row whose sender died after this check would never go out.
        const [current] = await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id))
        if (current?.status === 'sending') throw new OutboxRowBusyError(`outbox row ${id} is being sent under another claim`)
        return
      }
      try {
        await transport().send({
          messageId: outboxMessageId(row.id, config.publicBaseUrl),
          from: config.mailFrom,
          to: row.toAddress,
          replyTo: row.replyTo ?? undefined,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody ?? undefined,
          headers: row.headers,
          attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
        })
      } catch (err) {
        const failed = attempt >= MAX_DELIVERY_ATTEMPTS
        // Only under its own claim: a sender whose claim ran out (and whose row another worker
        // took over and may have sent) must not put the row back.
        await db
          .update(outbox)
          .set({ status: failed ? 'failed' : 'pending', lockedUntil: null, lastError: String(err).slice(0, 500) })
          .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.lockedUntil, row.lockedUntil!)))
        throw err
      }
      await db.update(outbox).set({ status: 'sent', sentAt: clock.now(), lockedUntil: null, lastError: null }).where(eq(outbox.id, id))
    },
  })
}
