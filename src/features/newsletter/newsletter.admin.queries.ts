/** Reads of the wijk team's newsletter pages. Every read is scoped to the wijk in the URL. */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { newsletterDeliveries, newsletters } from './newsletter.tables.js'

export async function listNewsletters(db: Db, wijkId: number) {
  return db
    .select({ id: newsletters.id, subject: newsletters.subject, status: newsletters.status, updatedAt: newsletters.updatedAt, sentAt: newsletters.sentAt, recipients: newsletters.recipients, delivered: newsletters.delivered })
    .from(newsletters)
    .where(eq(newsletters.wijkId, wijkId))
    .orderBy(desc(newsletters.updatedAt), desc(newsletters.id))
}
export type NewsletterRow = Awaited<ReturnType<typeof listNewsletters>>[number]

/** One newsletter of this wijk; an id of another wijk is not found. */
export async function findNewsletter(db: Db, wijkId: number, id: number) {
  const [row] = await db
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.id, id), eq(newsletters.wijkId, wijkId)))
    .limit(1)
  return row ?? null
}
export type Newsletter = NonNullable<Awaited<ReturnType<typeof findNewsletter>>>

export interface DeliveryProgress {
  total: number
  sent: number
  percent: number
}

export async function deliveryProgress(db: Db, newsletterId: number): Promise<DeliveryProgress> {
  const [row] = await db
    .select({ total: sql<number>`count(*)`, sent: sql<number>`count(*) filter (where ${newsletterDeliveries.status} = 'sent')` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.newsletterId, newsletterId))
  const total = Number(row?.total ?? 0)
  const sent = Number(row?.sent ?? 0)
  return { total, sent, percent: total === 0 ? 100 : Math.floor((sent * 100) / total) }
}
