/** Reads of the complaints register. The list holds no personal data: reference, dates, status. */
import { asc, count, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { complaints } from './complaints.tables.js'
import type { ComplaintStatus } from './complaints.schema.js'

export type Complaint = typeof complaints.$inferSelect

export interface ComplaintRow {
  id: number
  reference: string
  status: ComplaintStatus
  createdAt: Date
  answeredAt: Date | null
}

/** Complaints with one of these statuses, the oldest waiting first. */
export function listComplaints(db: Db, statuses: readonly ComplaintStatus[]): Promise<ComplaintRow[]> {
  const open = statuses.every((s) => s === 'received' || s === 'in-progress')
  return db
    .select({ id: complaints.id, reference: complaints.reference, status: complaints.status, createdAt: complaints.createdAt, answeredAt: complaints.answeredAt })
    .from(complaints)
    .where(inArray(complaints.status, [...statuses]))
    .orderBy(open ? asc(complaints.createdAt) : desc(complaints.createdAt))
}

export async function countByStatus(db: Db): Promise<Record<ComplaintStatus, number>> {
  const rows = await db.select({ status: complaints.status, n: count() }).from(complaints).groupBy(complaints.status)
  const counts: Record<ComplaintStatus, number> = { received: 0, 'in-progress': 0, answered: 0, closed: 0 }
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}

export async function findComplaint(db: Db, id: number): Promise<Complaint | null> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1)
  return row ?? null
}
