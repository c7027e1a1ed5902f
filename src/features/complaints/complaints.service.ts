/**
 * Complaints about the processing of personal data (P29): filed with a reference the
 * complainant can quote, confirmed by mail, handled and answered in /beheer/klachten. Every
 * mail is queued in the transaction of its cause; every admin step is audited.
 */
import { and, eq, inArray, like, lt, max, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Deps } from '../../kernel/context.js'
import type { Lang } from '../../kernel/i18n/i18n.js'
import { queueMail } from '../../kernel/mail/outbox.js'
import { recordAudit } from '../../kernel/audit/audit.js'
import { randomToken } from '../../kernel/auth/tokens.js'
import { uniqueViolation } from '../../kernel/db/unique-violation.js'
import { toLocal } from '../content/content.recurrence.js'
import { complaints } from './complaints.tables.js'
import { complaintAnswerMail, complaintReceivedMail } from './complaints.emails.js'
import type { ComplaintInput, ComplaintStatus } from './complaints.schema.js'

type ComplaintDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'wakeJobs'>

/** "K-2026-0007": the year (Amsterdam) and the complaint's number within that year. */
export function formatReference(year: number, n: number): string {
  return `K-${year}-${String(n).padStart(4, '0')}`
}

async function nextReference(db: Db, now: Date): Promise<string> {
  const { year } = toLocal(now)
  const [row] = await db
    .select({ top: max(sql<number>`cast(split_part(${complaints.reference}, '-', 3) as integer)`) })
    .from(complaints)
    .where(like(complaints.reference, `K-${year}-%`))
  return formatReference(year, Number(row?.top ?? 0) + 1)
}

/** Records a complaint and queues its confirmation; returns its reference. */
export async function fileComplaint(deps: ComplaintDeps, input: ComplaintInput & { userId: string | null; lang: Lang }): Promise<{ id: number; reference: string }> {
  const { db, clock, config } = deps
  const now = clock.now()
  // Two complaints at the same moment may pick the same number; the unique reference makes one retry.
  for (let attempt = 1; ; attempt++) {
    try {
      const filed = await db.transaction(async (tx) => {
        const reference = await nextReference(tx, now)
        const [row] = await tx
          .insert(complaints)
          .values({ reference, userId: input.userId, name: input.name, email: input.email, lang: input.lang, body: input.body, createdAt: now, updatedAt: now })
          .returning({ id: complaints.id })
        await queueMail(tx, now, {
          key: `complaint:${row!.id}:received`,
          to: input.email,
          userId: input.userId,
          ...complaintReceivedMail({ lang: input.lang, name: input.name, reference, config }),
        })
        return { id: row!.id, reference }
      })
      deps.wakeJobs()
      return filed
    } catch (err) {
      if (attempt >= 5 || uniqueViolation(err) === null) throw err
    }
  }
}

export async function changeStatus(deps: Pick<Deps, 'db' | 'clock'>, actorId: string, id: number, status: ComplaintStatus): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.update(complaints).set({ status, updatedAt: now }).where(eq(complaints.id, id)).returning({ userId: complaints.userId })
    if (!row) return false
    await recordAudit(tx, now, { actorUserId: actorId, action: 'complaint.status', subjectUserId: row.userId, targetType: 'complaint', targetId: String(id), details: { status } })
    return true
  })
}

/** Stores the answer, marks the complaint answered and mails the answer to the complainant. */
export async function answerComplaint(deps: ComplaintDeps, actorId: string, id: number, answer: string): Promise<boolean> {
  const { db, clock, config } = deps
  const now = clock.now()
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(complaints)
      .set({ answer, answeredAt: now, answeredBy: actorId, status: 'answered', updatedAt: now })
      .where(eq(complaints.id, id))
      .returning({ userId: complaints.userId, email: complaints.email, name: complaints.name, lang: complaints.lang, reference: complaints.reference })
    if (!row) return false
    // Each answer is its own mail: a corrected answer is sent again on purpose.
    await queueMail(tx, now, {
      key: `complaint:${id}:answer:${randomToken()}`,
      to: row.email,
      userId: row.userId,
      ...complaintAnswerMail({ lang: row.lang, name: row.name, reference: row.reference, answer, config }),
    })
    await recordAudit(tx, now, { actorUserId: actorId, action: 'complaint.answer', subjectUserId: row.userId, targetType: 'complaint', targetId: String(id) })
    return true
  })
  if (done) deps.wakeJobs()
  return done
}

/** How long a handled complaint is kept: 2 years after it was last answered or closed. */
export const COMPLAINT_RETENTION_YEARS = 2

export function complaintCutoff(now: Date): Date {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - COMPLAINT_RETENTION_YEARS)
  return cutoff
}

/** Retention: answered or closed complaints untouched for 2 years. Open ones are never removed. */
export async function purgeHandledComplaints(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(complaints)
    .where(and(inArray(complaints.status, ['answered', 'closed']), lt(complaints.updatedAt, complaintCutoff(now))))
    .returning({ id: complaints.id })
  return gone.length
}
