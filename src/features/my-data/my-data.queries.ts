/**
 * Reads of everything the platform holds about one account holder, for Mijn gegevens and the
 * export. Every query is scoped to the user id it is given (the logged-in user): nothing here
 * takes an id from the URL without also matching the user.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import { users } from '../accounts/accounts.tables.js'
import { cities, wijken } from '../places/places.tables.js'
import { roleAssignments } from '../roles/roles.tables.js'
import { newsletterSubscriptions } from '../newsletter/newsletter.tables.js'
import { sessions } from '../../kernel/auth/sessions.tables.js'
import { SESSION_IDLE_MS } from '../../kernel/auth/session.js'
import { auditLog } from '../../kernel/audit/audit.tables.js'
import { supportRequests } from '../help/help.tables.js'
import { complaints } from '../complaints/complaints.tables.js'
import { dataExports } from './my-data.tables.js'
import { addMs } from '../../kernel/clock.js'
import type { Role } from '../../kernel/policy/actor.js'

/** The user's roles, each with its wijk (none for a platform admin). */
export async function listMyRoles(db: Db, userId: string) {
  return db
    .select({ role: roleAssignments.role, wijkId: roleAssignments.wijkId, wijkName: wijken.name, cityName: cities.name, since: roleAssignments.createdAt })
    .from(roleAssignments)
    .leftJoin(wijken, eq(wijken.id, roleAssignments.wijkId))
    .leftJoin(cities, eq(cities.id, wijken.cityId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id))
}

export type MyRole = Awaited<ReturnType<typeof listMyRoles>>[number]

/**
 * Newsletter subscriptions: those of the account, and any made without an account for the
 * account's own (verified) address, which are personal data about the same person too.
 */
export function myNewsletterRows(user: { id: string; email: string }) {
  return or(eq(newsletterSubscriptions.userId, user.id), and(isNull(newsletterSubscriptions.userId), eq(newsletterSubscriptions.email, user.email)))
}

export async function listMyNewsletters(db: Db, user: { id: string; email: string }) {
  return db
    .select({
      id: newsletterSubscriptions.id,
      wijkId: newsletterSubscriptions.wijkId,
      wijkName: wijken.name,
      cityName: cities.name,
      status: newsletterSubscriptions.status,
      createdAt: newsletterSubscriptions.createdAt,
      confirmedAt: newsletterSubscriptions.confirmedAt,
      lang: newsletterSubscriptions.lang,
      viaAccount: sql<boolean>`${newsletterSubscriptions.userId} is not null`,
    })
    .from(newsletterSubscriptions)
    .innerJoin(wijken, eq(wijken.id, newsletterSubscriptions.wijkId))
    .innerJoin(cities, eq(cities.id, wijken.cityId))
    .where(myNewsletterRows(user))
    .orderBy(asc(cities.name), asc(wijken.name))
}

export type MyNewsletter = Awaited<ReturnType<typeof listMyNewsletters>>[number]

/**
 * Live sessions of the user, most recently used first. Which one is this browser is decided in
 * SQL, so the token hash never leaves the database; the handle names a session in forms.
 */
export async function listMySessions(db: Db, userId: string, currentSessionId: string | null, now: Date) {
  return db
    .select({
      handle: sessions.handle,
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      isCurrent: sql<boolean>`${sessions.tokenHash} = ${currentSessionId ?? ''}`,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, addMs(now, -SESSION_IDLE_MS))))
    .orderBy(desc(sessions.lastSeenAt), asc(sessions.createdAt))
}

export type MySession = Awaited<ReturnType<typeof listMySessions>>[number]

export interface AccessEntry {
  id: number
  at: Date
  action: string
  targetType: string | null
  targetId: string | null
  details: Record<string, unknown>
  /** Null when the actor's account no longer exists. */
  actorFirstName: string | null
  actorRoles: Array<{ role: Role; wijkName: string | null }>
}

/**
 * Each time someone else (an admin, ambassadeur or wijkbeheerder) viewed, changed or exported
 * this user's data, newest first. The user's own actions and system actions (no actor) are left
 * out. Reads one row more than asked, to know whether there is more.
 */
export async function listAccessLog(db: Db, userId: string, limit: number): Promise<{ entries: AccessEntry[]; more: boolean }> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      actorUserId: auditLog.actorUserId,
      actorFirstName: users.firstName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.subjectUserId, userId), isNotNull(auditLog.actorUserId), ne(auditLog.actorUserId, userId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const actorIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => id !== null))]
  const roles = actorIds.length
    ? await db
        .select({ userId: roleAssignments.userId, role: roleAssignments.role, wijkName: wijken.name })
        .from(roleAssignments)
        .leftJoin(wijken, eq(wijken.id, roleAssignments.wijkId))
        .where(inArray(roleAssignments.userId, actorIds))
    : []
  const entries = page.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    details: r.details,
    actorFirstName: r.actorFirstName,
    actorRoles: roles.filter((x) => x.userId === r.actorUserId).map((x) => ({ role: x.role, wijkName: x.wijkName })),
  }))
  return { entries, more: rows.length > limit }
}

/** Exports the user asked for that can still be downloaded or are being made, newest first. */
export async function listMyExports(db: Db, userId: string, now: Date) {
  return db
    .select({ id: dataExports.id, status: dataExports.status, progress: dataExports.progress, requestedAt: dataExports.requestedAt, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), gt(dataExports.expiresAt, now)))
    .orderBy(desc(dataExports.requestedAt))
    .limit(5)
}

export type MyExport = Awaited<ReturnType<typeof listMyExports>>[number]

/** One export, only when it belongs to this user (another's id reads as unknown). */
export async function findMyExport(db: Db, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, userId)))
    .limit(1)
  return row ?? null
}

export async function listMySupportRequests(db: Db, userId: string) {
  return db
    .select({
      id: supportRequests.id,
      kind: supportRequests.kind,
      status: supportRequests.status,
      message: supportRequests.message,
      answer: supportRequests.answer,
      wijkName: wijken.name,
      contentItemId: supportRequests.contentItemId,
      createdAt: supportRequests.createdAt,
      closedAt: supportRequests.closedAt,
    })
    .from(supportRequests)
    .leftJoin(wijken, eq(wijken.id, supportRequests.wijkId))
    .where(eq(supportRequests.userId, userId))
    .orderBy(asc(supportRequests.createdAt), asc(supportRequests.id))
}

export async function listMyComplaints(db: Db, userId: string) {
  return db
    .select({
      reference: complaints.reference,
      status: complaints.status,
      name: complaints.name,
      email: complaints.email,
      body: complaints.body,
      answer: complaints.answer,
      createdAt: complaints.createdAt,
      answeredAt: complaints.answeredAt,
    })
    .from(complaints)
    .where(eq(complaints.userId, userId))
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
}
