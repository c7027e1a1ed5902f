/**
 * The session loader's view of people (kernel/auth/session.ts, `SessionPeople`). The kernel owns
 * the sessions table, features/accounts the person and features/roles their roles; this module
 * sits above all three, as jobs.ts and privacy.ts do, so that a logged-in request reads its
 * session, person and roles in one statement instead of three.
 */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db } from './kernel/db/client.js'
import type { HeldRole, SessionPeople, SessionRecord } from './kernel/auth/session.js'
import { sessions } from './kernel/auth/sessions.tables.js'
import { users } from './features/accounts/accounts.tables.js'
import { roleAssignments } from './features/roles/roles.tables.js'
import { findHeldRoles } from './features/roles/roles.queries.js'

/** A role as JSON from the database: its time as text. */
type RoleJson = Omit<HeldRole, 'appointedAt'> & { appointedAt: string }

/** Every role of the session's person as one JSON array (empty when none). */
const heldRolesJson = sql<RoleJson[]>`coalesce((
  select json_agg(json_build_object('role', ${roleAssignments.role}, 'wijkId', ${roleAssignments.wijkId}, 'appointedAt', ${roleAssignments.createdAt}))
  from ${roleAssignments} where ${roleAssignments.userId} = ${sessions.userId}), '[]'::json)`

async function findSession(db: Db, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      lang: users.lang,
      homeWijkId: users.homeWijkId,
      emailVerifiedAt: users.emailVerifiedAt,
      status: users.status,
      roles: heldRolesJson,
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1)
  if (!row) return null
  const { csrfToken, lastSeenAt, id, email, firstName, lastName, lang, homeWijkId, emailVerifiedAt, status, roles } = row
  const user = id === null || email === null || firstName === null || lang === null ? null : { id, email, firstName, lastName, lang, homeWijkId, emailVerified: emailVerifiedAt !== null, active: status === 'active' }
  return { csrfToken, lastSeenAt, user, roles: roles.map((r) => ({ ...r, appointedAt: new Date(r.appointedAt) })) }
}

export const sessionPeople: SessionPeople = { findSession, heldRoles: findHeldRoles }
