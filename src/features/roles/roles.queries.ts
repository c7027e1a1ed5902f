/** Reads of role appointments, with explicit columns. */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../kernel/db/client.js'
import type { Role } from '../../kernel/policy/actor.js'
import type { HeldRole } from '../../kernel/auth/session.js'
import { roleAssignments, roleInvitations } from './roles.tables.js'
import { users } from '../accounts/accounts.tables.js'
import { wijken } from '../places/places.tables.js'

/** The ambassadeurs of each of these wijken (places' WijkAmbassadeurs: whose package a wijk's own host name hangs on). */
export async function ambassadeursOfWijken(db: Db, wijkIds: readonly number[]): Promise<Map<number, string[]>> {
  const byWijk = new Map<number, string[]>()
  if (wijkIds.length === 0) return byWijk
  const rows = await db
    .select({ wijkId: roleAssignments.wijkId, userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'ambassadeur'), inArray(roleAssignments.wijkId, [...wijkIds])))
  for (const { wijkId, userId } of rows) if (wijkId !== null) byWijk.set(wijkId, [...(byWijk.get(wijkId) ?? []), userId])
  return byWijk
}

export interface AssignmentRow {
  id: number
  role: Role
  wijkId: number | null
  wijkName: string | null
  userId: string
  firstName: string
  lastName: string | null
  email: string
}

/** Every appointment, platform admins first, then by wijk and name; optionally one wijk's. */
export async function listAssignments(db: Db, filter: { wijkId?: number; role?: Role } = {}): Promise<AssignmentRow[]> {
  const where = and(
    filter.wijkId === undefined ? undefined : eq(roleAssignments.wijkId, filter.wijkId),
    filter.role === undefined ? undefined : eq(roleAssignments.role, filter.role),
  )
  return db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      wijkId: roleAssignments.wijkId,
      wijkName: wijken.name,
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(wijken, eq(wijken.id, roleAssignments.wijkId))
    .where(where)
    .orderBy(sql`${roleAssignments.wijkId} is not null`, asc(wijken.name), asc(roleAssignments.role), asc(users.firstName), asc(roleAssignments.id))
}

export interface OpenInvitationRow {
  id: number
  email: string
  role: Role
  wijkId: number | null
  wijkName: string | null
  expiresAt: Date
}

const openAt = (now: Date) => and(isNull(roleInvitations.acceptedAt), isNull(roleInvitations.revokedAt), gt(roleInvitations.expiresAt, now))

const invitationColumns = {
  id: roleInvitations.id,
  email: roleInvitations.email,
  role: roleInvitations.role,
  wijkId: roleInvitations.wijkId,
  wijkName: wijken.name,
  expiresAt: roleInvitations.expiresAt,
}

/** Invitations not yet accepted, cancelled or expired; optionally one wijk's, of one role. */
export async function listOpenInvitations(db: Db, now: Date, filter: { wijkId?: number; role?: Role } = {}): Promise<OpenInvitationRow[]> {
  return db
    .select(invitationColumns)
    .from(roleInvitations)
    .leftJoin(wijken, eq(wijken.id, roleInvitations.wijkId))
    .where(
      and(
        openAt(now),
        filter.wijkId === undefined ? undefined : eq(roleInvitations.wijkId, filter.wijkId),
        filter.role === undefined ? undefined : eq(roleInvitations.role, filter.role),
      ),
    )
    .orderBy(asc(roleInvitations.createdAt), asc(roleInvitations.id))
}

/** The open invitation a mailed token stands for, or null (unknown, used, cancelled or expired). */
export async function findOpenInvitation(db: Db, tokenHash: string, now: Date): Promise<OpenInvitationRow | null> {
  const [row] = await db
    .select(invitationColumns)
    .from(roleInvitations)
    .leftJoin(wijken, eq(wijken.id, roleInvitations.wijkId))
    .where(and(eq(roleInvitations.tokenHash, tokenHash), openAt(now)))
    .limit(1)
  return row ?? null
}

/** A person's roles with when each was given, for the kernel's session loader (SessionPeople in app.tsx). */
export async function findHeldRoles(db: Db, userId: string): Promise<HeldRole[]> {
  return db
    .select({ role: roleAssignments.role, wijkId: roleAssignments.wijkId, appointedAt: roleAssignments.createdAt })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
}
