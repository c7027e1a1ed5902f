/**
 * Reads for the wijk team's own area. Every query takes the wijk id and filters on it in SQL:
 * nothing of another wijk can come back, whatever id is guessed (P13).
 */
import { and, asc, count, desc, eq, gt, lte, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { contentItems, offlineParticipants, type ContentStatus, type ContentType } from '../content/content.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { contentReports } from '../moderation/moderation.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { totalViews } from '../statistics/statistics.queries.js'
import { wijkbeheerVisits } from './wijkbeheer.tables.js'

const ci = contentItems

/** When this person last opened the wijk's dashboard (null: never). */
export async function lastVisit(db: Db, userId: string, wijkId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: wijkbeheerVisits.lastVisitAt })
    .from(wijkbeheerVisits)
    .where(and(eq(wijkbeheerVisits.userId, userId), eq(wijkbeheerVisits.wijkId, wijkId)))
    .limit(1)
  return row?.at ?? null
}

export interface DashboardItem {
  id: number
  type: ContentType
  slug: string
  title: string
  status: ContentStatus
  createdAt: Date
  updatedAt: Date
  expiresAt: Date | null
  /** Placed by the team for someone offline (assisted posting). */
  offline: boolean
}

const itemColumns = {
  id: ci.id,
  type: ci.type,
  slug: ci.slug,
  title: ci.title,
  status: ci.status,
  createdAt: ci.createdAt,
  updatedAt: ci.updatedAt,
  expiresAt: ci.expiresAt,
  offline: sql<boolean>`${ci.offlineParticipantId} is not null`,
}

/** A screenful is enough for a dashboard; the content page has the rest. */
export const DASHBOARD_LIMIT = 25

/** Items of the wijk created or changed after `since`, newest change first. */
export function changedSince(db: Db, wijkId: number, since: Date): Promise<DashboardItem[]> {
  return db
    .select(itemColumns)
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), gt(ci.updatedAt, since)))
    .orderBy(desc(ci.updatedAt), desc(ci.id))
    .limit(DASHBOARD_LIMIT)
}

/** Published items of the wijk that expire between now and `until`, soonest first. */
export function expiringSoon(db: Db, wijkId: number, now: Date, until: Date): Promise<DashboardItem[]> {
  return db
    .select(itemColumns)
    .from(ci)
    .where(and(eq(ci.wijkId, wijkId), eq(ci.status, 'published'), gt(ci.expiresAt, now), lte(ci.expiresAt, until)))
    .orderBy(asc(ci.expiresAt), asc(ci.id))
    .limit(DASHBOARD_LIMIT)
}

export interface DashboardCounts {
  openReports: number
  openSupport: number
  viewsLastWeek: number
}

export async function dashboardCounts(db: Db, wijkId: number, week: { from: string; to: string }): Promise<DashboardCounts> {
  const [[reports], [support], views] = await Promise.all([
    db
      .select({ n: count() })
      .from(contentReports)
      .where(and(eq(contentReports.wijkId, wijkId), eq(contentReports.status, 'open'))),
    db
      .select({ n: count() })
      .from(supportRequests)
      .where(and(eq(supportRequests.wijkId, wijkId), eq(supportRequests.status, 'open'))),
    totalViews(db, { ...week, wijkId }),
  ])
  return { openReports: Number(reports?.n ?? 0), openSupport: Number(support?.n ?? 0), viewsLastWeek: Number(views) }
}

/**
 * The account holders whose home wijk this is (P13): first name, last name and email, and
 * nothing else. Active accounts only; a cancelled account is no longer anyone's resident.
 */
export interface Resident {
  id: string
  firstName: string
  lastName: string | null
  email: string
}

export function residentsOf(db: Db, wijkId: number): Promise<Resident[]> {
  return db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(users)
    .where(and(eq(users.homeWijkId, wijkId), eq(users.status, 'active')))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.email))
}

// -- Offline participants ----------------------------------------------------------------------

export type OfflineParticipant = typeof offlineParticipants.$inferSelect

export function participantsOf(db: Db, wijkId: number): Promise<Array<OfflineParticipant & { items: number }>> {
  return db
    .select({
      id: offlineParticipants.id,
      wijkId: offlineParticipants.wijkId,
      name: offlineParticipants.name,
      howToReach: offlineParticipants.howToReach,
      paperConsentOn: offlineParticipants.paperConsentOn,
      recordedBy: offlineParticipants.recordedBy,
      createdAt: offlineParticipants.createdAt,
      updatedAt: offlineParticipants.updatedAt,
      items: sql<number>`(select count(*) from ${ci} where ${ci.offlineParticipantId} = ${offlineParticipants.id})`.mapWith(Number),
    })
    .from(offlineParticipants)
    .where(eq(offlineParticipants.wijkId, wijkId))
    .orderBy(asc(offlineParticipants.name), asc(offlineParticipants.id))
}

/** One participant of this wijk; null for an id of another wijk. */
export async function findParticipant(db: Db, wijkId: number, id: number): Promise<OfflineParticipant | null> {
  const [row] = await db
    .select()
    .from(offlineParticipants)
    .where(and(eq(offlineParticipants.id, id), eq(offlineParticipants.wijkId, wijkId)))
    .limit(1)
  return row ?? null
}

/** The items placed on a participant's behalf, newest change first. */
export function itemsOfParticipant(db: Db, participantId: number): Promise<DashboardItem[]> {
  return db.select(itemColumns).from(ci).where(eq(ci.offlineParticipantId, participantId)).orderBy(desc(ci.updatedAt), desc(ci.id))
}
