/**
 * Reads for broadcasts: who a broadcast reaches, progress, and the record. Every read of a
 * broadcast names its wijk, so a broadcast id of another wijk finds nothing (404).
 */
import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { users } from '../accounts/accounts.tables.js'
import { contentItems, contentManagers } from '../content/content.tables.js'
import { publiclyVisible } from '../content/content.public.js'
import { broadcastRecipients, broadcasts } from './broadcast.tables.js'

const ci = contentItems

/**
 * The people behind the wijk's items that are on the site now: the owner of each, and its
 * co-managers (they keep the item up to date just as well). Active accounts only, each once.
 * Items placed for offline participants or still belonging to the wijk have no account to mail.
 */
export async function audienceOf(db: Db, wijkId: number, now: Date): Promise<string[]> {
  const visible = and(eq(ci.wijkId, wijkId), publiclyVisible(now))
  const owners = db.select({ userId: sql<string>`${ci.ownerId}`.as('user_id') }).from(ci).where(and(visible, sql`${ci.ownerId} is not null`))
  const managers = db
    .select({ userId: sql<string>`${contentManagers.userId}`.as('user_id') })
    .from(contentManagers)
    .innerJoin(ci, eq(ci.id, contentManagers.contentId))
    .where(visible)
  const ids = owners.union(managers).as('audience')
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(ids, eq(ids.userId, users.id))
    .where(eq(users.status, 'active'))
    .orderBy(asc(users.id))
  return rows.map((r) => r.id)
}

export interface Broadcast {
  id: number
  wijkId: number
  subject: string
  body: string
  createdAt: Date
  status: 'sending' | 'sent'
}

export async function findBroadcast(db: Db, wijkId: number, id: number): Promise<Broadcast | null> {
  const [row] = await db
    .select({ id: broadcasts.id, wijkId: broadcasts.wijkId, subject: broadcasts.subject, body: broadcasts.body, createdAt: broadcasts.createdAt, status: broadcasts.status })
    .from(broadcasts)
    .where(and(eq(broadcasts.id, id), eq(broadcasts.wijkId, wijkId)))
    .limit(1)
  return row ?? null
}

export interface BroadcastSummary extends Broadcast {
  recipients: number
  delivered: number
}

export function listBroadcasts(db: Db, wijkId: number): Promise<BroadcastSummary[]> {
  return db
    .select({
      id: broadcasts.id,
      wijkId: broadcasts.wijkId,
      subject: broadcasts.subject,
      body: broadcasts.body,
      createdAt: broadcasts.createdAt,
      status: broadcasts.status,
      recipients: broadcasts.recipients,
      delivered: broadcasts.delivered,
    })
    .from(broadcasts)
    .where(eq(broadcasts.wijkId, wijkId))
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(50)
}

export interface Progress {
  total: number
  sent: number
  percent: number
  lastSentAt: Date | null
}

export async function broadcastProgress(db: Db, broadcastId: number): Promise<Progress> {
  const [row] = await db
    .select({
      total: count(),
      sent: sql<number>`count(*) filter (where ${broadcastRecipients.status} = 'sent')`,
      lastSentAt: max(broadcastRecipients.sentAt),
    })
    .from(broadcastRecipients)
    .where(eq(broadcastRecipients.broadcastId, broadcastId))
  const total = Number(row?.total ?? 0)
  const sent = Number(row?.sent ?? 0)
  return { total, sent, percent: total === 0 ? 100 : Math.floor((sent * 100) / total), lastSentAt: row?.lastSentAt ? new Date(row.lastSentAt) : null }
}

export interface RecordRow {
  id: number
  /** null once the account has been erased. */
  firstName: string | null
  /** The wijk's public items through which this person was reached (their own or co-managed). */
  via: string[]
  status: 'queued' | 'sent'
  queuedAt: Date
  sentAt: Date | null
}

export const RECORD_PAGE_SIZE = 100

/**
 * One page of who received the broadcast and when. Only the first name and the titles of the
 * person's items in this wijk are shown: the team sees no email address of people who may live
 * in another wijk (P13), yet can tell which entry's people were reached.
 */
export async function broadcastRecord(db: Db, wijkId: number, broadcastId: number, page: number): Promise<RecordRow[]> {
  const rows = await db
    .select({
      id: broadcastRecipients.id,
      userId: broadcastRecipients.userId,
      firstName: users.firstName,
      status: broadcastRecipients.status,
      queuedAt: broadcastRecipients.queuedAt,
      sentAt: broadcastRecipients.sentAt,
    })
    .from(broadcastRecipients)
    .leftJoin(users, eq(users.id, broadcastRecipients.userId))
    .where(eq(broadcastRecipients.broadcastId, broadcastId))
    .orderBy(asc(broadcastRecipients.id))
    .limit(RECORD_PAGE_SIZE)
    .offset((page - 1) * RECORD_PAGE_SIZE)
  const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []))
  const via = new Map<string, string[]>()
  if (userIds.length) {
    const managed = db.select({ contentId: contentManagers.contentId }).from(contentManagers).where(inArray(contentManagers.userId, userIds))
    const items = await db
      .select({ title: ci.title, ownerId: ci.ownerId, managerId: contentManagers.userId })
      .from(ci)
      .leftJoin(contentManagers, and(eq(contentManagers.contentId, ci.id), inArray(contentManagers.userId, userIds)))
      .where(and(eq(ci.wijkId, wijkId), eq(ci.status, 'published'), sql`(${inArray(ci.ownerId, userIds)} or ${inArray(ci.id, managed)})`))
      .orderBy(asc(ci.title))
    for (const item of items) {
      for (const uid of new Set([item.ownerId, item.managerId])) {
        if (!uid || !userIds.includes(uid)) continue
        const list = via.get(uid) ?? []
        if (!list.includes(item.title)) list.push(item.title)
        via.set(uid, list)
      }
    }
  }
  return rows.map((r) => ({ id: r.id, firstName: r.firstName, via: r.userId ? (via.get(r.userId) ?? []) : [], status: r.status, queuedAt: r.queuedAt, sentAt: r.sentAt }))
}
