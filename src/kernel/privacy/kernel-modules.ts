/**
 * The kernel's own tables about a person: login sessions, the outbox and the audit log. The
 * export sections for sessions and the access log are written by my-data (it owns the queries
 * Mijn gegevens shows them with); what cancelling and erasing do to these tables is here.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm'
import { sessions } from '../auth/sessions.tables.js'
import { destroyUserSessions } from '../auth/session.js'
import { outbox } from '../mail/outbox.tables.js'
import { auditLog } from '../audit/audit.tables.js'
import type { PrivacyModule } from './privacy.js'

export const kernelPrivacy: PrivacyModule<never> = {
  feature: 'kernel',
  tables: [
    {
      table: sessions,
      export: ['sessions'],
      erase: 'delete',
      why: 'Cancelling logs the person out everywhere at once (P24: gone from the site at that commit).',
      retention: ['sessions.expired'],
    },
    {
      table: outbox,
      export: { none: 'Mail waiting or recently sent is a delivery queue, not a record kept about the person; what it was about is in the other sections.' },
      erase: 'delete',
      why:
        'Erasure deletes mail about the account and mail sent to its address. The confirmation of the cancellation itself has no user id and stays until sent; a row being sent right now is left to finish.',
      retention: ['mail.sent'],
    },
    {
      table: auditLog,
      export: ['accessLog'],
      erase: 'keep',
      why:
        'Ids only. Rows about an erased account prove what administrators did (GDPR art. 5(2)); a random id says nothing about anyone once the account and, after five years, its archive are gone (ADR 006).',
    },
  ],
  async cancelFor(tx, person) {
    await destroyUserSessions(tx, person.id)
  },
  async eraseFor({ tx, person }) {
    await tx
      .delete(outbox)
      .where(
        and(
          ne(outbox.status, 'sending'),
          or(eq(outbox.userId, person.id), and(sql`lower(${outbox.toAddress}) = ${person.email}`, inArray(outbox.status, ['sent', 'failed']))),
        ),
      )
  },
}
