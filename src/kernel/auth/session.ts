/**
 * Login sessions: a random 256-bit token in an HttpOnly cookie, stored only as its SHA-256.
 * A session ends after 30 days, or after 14 days without use.
 */
import { and, eq, ne } from 'drizzle-orm'
import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { Db } from '../db/client.js'
import { sessions } from './sessions.tables.js'
import { randomToken, hashToken } from './tokens.js'
import { DAY, MINUTE, addMs } from '../clock.js'
import type { Actor, ActorUser, RoleGrant, SecondFactorDue } from '../policy/actor.js'

export const SESSION_ABSOLUTE_MS = 30 * DAY
export const SESSION_IDLE_MS = 14 * DAY
/** lastSeenAt is refreshed at most this often, to keep page views free of writes. */
const TOUCH_EVERY_MS = 5 * MINUTE

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-wc_session' : 'wc_session'
}

export async function createSession(db: Db, userId: string, device: string, now: Date) {
  const token = randomToken()
  const csrfToken = randomToken()
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    device,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: addMs(now, SESSION_ABSOLUTE_MS),
  })
  return { token, sessionId: hashToken(token), csrfToken }
}

/** A role as held, with when it was given. */
export interface HeldRole extends RoleGrant {
  appointedAt: Date
}

/**
 * Decides which of a person's roles are in force for this request. The app passes the second-
 * factor requirement (features/two-factor) here, at the one place every actor's roles are built,
 * so every guarded route and every menu sees the same roles.
 */
export type RoleGate = (db: Db, userId: string, roles: HeldRole[], now: Date) => Promise<{ roles: RoleGrant[]; secondFactorDue?: SecondFactorDue }>

/** The person behind a session. One who is not `active` (blocked, cancelled) has no session. */
export interface SessionUser extends ActorUser {
  active: boolean
}

/** An unexpired session with its person (null when the account is gone) and their roles. */
export interface SessionRecord {
  csrfToken: string
  lastSeenAt: Date
  user: SessionUser | null
  roles: HeldRole[]
}

/**
 * Where the session loader finds a session's person and roles. The kernel owns the sessions
 * table; features/accounts and features/roles own the others, and src/session-people.ts reads
 * the three together (wired in app.tsx).
 */
export interface SessionPeople {
  /** The unexpired session of a token's hash, in one statement (it runs before every request of a logged-in person). */
  findSession(db: Db, tokenHash: string, now: Date): Promise<SessionRecord | null>
  heldRoles(db: Db, userId: string): Promise<HeldRole[]>
}

export interface LoadedSession {
  sessionId: string
  csrfToken: string
  actor: Actor
}

/** Finds the live session for a cookie token, with its user and roles; null when none. */
export async function loadSession(db: Db, token: string, now: Date, people: SessionPeople, gate?: RoleGate): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token)
  const row = await people.findSession(db, tokenHash, now)
  if (!row) return null
  const idle = now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS
  const found = row.user
  const held = row.roles
  // An idle session ends, and so does one whose person is no longer active (blocked, cancelled).
  if (idle || !found?.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
    return null
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash))
  }
  const gated = gate && held.length > 0 ? await gate(db, found.id, held, now) : { roles: held.map(({ role, wijkId }) => ({ role, wijkId })) }
  const { active: _active, ...user } = found
  return {
    sessionId: tokenHash,
    csrfToken: row.csrfToken,
    actor: {
      user,
      roles: gated.roles,
      ...(gated.secondFactorDue ? { secondFactorDue: gated.secondFactorDue } : {}),
    },
  }
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionId))
}

/** Ends every session of a user, optionally keeping the current one (after a password change). */
export async function destroyUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepSessionId))
        : eq(sessions.userId, userId),
    )
}

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, sessionCookieName(secure))
}

export function writeSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  })
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' })
}
