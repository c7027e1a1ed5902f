/**
 * Reads of the wijk team's moderation pages. Every query is scoped to one wijk in SQL; the
 * routes have authorised the actor for that wijk (wijk.content.moderate) before calling.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { contentItems, type ContentStatus, type ContentType } from '../content/content.tables.js'
import { findItemForEdit, type EditableItem } from '../my-content/my-content.queries.js'
import { contentReports } from './moderation.tables.js'

const ci = contentItems

export interface ItemFilter {
  type?: ContentType
  status?: ContentStatus
  /** Only items whose owner asks to publish again. */
  republish?: boolean
}

export interface ModerationRow {
  id: number
  type: ContentType
  title: string
  status: ContentStatus
  hiddenKind: 'moderator' | 'reports' | null
  republishRequestedAt: Date | null
  updatedAt: Date
  openReports: number
}

/** Every item of the wijk, any status; requests to publish again first, then newest change. */
export async function listWijkContent(db: Db, wijkId: number, filter: ItemFilter): Promise<ModerationRow[]> {
  const open = db
    .select({ contentId: contentReports.contentId, n: count().as('n') })
    .from(contentReports)
    .where(and(eq(contentReports.wijkId, wijkId), eq(contentReports.status, 'open')))
    .groupBy(contentReports.contentId)
    .as('open_reports')
  const rows = await db
    .select({
      id: ci.id,
      type: ci.type,
      title: ci.title,
      status: ci.status,
      hiddenKind: ci.hiddenKind,
      republishRequestedAt: ci.republishRequestedAt,
      updatedAt: ci.updatedAt,
      openReports: sql<number>`coalesce(${open.n}, 0)`.mapWith(Number),
    })
    .from(ci)
    .leftJoin(open, eq(open.contentId, ci.id))
    .where(
      and(
        eq(ci.wijkId, wijkId),
        filter.type ? eq(ci.type, filter.type) : undefined,
        filter.status ? eq(ci.status, filter.status) : undefined,
        filter.republish ? and(eq(ci.status, 'hidden'), isNotNull(ci.republishRequestedAt)) : undefined,
      ),
    )
    .orderBy(sql`${ci.republishRequestedAt} is null and ${ci.status} = 'hidden'`, sql`${ci.republishRequestedAt} is null`, desc(ci.updatedAt), desc(ci.id))
    .limit(500)
  return rows
}

export type ModeratedItem = EditableItem

/** The item, only when it is in this wijk (another wijk's item is as absent as a missing one). */
export async function findWijkItem(db: Db, wijkId: number, id: number): Promise<{ item: ModeratedItem; themeIds: number[] } | null> {
  const found = await findItemForEdit(db, id)
  return found && found.item.wijkId === wijkId ? found : null
}

/** The owner of an item as a mail recipient, or null (belongs to the wijk, or account not active). */
export async function ownerOf(db: Db, item: { ownerId: string | null }) {
  if (!item.ownerId) return null
  const [owner] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang, status: users.status })
    .from(users)
    .where(eq(users.id, item.ownerId))
    .limit(1)
  return owner && owner.status === 'active' ? owner : null
}

export interface RecordEntry {
  at: Date
  action: string
  actorFirstName: string | null
  details: Record<string, unknown>
}

/** The moderation record of an item: every moderation action on it, newest first. */
export async function moderationRecord(db: Db, contentId: number): Promise<RecordEntry[]> {
  return db
    .select({ at: auditLog.at, action: auditLog.action, actorFirstName: users.firstName, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.targetType, 'content'), eq(auditLog.targetId, String(contentId)), sql`${auditLog.action} like 'moderation.%'`))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200)
}

export interface ReportRow {
  id: number
  contentId: number
  title: string
  type: ContentType
  itemStatus: ContentStatus
  reason: (typeof contentReports.$inferSelect)['reason']
  message: string
  status: 'open' | 'resolved'
  createdAt: Date
  decision: string | null
  resolvedAt: Date | null
}

const reportColumns = {
  id: contentReports.id,
  contentId: contentReports.contentId,
  title: ci.title,
  type: ci.type,
  itemStatus: ci.status,
  reason: contentReports.reason,
  message: contentReports.message,
  status: contentReports.status,
  createdAt: contentReports.createdAt,
  decision: contentReports.decision,
  resolvedAt: contentReports.resolvedAt,
}

/** The wijk's open reports, oldest first (the queue); reporters are not named. */
export async function openReportsOfWijk(db: Db, wijkId: number): Promise<ReportRow[]> {
  return db
    .select(reportColumns)
    .from(contentReports)
    .innerJoin(ci, eq(ci.id, contentReports.contentId))
    .where(and(eq(contentReports.wijkId, wijkId), eq(contentReports.status, 'open'), eq(ci.wijkId, wijkId)))
    .orderBy(asc(contentReports.createdAt), asc(contentReports.id))
    .limit(500)
}

/** Every report on one item, newest first. */
export async function reportsOfItem(db: Db, contentId: number): Promise<ReportRow[]> {
  return db
    .select(reportColumns)
    .from(contentReports)
    .innerJoin(ci, eq(ci.id, contentReports.contentId))
    .where(eq(contentReports.contentId, contentId))
    .orderBy(desc(contentReports.createdAt), desc(contentReports.id))
}

/** The ambassadeur and wijkbeheerders of a wijk, as mail recipients. */
export async function wijkTeam(db: Db, wijkId: number) {
  return db
    .selectDistinct({ id: users.id, email: users.email, firstName: users.firstName, lang: users.lang })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(users.status, 'active'), inArray(roleAssignments.role, ['ambassadeur', 'wijkbeheerder']), eq(roleAssignments.wijkId, wijkId)))
}
