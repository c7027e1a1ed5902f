/**
 * Records who did what to whom. Every administrator or wijkbeheerder action and every access to
 * someone else's personal data writes one row; the subject sees theirs on Mijn gegevens.
 *
 * @example await recordAudit(tx, now, { actorUserId: admin.id, action: 'role.appoint', subjectUserId: user.id, targetType: 'wijk', targetId: String(wijkId) })
 */
import type { Db } from '../db/client.js'
import { auditLog } from './audit.tables.js'

export interface AuditEntry {
  actorUserId: string | null
  action: string
  subjectUserId?: string | null
  targetType?: string
  targetId?: string
  /** Ids and field names only; never the personal data itself. */
  details?: Record<string, unknown>
}

export async function recordAudit(db: Db, now: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: now,
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectUserId: entry.subjectUserId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  })
}
