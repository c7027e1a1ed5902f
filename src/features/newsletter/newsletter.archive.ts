/**
 * The public archive of a wijk's sent newsletters. It reads only what was stored for it at
 * sending time (archived_html), which holds no subscriber's name or link.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { newsletters, newsletterSubscriptions } from './newsletter.tables.js'

export async function listArchive(db: Db, wijkId: number): Promise<Array<{ id: number; subject: string; sentAt: Date }>> {
  const rows = await db
    .select({ id: newsletters.id, subject: newsletters.subject, sentAt: newsletters.sentAt })
    .from(newsletters)
    .where(and(eq(newsletters.wijkId, wijkId), eq(newsletters.status, 'sent'), isNotNull(newsletters.archivedHtml)))
    .orderBy(desc(newsletters.sentAt), desc(newsletters.id))
  return rows.map((r) => ({ id: r.id, subject: r.subject, sentAt: r.sentAt! }))
}

/** One sent issue of this wijk; an id of another wijk, or of a draft, is not found. */
export async function findArchivedNewsletter(db: Db, wijkId: number, id: number): Promise<{ subject: string; sentAt: Date; html: string } | null> {
  const [row] = await db
    .select({ subject: newsletters.subject, sentAt: newsletters.sentAt, html: newsletters.archivedHtml })
    .from(newsletters)
    .where(and(eq(newsletters.id, id), eq(newsletters.wijkId, wijkId), eq(newsletters.status, 'sent')))
    .limit(1)
  if (!row?.html || !row.sentAt) return null
  return { subject: row.subject, sentAt: row.sentAt, html: row.html }
}

export async function isAccountSubscribed(db: Db, userId: string, wijkId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: newsletterSubscriptions.id })
    .from(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.userId, userId), eq(newsletterSubscriptions.wijkId, wijkId)))
    .limit(1)
  return row !== undefined
}
