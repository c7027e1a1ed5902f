/**
 * The delivery job: sends one outbox row. The row is claimed by an atomic status change before
 * sending (no transaction is held during network I/O, which would stall the embedded database),
 * so two processes never send the same row. A fixed Message-ID per row lets a receiving server
 * drop the rare duplicate after a crash between sending and marking.
 */
import { sql, eq } from 'drizzle-orm'
import type { JobRegistry } from '../jobs/registry.js'
import { outbox } from './outbox.tables.js'
import { DELIVER_JOB, MAX_DELIVERY_ATTEMPTS } from './outbox.js'
import type { MailTransport } from './transport.js'
import { MINUTE, addMs } from '../clock.js'

const CLAIM_MS = 5 * MINUTE

/** The fixed Message-ID of an outbox row's mail. */
export function outboxMessageId(id: number, publicBaseUrl: string): string {
  return `<outbox-${id}@${new URL(publicBaseUrl).hostname}>`
}

/** The outbox row a Message-ID belongs to, or null. */
export function outboxIdOf(messageId: string): number | null {
  const m = /^<outbox-(\d+)@/.exec(messageId)
  return m ? Number(m[1]) : null
}

export function registerMailDelivery(registry: JobRegistry, transport: () => MailTransport): void {
  registry.define({
    type: DELIVER_JOB,
    leaseMs: CLAIM_MS,
    handle: async ({ deps, attempt }, payload) => {
      const id = Number(payload.outboxId)
      const { db, config, clock } = deps
      const now = clock.now()
      const [row] = await db
        .update(outbox)
        .set({ status: 'sending', lockedUntil: addMs(now, CLAIM_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(
          sql`${outbox.id} = ${id} and (${outbox.status} = 'pending' or (${outbox.status} = 'sending' and ${outbox.lockedUntil} < ${now}))`,
        )
        .returning()
      if (!row) return
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
        })
      } catch (err) {
        const failed = attempt >= MAX_DELIVERY_ATTEMPTS
        await db
          .update(outbox)
          .set({ status: failed ? 'failed' : 'pending', lockedUntil: null, lastError: String(err).slice(0, 500) })
          .where(eq(outbox.id, id))
        throw err
      }
      await db.update(outbox).set({ status: 'sent', sentAt: clock.now(), lockedUntil: null, lastError: null }).where(eq(outbox.id, id))
    },
  })
}
