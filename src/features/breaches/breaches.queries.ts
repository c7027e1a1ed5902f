/** Reads of the breach register and of the record of who was told about a breach. */
import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { users } from '../accounts/accounts.tables.js'
import { breaches, breachNotifications } from './breaches.tables.js'

export type Breach = typeof breaches.$inferSelect

/** Open breaches first (newest discovery first), then closed ones. */
export function listBreaches(db: Db): Promise<Breach[]> {
  return db
    .select()
    .from(breaches)
    .orderBy(sql`case when ${breaches.status} = 'open' then 0 else 1 end`, desc(breaches.discoveredAt), desc(breaches.id))
}

export async function findBreach(db: Db, id: number): Promise<Breach | null> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id)).limit(1)
  return row ?? null
}

export interface NotificationProgress {
  total: number
  sent: number
  /** 0..100, whole. */
  percent: number
  lastSentAt: Date | null
}

export async function notificationProgress(db: Db, breachId: number): Promise<NotificationProgress> {
  const [row] = await db
    .select({
      total: count(),
      sent: sql<number>`count(*) filter (where ${breachNotifications.status} = 'sent')`,
      lastSentAt: max(breachNotifications.sentAt),
    })
    .from(breachNotifications)
    .where(eq(breachNotifications.breachId, breachId))
  const total = Number(row?.total ?? 0)
  const sent = Number(row?.sent ?? 0)
  const lastSentAt = row?.lastSentAt ? new Date(row.lastSentAt) : null
  return { total, sent, percent: total === 0 ? 0 : Math.floor((sent * 100) / total), lastSentAt }
}

export interface NotificationRecordRow {
  id: number
  /** null when the account has since been erased. */
  email: string | null
  status: 'queued' | 'sent'
  queuedAt: Date
  sentAt: Date | null
}

export const RECORD_PAGE_SIZE = 100

/** One page of the record of who was (or is about to be) notified, in the order they were queued. */
export function notificationRecord(db: Db, breachId: number, page: number): Promise<NotificationRecordRow[]> {
  return db
    .select({ id: breachNotifications.id, email: users.email, status: breachNotifications.status, queuedAt: breachNotifications.queuedAt, sentAt: breachNotifications.sentAt })
    .from(breachNotifications)
    .leftJoin(users, eq(users.id, breachNotifications.userId))
    .where(eq(breachNotifications.breachId, breachId))
    .orderBy(asc(breachNotifications.id))
    .limit(RECORD_PAGE_SIZE)
    .offset((page - 1) * RECORD_PAGE_SIZE)
}

export type Audience = { kind: 'all' } | { kind: 'affected'; wijkIds: number[]; emails: string[] }

/**
 * The active account holders an audience covers, and which pasted addresses match none of them.
 * "Affected" is the union of people whose home wijk is one of the chosen wijken and people whose
 * account address was pasted.
 */
export async function resolveAudience(db: Db, audience: Audience): Promise<{ userIds: string[]; unknownEmails: string[] }> {
  if (audience.kind === 'all') {
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.status, 'active'))
    return { userIds: rows.map((r) => r.id), unknownEmails: [] }
  }
  const ids = new Set<string>()
  if (audience.wijkIds.length) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.status, 'active'), inArray(users.homeWijkId, audience.wijkIds)))
    for (const r of rows) ids.add(r.id)
  }
  const found = new Set<string>()
  for (let i = 0; i < audience.emails.length; i += 1000) {
    const chunk = audience.emails.slice(i, i + 1000)
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.status, 'active'), inArray(users.email, chunk)))
    for (const r of rows) {
      ids.add(r.id)
      found.add(r.email)
    }
  }
  return { userIds: [...ids], unknownEmails: audience.emails.filter((e) => !found.has(e)) }
}

/** Of these accounts, how many were already queued or notified for this breach (and are skipped). */
export async function countAlreadyNotified(db: Db, breachId: number, userIds: string[]): Promise<number> {
  let n = 0
  for (let i = 0; i < userIds.length; i += 1000) {
    const [row] = await db
      .select({ n: count() })
      .from(breachNotifications)
      .where(and(eq(breachNotifications.breachId, breachId), inArray(breachNotifications.userId, userIds.slice(i, i + 1000))))
    n += Number(row?.n ?? 0)
  }
  return n
}
